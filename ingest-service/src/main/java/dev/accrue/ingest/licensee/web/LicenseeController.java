package dev.accrue.ingest.licensee.web;

import dev.accrue.ingest.common.web.CallerAccess;
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

/** The licensee directory: create or replace a licensee and their licences. */
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
    @Operation(summary = "Create or replace a licensee", description = "200 once Kafka has stored it. PROVIDER and ADMIN keys may write.")
    Licensee put(@PathVariable String licenseeId, @RequestBody LicenseeRequest body, Caller caller) {
        CallerAccess.writer(caller); // 403 for keys that may not write (ANALYST)
        Licensee licensee = licensees.put(licenseeId, body.toInput());
        log.info("licensee {} stored by key {}", licenseeId, caller.keyName());
        return licensee;
    }
}
