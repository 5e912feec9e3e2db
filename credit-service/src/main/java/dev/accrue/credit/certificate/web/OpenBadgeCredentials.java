package dev.accrue.credit.certificate.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import dev.accrue.credit.catalog.ProviderProfile;
import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.certificate.Certificate;
import dev.accrue.credit.certificate.CertifiedAward;
import dev.accrue.credit.certificate.Labels;
import dev.accrue.platform.security.DevelopmentKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Issues a certificate revision as a 1EdTech Open Badges 3.0.3 {@code OpenBadgeCredential} in the W3C VC Data
 * Model 2.0, secured as a VC-JWT whose payload is the credential ({@code typ: vc+jwt}, ES256, {@code kid} in the
 * published JWKS), and each certificate's Bitstring Status List, signed the same way. The status list of a
 * certificate has one bit per revision, set once that revision no longer stands (revised, or revoked).
 */
@Component
@EnableConfigurationProperties(CredentialProperties.class)
class OpenBadgeCredentials {

    private static final Logger log = LoggerFactory.getLogger(OpenBadgeCredentials.class);
    static final JOSEObjectType VC_JWT = new JOSEObjectType("vc+jwt");
    static final List<String> CONTEXT = List.of("https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
    /** 16 KiB of bits: the Bitstring Status List's minimum, so a list reveals nothing by its size. */
    static final int STATUS_LIST_BITS = 131_072;
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

    String issue(Certificate certificate, Optional<ProviderProfile> provider, Optional<SessionDefinition> session) {
        return sign(credential(certificate, provider, session));
    }

    /** The certificate's status list credential: bit n is set when revision n no longer stands. */
    String statusList(Certificate current, Instant now) {
        byte[] bits = new byte[STATUS_LIST_BITS / 8];
        int standing = current.revoked() ? current.revision() + 1 : current.revision();
        for (int revision = 1; revision < Math.min(standing, STATUS_LIST_BITS); revision++) {
            bits[revision / 8] |= (byte) (0x80 >>> (revision % 8)); // the left-most bit is index 0
        }
        String url = statusListUrl(current.certificateId());
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", url + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", "revocation");
        subject.put("encodedList", "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(gzip(bits)));
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("@context", List.of(CONTEXT.get(0)));
        list.put("id", url);
        list.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
        list.put("issuer", properties.issuerId());
        list.put("validFrom", now.truncatedTo(ChronoUnit.SECONDS).toString());
        list.put("credentialSubject", subject);
        return sign(list);
    }

    /** The certificate revision a credential certifies, when it is well-formed and signed by this issuer's key. */
    Optional<Presented> checkSignature(String compactJwt) {
        ECKey verifyKey = requireKey();
        try {
            JWSObject jws = JWSObject.parse(compactJwt.trim());
            if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())
                    || !jws.verify(new ECDSAVerifier(verifyKey.toECPublicKey()))) {
                return Optional.empty();
            }
            Map<String, Object> credential = jws.getPayload().toJSONObject();
            Map<String, Object> issuer = asMap(credential.get("issuer"));
            Map<String, Object> status = asMap(credential.get("credentialStatus"));
            if (issuer == null || !String.valueOf(issuer.get("id")).startsWith(properties.issuerId() + "/")
                    || status == null || !(status.get("statusListCredential") instanceof String list)
                    || !list.startsWith(properties.statusListUrl() + "/")) {
                return Optional.empty();
            }
            return Optional.of(new Presented(list.substring(properties.statusListUrl().length() + 1),
                    Integer.parseInt(String.valueOf(status.get("statusListIndex")))));
        } catch (ParseException | JOSEException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    Map<String, Object> publicKeys() {
        return new JWKSet(requireKey().toPublicJWK()).toJSONObject();
    }

    private Map<String, Object> credential(Certificate certificate, Optional<ProviderProfile> provider,
                                           Optional<SessionDefinition> session) {
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", properties.issuerId() + "/providers/" + certificate.providerId() + "/courses/"
                + certificate.courseId());
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", "CertificateOfCompletion");
        achievement.put("name", certificate.title());
        achievement.put("description", certificate.title() + " (" + certificate.format().label() + "), continuing"
                + " education for licensed mental-health professionals.");
        achievement.put("criteria", Map.of("narrative", "Attendance, or a passing post-test for self-study, credited"
                + " under each approval body's rules."));
        session.ifPresent(s -> achievement.put("creditsAvailable", s.creditHours()));
        achievement.put("resultDescription", certificate.awards().stream().map(a -> Map.of(
                "id", resultId(certificate, a), "type", List.of("ResultDescription"),
                "name", Labels.approval(a.body(), a.jurisdiction()) + " CE hours", "resultType", "ext:CEHours"))
                .toList());
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", List.of("AchievementSubject"));
        if (certificate.recipientIdentityHash() != null) {
            subject.put("identifier", List.of(Map.of("type", "IdentityObject", "identityHash",
                    certificate.recipientIdentityHash(), "identityType", "emailAddress", "hashed", true,
                    "salt", certificate.certificateId())));
        }
        if (!certificate.licenseNumbers().isEmpty()) {
            subject.put("licenseNumber", String.join(", ", certificate.licenseNumbers()));
        }
        subject.put("creditsEarned", certificate.awards().stream().mapToDouble(CertifiedAward::hours).max().orElse(0));
        subject.put("activityStartDate", certificate.activityStart().toString());
        subject.put("activityEndDate", certificate.activityEnd().toString());
        subject.put("result", certificate.awards().stream().map(a -> Map.of("type", List.of("Result"),
                "resultDescription", resultId(certificate, a), "value", String.valueOf(a.hours()))).toList());
        subject.put("achievement", achievement);
        Map<String, Object> issuer = new LinkedHashMap<>();
        issuer.put("id", properties.issuerId() + "/providers/" + certificate.providerId());
        issuer.put("type", List.of("Profile"));
        issuer.put("name", provider.map(ProviderProfile::name).orElse(certificate.providerId()));
        provider.map(ProviderProfile::url).ifPresent(url -> issuer.put("url", url));
        Map<String, Object> status = new LinkedHashMap<>();
        String list = statusListUrl(certificate.certificateId());
        status.put("id", list + "#" + certificate.revision());
        status.put("type", "BitstringStatusListEntry");
        status.put("statusPurpose", "revocation");
        status.put("statusListIndex", String.valueOf(certificate.revision()));
        status.put("statusListCredential", list);
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", CONTEXT);
        vc.put("id", properties.verifyPage(certificate.certificateId(), certificate.revision()));
        vc.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        vc.put("issuer", issuer);
        vc.put("validFrom", certificate.issuedAt().truncatedTo(ChronoUnit.SECONDS).toString());
        vc.put("name", "Certificate " + certificate.certificateId() + ": " + certificate.title());
        vc.put("credentialSubject", subject);
        vc.put("credentialStatus", status);
        return vc;
    }

    private static String resultId(Certificate certificate, CertifiedAward award) {
        return "urn:accrue:certificate:" + certificate.certificateId() + ":hours:" + award.body()
                + (award.jurisdiction() == null ? "" : ":" + award.jurisdiction());
    }

    private String statusListUrl(String certificateId) {
        return properties.statusListUrl() + "/" + certificateId;
    }

    private String sign(Map<String, Object> payload) {
        ECKey signingKey = requireKey();
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signingKey.getKeyID())
                .type(VC_JWT).build(), new Payload(payload));
        try {
            jws.sign(new ECDSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign the credential", e);
        }
        return jws.serialize();
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
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
