package dev.accrue.credit.certificate.web;

import dev.accrue.credit.accrual.CreditRuleBook;
import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.certificate.Certificate;
import dev.accrue.credit.certificate.CertificateQueries;
import dev.accrue.credit.certificate.CredentialStatus;
import dev.accrue.credit.web.ReadAccess;
import dev.accrue.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Certificates by number, as JSON, PDF or a signed Open Badges credential (ADMIN, ANALYST, or the
 * PROVIDER whose session it certifies; to other providers it does not exist), and public
 * verification of presented credentials and of each certificate by its page.
 * Certificates are in a global store, so any instance answers without forwarding.
 */
@RestController
class CertificateController {

    record VerifyRequest(String credential) {
    }

    record Verification(boolean valid, CredentialStatus status, String certificateId, Integer presentedRevision,
                        Integer currentRevision, String detail) {
    }

    private final CertificateQueries queries;
    private final OpenBadgeCredentials credentials;
    private final CredentialProperties properties;
    private final CreditRuleBook creditRules;

    CertificateController(CertificateQueries queries, OpenBadgeCredentials credentials, CredentialProperties properties,
                          CreditRuleBook creditRules) {
        this.queries = queries;
        this.credentials = credentials;
        this.properties = properties;
        this.creditRules = creditRules;
    }

    @Operation(summary = "A certificate as JSON (ADMIN, ANALYST, or the provider of its session)")
    @GetMapping(path = "/v1/certificates/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Certificate certificate(@PathVariable String id, Caller caller) {
        return readable(id, caller);
    }

    @Operation(summary = "A certificate as PDF (same access as the JSON)")
    @GetMapping(path = "/v1/certificates/{id}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String id, Caller caller) {
        Certificate certificate = readable(id, caller);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + id + ".pdf\"")
                .body(pdf(certificate));
    }

    @Operation(summary = "The certificate's current revision as an Open Badges 3.0 credential, signed as a VC-JWT")
    @GetMapping(path = "/v1/certificates/{id}/credential", produces = "application/vc+jwt")
    ResponseEntity<String> credential(@PathVariable String id, Caller caller) {
        Certificate certificate = readable(id, caller);
        if (certificate.revoked()) {
            throw new ResponseStatusException(HttpStatus.GONE, "Certificate " + id + " was revoked");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/vc+jwt"))
                .body(credentials.issue(certificate, queries.provider(certificate.providerId()),
                        queries.session(certificate.sessionId())));
    }

    @Operation(summary = "Checks a presented credential's signature and that it certifies the current, unrevoked revision (public)")
    @PostMapping(path = "/v1/credentials/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    Verification verify(@RequestBody VerifyRequest request) {
        if (request == null || request.credential() == null || request.credential().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Send {\"credential\": \"<VC-JWT>\"}");
        }
        return credentials.checkSignature(request.credential())
                .map(presented -> {
                    var current = queries.certificate(presented.certificateId());
                    CredentialStatus status = CredentialStatus.of(presented.revision(), current);
                    return new Verification(status == CredentialStatus.VALID, status, presented.certificateId(),
                            presented.revision(), current.map(Certificate::revision).orElse(null), detail(status));
                })
                .orElseGet(() -> new Verification(false, null, null, null, null,
                        "The signature is not valid, or the credential was not issued by this issuer"));
    }

    @Operation(summary = "A certificate's public verification page (HTML, no key): valid, revised since the printed"
            + " revision, or revoked, and the credit it certifies now")
    @GetMapping(path = "/verify/{id}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> verificationPage(@PathVariable String id, @RequestParam(required = false) Integer revision) {
        Optional<Certificate> found = queries.certificate(id);
        ZoneId zone = found.flatMap(c -> queries.session(c.sessionId())).map(SessionDefinition::zone)
                .orElse(ZoneOffset.UTC);
        // Numbers carry 160 bits, so a public page per number reveals nothing that can be found by guessing.
        return ResponseEntity.status(found.isPresent() ? HttpStatus.OK : HttpStatus.NOT_FOUND)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .header("X-Content-Type-Options", "nosniff")
                .body(VerificationPage.render(id, found, found.flatMap(c -> queries.provider(c.providerId())), revision,
                        zone));
    }

    @Operation(summary = "A certificate's Bitstring Status List (public), signed as a VC-JWT: bit n is set once"
            + " revision n no longer stands")
    @GetMapping(path = "/v1/credentials/status/{id}", produces = "application/vc+jwt")
    ResponseEntity<String> statusList(@PathVariable String id) {
        Certificate current = queries.certificate(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No certificate " + id));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/vc+jwt"))
                .body(credentials.statusList(current, Instant.now()));
    }

    @Operation(summary = "The issuer's public key (JWKS), for verifying credentials offline (public)")
    @GetMapping(path = "/v1/credentials/issuer-key", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> issuerKey() {
        return credentials.publicKeys();
    }

    /** The PDF, dated in the session's time zone, with CEU for the bodies the activity's credit rules state them for. */
    private byte[] pdf(Certificate certificate) {
        Optional<SessionDefinition> session = queries.session(certificate.sessionId());
        ZoneId zone = session.map(SessionDefinition::zone).orElse(ZoneOffset.UTC);
        var ceuBodies = creditRules.effectiveAt(certificate.activityStart(), zone).ceuBodies();
        return CertificatePdf.render(certificate, queries.provider(certificate.providerId()), session, zone, ceuBodies,
                properties.verifyPage(certificate.certificateId(), certificate.revision()));
    }

    /**
     * The certificate, if the caller may read it. Another provider's certificate is the same 404 as an unknown
     * one: numbers derive from (licensee, session), so a 403 would confirm that a person attended that session.
     */
    private Certificate readable(String id, Caller caller) {
        return queries.certificate(id)
                .filter(certificate -> ReadAccess.mayRead(caller, certificate.providerId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No certificate " + id));
    }

    private static String detail(CredentialStatus status) {
        return switch (status) {
            case VALID -> "The credential certifies the current revision";
            case UNKNOWN_CERTIFICATE -> "No such certificate";
            case SUPERSEDED -> "A newer revision of this certificate replaced the one presented";
            case REVOKED -> "Every award on this certificate was revoked";
        };
    }
}
