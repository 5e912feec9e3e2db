package dev.accrue.ingest.catalog.web;

import dev.accrue.ingest.access.web.CallerAccess;
import dev.accrue.ingest.catalog.CatalogService;
import dev.accrue.ingest.catalog.Session;
import dev.accrue.ingest.catalog.SessionClosure;
import dev.accrue.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The provider's catalog: create or replace a session, and close its roster. */
@RestController
@RequestMapping(path = "/v1/sessions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Catalog")
class SessionController {

    private static final Logger log = LoggerFactory.getLogger(SessionController.class);

    private final CatalogService catalog;

    SessionController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @PutMapping(path = "/{sessionId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create or replace a session",
            description = "200 once Kafka has stored it. 403 when the providerId, or the existing session, is another provider's.")
    Session put(@PathVariable String sessionId, @RequestBody SessionRequest body, Caller caller) {
        Session session = catalog.put(sessionId, body.toInput(), CallerAccess.writer(caller));
        log.info("session {} stored for provider {} by key {}", sessionId, session.providerId(), caller.keyName());
        return session;
    }

    @PostMapping("/{sessionId}/close")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Declare a session's roster complete", description = "202 once Kafka has stored the closure; 404 for an unknown session.")
    SessionClosure close(@PathVariable String sessionId, Caller caller) {
        SessionClosure closure = catalog.close(sessionId, CallerAccess.writer(caller));
        log.info("session {} closed by key {}", sessionId, caller.keyName());
        return closure;
    }
}
