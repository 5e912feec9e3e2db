package dev.accrue.ingest.licensee.web;

import dev.accrue.ingest.access.web.CallerAccess;
import dev.accrue.ingest.licensee.Licensee;
import dev.accrue.ingest.licensee.LicenseeService;
import dev.accrue.platform.security.Caller;
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

/** The licensee directory: create or replace a licensee and their licences, private to the provider that owns it. */
@RestController
@RequestMapping(path = "/v1/licensees", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Licensees")
class LicenseeController {

    private static final Logger log = LoggerFactory.getLogger(LicenseeController.class);

    private final LicenseeService licensees;

    LicenseeController(LicenseeService licensees) {
        this.licensees = licensees;
    }

    @PutMapping(path = "/{licenseeId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create or replace a licensee", description = "200 once Kafka has stored it, with `owner`, the"
            + " provider that registered the licensee. PROVIDER and ADMIN keys may write. The provider that registers a new"
            + " licensee id owns it; afterwards only that provider or an ADMIN key may replace it, others get 409"
            + " id-unavailable (ids are one namespace for all providers: use opaque ids; the answer names no one). An"
            + " ADMIN write sets `owner` when the body names one (assign or transfer) and keeps it otherwise. A licensee"
            + " without an owner (stored before owners were recorded, or created by an ADMIN key without one) is assigned"
            + " only by an ADMIN key (`owner` in the body); a provider's write of it is the same 409. 503 when the licensee"
            + " directory cannot catch up with Kafka. Only"
            + " sessions of the owner may name the licensee in attendance; to other providers it does not exist.")
    Licensee put(@PathVariable String licenseeId, @RequestBody LicenseeRequest body, Caller caller) {
        Licensee licensee = licensees.put(licenseeId, body.toInput(), CallerAccess.writer(caller)); // 403 for ANALYST keys
        log.info("licensee {} stored by key {}", licenseeId, caller.keyName());
        return licensee;
    }
}
