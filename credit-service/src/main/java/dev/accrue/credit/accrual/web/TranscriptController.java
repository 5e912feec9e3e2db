package dev.accrue.credit.accrual.web;

import dev.accrue.credit.accrual.Award;
import dev.accrue.credit.accrual.Transcript;
import dev.accrue.credit.accrual.TranscriptQueries;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.CategoryHours;
import dev.accrue.credit.certificate.CertificateNumber;
import dev.accrue.credit.web.KnownLicensee;
import dev.accrue.credit.web.OwnerForwarding;
import dev.accrue.credit.web.ReadAccess;
import dev.accrue.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A licensee's transcript: every award that currently grants credit. PROVIDER keys see only their sessions' awards. */
@RestController
class TranscriptController {

    record TranscriptView(String licenseeId, List<Entry> awards) {
    }

    record Entry(String awardId, int revision, String sessionId, String courseId, String providerId, String title,
                 ApprovalBody body, String jurisdiction, String approvalId, double hours, Double ceu,
                 List<CategoryHours> categories, Instant completedAt, String certificateId) {

        static Entry of(Award award) {
            return new Entry(award.awardId(), award.revision(), award.sessionId(), award.courseId(), award.providerId(),
                    award.title(), award.body(), award.jurisdiction(), award.approvalId(), award.hours(), award.ceu(),
                    award.categories(), award.completedAt(), CertificateNumber.of(award.licenseeId(), award.sessionId()));
        }
    }

    private final TranscriptQueries queries;
    private final OwnerForwarding forwarding;

    TranscriptController(TranscriptQueries queries, OwnerForwarding forwarding) {
        this.queries = queries;
        this.forwarding = forwarding;
    }

    @Operation(summary = "A licensee's awards (ADMIN, ANALYST; PROVIDER: awards from its own sessions only, 404 when"
            + " there are none)")
    @GetMapping("/v1/licensees/{id}/transcript")
    ResponseEntity<?> transcript(@PathVariable String id, Caller caller, HttpServletRequest request) {
        return forwarding.forwardIfRemote(id, request).<ResponseEntity<?>>map(r -> r).orElseGet(() -> {
            if (!ReadAccess.readsEverything(caller)) {
                return ResponseEntity.ok(new TranscriptView(id, ownEntries(id, caller)));
            }
            Transcript transcript = KnownLicensee.orEmpty(queries::knowsLicensee, id, queries.transcript(id), () -> Transcript.empty(id));
            return ResponseEntity.ok(new TranscriptView(id, transcript.granted().stream().map(Entry::of).toList()));
        });
    }

    /**
     * A provider's view: only awards from its own sessions. Whether the licensee is unknown, someone
     * else's, or simply has no credit from this provider yet, the answer is the same 404, so a
     * provider cannot learn that another provider registered or credited a person.
     */
    private List<Entry> ownEntries(String id, Caller caller) {
        List<Entry> entries = queries.transcript(id).map(Transcript::granted).orElse(List.of()).stream()
                .filter(award -> ReadAccess.mayRead(caller, award.providerId()))
                .map(Entry::of).toList();
        if (entries.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No credit from provider '"
                    + caller.providerId().orElse("") + "' for licensee '" + id + "'");
        }
        return entries;
    }
}
