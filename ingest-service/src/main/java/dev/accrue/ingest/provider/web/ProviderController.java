package dev.accrue.ingest.provider.web;

import dev.accrue.ingest.provider.Provider;
import dev.accrue.ingest.provider.ProviderService;
import dev.accrue.platform.security.Caller;
import dev.accrue.platform.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Provider profiles: what certificates print about the provider. ADMIN only, as the approvals are vouched for. */
@RestController
@RequestMapping(path = "/v1/providers", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Providers")
class ProviderController {

    private static final Logger log = LoggerFactory.getLogger(ProviderController.class);

    private final ProviderService providers;

    ProviderController(ProviderService providers) {
        this.providers = providers;
    }

    @PutMapping(path = "/{providerId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create or replace a provider profile (ADMIN)",
            description = "200 once Kafka has stored it. Certificates print its name, address, signer and each body's"
                    + " approval statement and number.")
    Provider put(@PathVariable String providerId, @RequestBody ProviderRequest body, Caller caller) {
        caller.requireRole(Role.ADMIN);
        Provider provider = providers.put(providerId, body.toInput());
        log.info("provider profile {} stored by key {}", providerId, caller.keyName());
        return provider;
    }
}
