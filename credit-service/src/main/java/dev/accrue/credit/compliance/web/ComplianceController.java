package dev.accrue.credit.compliance.web;

import dev.accrue.credit.compliance.ComplianceQueries;
import dev.accrue.credit.compliance.ComplianceReport;
import dev.accrue.credit.web.KnownLicensee;
import dev.accrue.credit.web.OwnerForwarding;
import dev.accrue.platform.security.Caller;
import dev.accrue.platform.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Renewal compliance per licence. It spans every provider's credit, so only ADMIN and ANALYST keys read it. */
@RestController
class ComplianceController {

    record ComplianceView(String licenseeId, List<ComplianceReport> licenses) {
    }

    private final ComplianceQueries queries;
    private final OwnerForwarding forwarding;

    ComplianceController(ComplianceQueries queries, OwnerForwarding forwarding) {
        this.queries = queries;
        this.forwarding = forwarding;
    }

    @Operation(summary = "Compliance of each of the licensee's licences (ADMIN, ANALYST)")
    @GetMapping("/v1/licensees/{id}/compliance")
    ResponseEntity<?> compliance(@PathVariable String id, Caller caller, HttpServletRequest request) {
        caller.requireRole(Role.ADMIN, Role.ANALYST);
        return forwarding.forwardIfRemote(id, request).<ResponseEntity<?>>map(r -> r).orElseGet(() -> {
            List<ComplianceReport> reports = KnownLicensee.orEmpty(queries::knowsLicensee, id, queries.compliance(id), List::of);
            return ResponseEntity.ok(new ComplianceView(id, reports));
        });
    }
}
