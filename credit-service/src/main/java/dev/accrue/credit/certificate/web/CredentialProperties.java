package dev.accrue.credit.certificate.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Signing of Open Badges credentials ({@code accrue.credit.credentials.*}).
 *
 * @param signingKey EC P-256 private key as a JWK (JSON); blank means credentials are not offered. The
 *                   published development key of application-local.yml is refused outside {@code local}
 * @param issuerId the issuer's id (URL) written into every credential
 * @param issuerName the issuer's display name
 * @param verifyUrl where the credential says it can be verified
 * @param verifyPageUrl the base of each certificate's public page ({@code <base>/<number>?revision=<n>})
 * @param statusListUrl the base of each certificate's public status list ({@code <base>/<number>})
 */
@ConfigurationProperties("accrue.credit.credentials")
record CredentialProperties(
        @DefaultValue("") String signingKey,
        @DefaultValue("https://accrue.dev/issuers/credit-service") String issuerId,
        @DefaultValue("Accrue") String issuerName,
        @DefaultValue("https://accrue.dev/v1/credentials/verify") String verifyUrl,
        @DefaultValue("https://accrue.dev/verify") String verifyPageUrl,
        @DefaultValue("https://accrue.dev/v1/credentials/status") String statusListUrl) {

    /** The public page of one revision of a certificate, as printed on it. */
    String verifyPage(String certificateId, int revision) {
        return verifyPageUrl + "/" + certificateId + "?revision=" + revision;
    }
}
