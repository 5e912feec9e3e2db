package dev.accrue.credit.certificate.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.accrue.credit.certificate.Certificate;
import dev.accrue.credit.certificate.CertifiedAward;
import dev.accrue.platform.security.DevelopmentKeys;
import java.text.ParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Issues a certificate revision as a 1EdTech Open Badges 3.0 {@code OpenBadgeCredential}, signed
 * as a VC-JWT (ES256; the credential in the {@code vc} claim, as OB 3.0's JWT proof format says),
 * and checks the signature of presented ones. The credential names the certificate number and
 * revision in {@code credentialStatus}, which is what verification compares with the current one.
 */
@Component
@EnableConfigurationProperties(CredentialProperties.class)
class OpenBadgeCredentials {

    private static final Logger log = LoggerFactory.getLogger(OpenBadgeCredentials.class);
    static final String STATUS_TYPE = "AccrueCertificateRevision";
    /** The published development key's thumbprint: anyone can sign with it, so only {@code local} may use it. */
    static final String DEVELOPMENT_KEY_THUMBPRINT = "uq8UKf9BeT9d1ytd_zYqhXPHadsK1g0NL0KxTJwL_qo";

    /** What a valid signature vouches for: which certificate revision the credential certifies. */
    record Presented(String certificateId, int revision) {
    }

    private final CredentialProperties properties;
    private final Optional<ECKey> key;

    OpenBadgeCredentials(CredentialProperties properties, Environment environment) {
        this.properties = properties;
        this.key = parse(properties.signingKey());
        if (key.filter(OpenBadgeCredentials::isDevelopmentKey).isPresent()) {
            DevelopmentKeys.refuseOutsideLocal("development credential-signing key is",
                    "Configure your own EC P-256 private JWK in accrue.credit.credentials.signing-key", environment);
        }
        if (key.isEmpty()) {
            log.warn("No accrue.credit.credentials.signing-key: signed credentials are not offered");
        }
    }

    String issue(Certificate certificate) {
        ECKey signingKey = requireKey();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuerId())
                .subject("urn:accrue:licensee:" + certificate.licenseeId())
                .jwtID(credentialId(certificate))
                .notBeforeTime(Date.from(certificate.issuedAt()))
                .issueTime(Date.from(certificate.issuedAt()))
                .claim("vc", credential(certificate))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signingKey.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new ECDSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign the credential", e);
        }
        return jwt.serialize();
    }

    /** The certificate revision a credential certifies, when it is well-formed and signed by this issuer's key. */
    Optional<Presented> checkSignature(String compactJwt) {
        ECKey verifyKey = requireKey();
        try {
            SignedJWT jwt = SignedJWT.parse(compactJwt.trim());
            if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new ECDSAVerifier(verifyKey.toECPublicKey()))
                    || !properties.issuerId().equals(jwt.getJWTClaimsSet().getIssuer())) {
                return Optional.empty();
            }
            Map<String, Object> status = jwt.getJWTClaimsSet().getJSONObjectClaim("vc") == null ? null
                    : asMap(jwt.getJWTClaimsSet().getJSONObjectClaim("vc").get("credentialStatus"));
            if (status == null || status.get("certificateId") == null || status.get("revision") == null) {
                return Optional.empty();
            }
            return Optional.of(new Presented(status.get("certificateId").toString(),
                    ((Number) status.get("revision")).intValue()));
        } catch (ParseException | JOSEException | ClassCastException e) {
            return Optional.empty();
        }
    }

    Map<String, Object> publicKeys() {
        return new JWKSet(requireKey().toPublicJWK()).toJSONObject();
    }

    private Map<String, Object> credential(Certificate certificate) {
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", "urn:accrue:course:" + certificate.providerId() + ":" + certificate.courseId());
        achievement.put("type", List.of("Achievement"));
        achievement.put("name", certificate.title());
        achievement.put("description", certificate.title() + " (" + certificate.format().label() + "), provided by "
                + certificate.providerId() + ". " + hoursStatement(certificate));
        achievement.put("criteria", Map.of("narrative",
                "Attendance or a passing post-test, credited under each approval body's rules."));
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", "urn:accrue:licensee:" + certificate.licenseeId());
        subject.put("type", List.of("AchievementSubject"));
        subject.put("licenseNumber", String.join(", ", certificate.licenseNumbers()));
        subject.put("creditsEarned", certificate.awards().stream().mapToDouble(CertifiedAward::hours).max().orElse(0));
        subject.put("activityStartDate", certificate.activityStart().toString());
        subject.put("activityEndDate", certificate.activityEnd().toString());
        subject.put("achievement", achievement);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", properties.verifyUrl() + "#" + certificate.certificateId());
        status.put("type", STATUS_TYPE);
        status.put("certificateId", certificate.certificateId());
        status.put("revision", certificate.revision());
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", List.of("https://www.w3.org/2018/credentials/v1",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"));
        vc.put("id", credentialId(certificate));
        vc.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        vc.put("issuer", Map.of("id", properties.issuerId(), "type", List.of("Profile"), "name", properties.issuerName()));
        vc.put("issuanceDate", certificate.issuedAt().toString());
        vc.put("name", "Certificate " + certificate.certificateId() + ": " + certificate.title());
        vc.put("credentialSubject", subject);
        vc.put("credentialStatus", status);
        return vc;
    }

    private static String hoursStatement(Certificate certificate) {
        return String.join("; ", certificate.awards().stream()
                .map(a -> a.hours() + " h approved by " + a.body() + " (" + a.approvalId() + ")").toList());
    }

    private static String credentialId(Certificate certificate) {
        return "urn:accrue:certificate:" + certificate.certificateId() + ":revision:" + certificate.revision();
    }

    private ECKey requireKey() {
        return key.orElseThrow(() -> new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                "Signed credentials are not configured on this instance (accrue.credit.credentials.signing-key)"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    /** The key of application-local.yml, by its public key's thumbprint (RFC 7638) whatever its kid or layout. */
    static boolean isDevelopmentKey(ECKey key) {
        try {
            return DEVELOPMENT_KEY_THUMBPRINT.equals(key.computeThumbprint().toString());
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot compute the signing key's thumbprint", e);
        }
    }

    private static Optional<ECKey> parse(String jwk) {
        if (jwk == null || jwk.isBlank()) {
            return Optional.empty();
        }
        try {
            ECKey parsed = ECKey.parse(jwk);
            if (!parsed.isPrivate()) {
                throw new IllegalStateException("accrue.credit.credentials.signing-key must be a private EC key");
            }
            return Optional.of(parsed);
        } catch (ParseException e) {
            throw new IllegalStateException("accrue.credit.credentials.signing-key is not an EC JWK", e);
        }
    }
}
