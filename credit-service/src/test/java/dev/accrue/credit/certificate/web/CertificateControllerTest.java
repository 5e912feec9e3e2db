package dev.accrue.credit.certificate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.nimbusds.jose.JWSObject;
import dev.accrue.credit.Fixtures;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.Category;
import dev.accrue.credit.catalog.CategoryHours;
import dev.accrue.credit.catalog.Format;
import dev.accrue.credit.catalog.ProviderProfile;
import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.certificate.Certificate;
import dev.accrue.credit.certificate.CertifiedAward;
import dev.accrue.credit.certificate.RecipientIdentity;
import dev.accrue.credit.query.StoreQueries;
import dev.accrue.platform.security.ApiKeySecurityConfiguration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(CertificateController.class)
@Import({OpenBadgeCredentials.class, CertificateControllerTest.Rules.class})
@ImportAutoConfiguration(ApiKeySecurityConfiguration.class)
@ActiveProfiles("local")
class CertificateControllerTest {

    static final String ID = "AC-0000-1111-2222-3333-4444-5555-6666-7777";
    static final Instant AT = Instant.parse("2025-03-10T13:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    StoreQueries queries;

    /** The real credit rule files, which say which bodies state CEU. */
    @org.springframework.boot.test.context.TestConfiguration
    static class Rules {
        @org.springframework.context.annotation.Bean
        dev.accrue.credit.accrual.CreditRuleBook creditRuleBook() {
            return dev.accrue.credit.accrual.CreditRuleBook.load();
        }
    }

    static Certificate certificate(int revision, double hours) {
        List<CertifiedAward> awards = hours > 0
                ? List.of(new CertifiedAward("a-1", revision, ApprovalBody.APA, null, "APA-123", hours,
                        List.of(new CategoryHours(Category.LAW_AND_ETHICS, hours))))
                : List.of();
        return new Certificate(ID, revision, "lic-1", "Ada Lovelace", List.of("CA-BBS:LMFT123"), "sess-1", "course-1",
                "acme", "Ethics in Telehealth", Format.LIVE_WEBINAR, AT.minusSeconds(14400), AT.minusSeconds(3600),
                awards, AT, RecipientIdentity.hash("ada@example.org", ID));
    }

    @BeforeEach
    void storeHoldsRevisionOne() {
        given(queries.certificate(ID)).willReturn(Optional.of(certificate(1, 3)));
    }

    @Test
    void aCertificateAnswers503WithRetryAfterWhileTheStoresCannotBeRead() throws Exception {
        given(queries.certificate(ID)).willThrow(new StoreQueries.Unavailable("Credit processing is REBALANCING"));
        mvc.perform(get("/v1/certificates/" + ID).header("Authorization", "Bearer dev-admin-key"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Credit processing is REBALANCING"));
    }

    private String credential() throws Exception {
        return mvc.perform(get("/v1/certificates/" + ID + "/credential").header("Authorization", "Bearer dev-admin-key"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private org.springframework.test.web.servlet.ResultActions verify(String credential) throws Exception {
        return mvc.perform(post("/v1/credentials/verify").contentType(MediaType.APPLICATION_JSON)
                .content("{\"credential\":\"" + credential + "\"}"));
    }

    @Test
    void anAnalystReadsACertificateAsJson() throws Exception {
        mvc.perform(get("/v1/certificates/" + ID).header("Authorization", "Bearer dev-analyst-key"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.certificateId").value(ID))
                .andExpect(jsonPath("$.awards[0].hours").value(3.0));
    }

    @Test
    void theProviderOfTheSessionReadsItsCertificate() throws Exception {
        mvc.perform(get("/v1/certificates/" + ID).header("Authorization", "Bearer dev-provider-acme-key"))
                .andExpect(status().isOk());
    }

    @Test
    void toAnotherProviderItIsAsUnknownAsACertificateThatDoesNotExist() throws Exception {
        given(queries.certificate("AC-NOPE")).willReturn(Optional.empty());
        for (String path : new String[] {"", ".pdf", "/credential"}) {
            String unknown = mvc.perform(get("/v1/certificates/AC-NOPE" + path)
                            .header("Authorization", "Bearer dev-provider-northwind-key"))
                    .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
            mvc.perform(get("/v1/certificates/" + ID + path).header("Authorization", "Bearer dev-provider-northwind-key"))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(content().string(unknown.replace("AC-NOPE", ID)));
        }
    }

    @Test
    void readingWithoutAKeyIsUnauthorized() throws Exception {
        mvc.perform(get("/v1/certificates/" + ID)).andExpect(status().isUnauthorized());
    }

    @Test
    void anUnknownCertificateIsNotFound() throws Exception {
        given(queries.certificate("AC-NOPE")).willReturn(Optional.empty());
        mvc.perform(get("/v1/certificates/AC-NOPE").header("Authorization", "Bearer dev-admin-key"))
                .andExpect(status().isNotFound());
    }

    @Test
    void thePdfIsAPdfDocument() throws Exception {
        byte[] pdf = mvc.perform(get("/v1/certificates/" + ID + ".pdf").header("Authorization", "Bearer dev-admin-key"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Ada Lovelace", "CA-BBS:LMFT123", "Ethics in Telehealth", "APA-123", ID,
                    "live interactive webinar", "Law and ethics: 3.0 hours");
        }
    }

    @Test
    void thePdfDatesTheActivityInTheSessionsTimeZone() throws Exception {
        // 18:00-20:00 on 30 December in Los Angeles is already 31 December in UTC.
        Certificate c = certificate(1, 3);
        given(queries.certificate(ID)).willReturn(Optional.of(new Certificate(c.certificateId(), c.revision(), c.licenseeId(),
                c.participantName(), c.licenseNumbers(), c.sessionId(), c.courseId(), c.providerId(), c.title(), c.format(),
                Instant.parse("2025-12-31T02:00:00Z"), Instant.parse("2025-12-31T04:00:00Z"), c.awards(),
                Instant.parse("2025-12-31T05:00:00Z"), null)));
        // The fixture session is in America/Los_Angeles.
        given(queries.session("sess-1")).willReturn(Optional.of(dev.accrue.credit.Fixtures.live(3)));

        byte[] pdf = mvc.perform(get("/v1/certificates/" + ID + ".pdf").header("Authorization", "Bearer dev-admin-key"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Date(s): 30 December 2025", "Issued 30 December 2025").doesNotContain("31 December");
        }
    }

    @Test
    void iacetCreditIsAlsoStatedInCeu() throws Exception {
        Certificate c = certificate(1, 3);
        given(queries.certificate(ID)).willReturn(Optional.of(new Certificate(c.certificateId(), c.revision(), c.licenseeId(),
                c.participantName(), c.licenseNumbers(), c.sessionId(), c.courseId(), c.providerId(), c.title(), c.format(),
                c.activityStart(), c.activityEnd(), List.of(c.awards().get(0),
                        new CertifiedAward("a-2", 1, ApprovalBody.IACET, null, "IACET-9", 1.5, List.of())), c.issuedAt(), null)));

        byte[] pdf = mvc.perform(get("/v1/certificates/" + ID + ".pdf").header("Authorization", "Bearer dev-admin-key"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("(approval number IACET-9): 1.5 hours (0.15 CEU)")
                    .contains("(approval number APA-123): 3.0 hours\n");
        }
    }

    @Test
    void theVerificationPageNeedsNoKeyAndSaysTheCertificateIsValid() throws Exception {
        mvc.perform(get("/verify/" + ID).param("revision", "1"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(header().string("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'"))
                .andExpect(content().string(containsString(">Valid</h1>")))
                .andExpect(content().string(containsString("Ada Lovelace")))
                .andExpect(content().string(containsString("<td>APA</td><td>APA-123</td><td>3.0</td><td>Law and ethics 3.0 h</td>")))
                .andExpect(content().string(not(containsString("LMFT123"))));
    }

    @Test
    void thePageOfAPrintedRevisionSaysItWasRevisedAndShowsTheCurrentCredit() throws Exception {
        given(queries.certificate(ID)).willReturn(Optional.of(certificate(2, 1.5)));
        mvc.perform(get("/verify/" + ID).param("revision", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Revised</h1>")))
                .andExpect(content().string(containsString("<td>1.5</td>")));
    }

    @Test
    void thePageOfARevokedCertificateSaysSoAndListsNoCredit() throws Exception {
        given(queries.certificate(ID)).willReturn(Optional.of(certificate(2, 0)));
        mvc.perform(get("/verify/" + ID))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Revoked</h1>")))
                .andExpect(content().string(not(containsString("<table>"))));
    }

    @Test
    void theSessionsLocationAndInstructorsArePrinted() throws Exception {
        SessionDefinition s = Fixtures.live(3, ApprovalBody.APA);
        given(queries.session("sess-1")).willReturn(Optional.of(new SessionDefinition(s.sessionId(), s.courseId(),
                s.providerId(), s.title(), s.format(), s.startsAt(), s.endsAt(), s.timeZone(), s.breaks(), s.creditHours(),
                s.categories(), s.approvals(), s.passingScore(), null, "Online, Zoom",
                List.of("Dana Reyes, PhD", "Sam Okafor"))));
        byte[] pdf = mvc.perform(get("/v1/certificates/" + ID + ".pdf").header("Authorization", "Bearer dev-admin-key"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        try (var document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Location: Online, Zoom", "Instructor(s): Dana Reyes, PhD, Sam Okafor");
        }
    }

    @Test
    void namesPrintAsWrittenWithTheirAccents() throws Exception {
        Certificate c = certificate(1, 3);
        given(queries.certificate(ID)).willReturn(Optional.of(new Certificate(c.certificateId(), c.revision(), c.licenseeId(),
                "Zoë Đặng", c.licenseNumbers(), c.sessionId(), c.courseId(), c.providerId(), "Ética clínica — São Paulo",
                c.format(), c.activityStart(), c.activityEnd(), c.awards(), c.issuedAt(), null)));
        byte[] pdf = mvc.perform(get("/v1/certificates/" + ID + ".pdf").header("Authorization", "Bearer dev-admin-key"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        try (var document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Zoë Đặng", "Ética clínica — São Paulo");
        }
    }

    @Test
    void theProvidersProfileGivesItsNameSignerAndEachBodysMandatedStatement() throws Exception {
        Certificate c = certificate(1, 3);
        given(queries.certificate(ID)).willReturn(Optional.of(new Certificate(c.certificateId(), c.revision(), c.licenseeId(),
                c.participantName(), c.licenseNumbers(), c.sessionId(), c.courseId(), c.providerId(), c.title(), c.format(),
                c.activityStart(), c.activityEnd(), List.of(c.awards().get(0), new CertifiedAward("a-2", 1, ApprovalBody.ASWB_ACE,
                        null, "ACE-77", 3, List.of())), c.issuedAt(), null)));
        given(queries.provider("acme")).willReturn(Optional.of(new ProviderProfile("acme", "Acme Behavioral Health Institute",
                "https://acme.example.org", "100 Main Street\nSacramento, CA 95814", null, "Dana Reyes", "CE Director", List.of(
                new ProviderProfile.ProviderApproval(ApprovalBody.APA, null, "1234", "Acme Behavioral Health Institute is"
                        + " approved by the American Psychological Association to sponsor continuing education for"
                        + " psychologists. Acme maintains responsibility for this program and its content.", null, null,
                        null, null),
                new ProviderProfile.ProviderApproval(ApprovalBody.ASWB_ACE, null, "1789", "Acme, provider #1789, is"
                        + " approved as an ACE provider to offer social work continuing education by the Association of"
                        + " Social Work Boards.", "Clinical", "Intermediate", LocalDate.parse("2024-03-01"),
                        LocalDate.parse("2027-03-01"))))));
        byte[] pdf = mvc.perform(get("/v1/certificates/" + ID + ".pdf").header("Authorization", "Bearer dev-admin-key"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replace("\n", " ");
            assertThat(text).contains("Provider: Acme Behavioral Health Institute", "Sacramento, CA 95814",
                    "approved by the American Psychological Association to sponsor continuing education for psychologists",
                    "APA (approval number APA-123, provider number 1234): 3.0 hours",
                    "Course type: Clinical. Level: Intermediate. Approval period: 1 March 2024 to 1 March 2027.",
                    "Dana Reyes, CE Director");
        }
        mvc.perform(get("/verify/" + ID)).andExpect(content().string(containsString("Acme Behavioral Health Institute")));
    }

    @Test
    void anUnknownNumberIsA404Page() throws Exception {
        given(queries.certificate("AC-NOPE")).willReturn(Optional.empty());
        mvc.perform(get("/verify/AC-NOPE"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("No certificate has the number AC-NOPE")));
    }

    @Test
    void markupInACertificateIsShownAsTextNeverRun() throws Exception {
        Certificate c = certificate(1, 3);
        given(queries.certificate(ID)).willReturn(Optional.of(new Certificate(c.certificateId(), c.revision(), c.licenseeId(),
                "<img src=x onerror=alert(1)>", c.licenseNumbers(), c.sessionId(), c.courseId(), c.providerId(),
                "<script>alert(1)</script>", c.format(), c.activityStart(), c.activityEnd(), c.awards(), c.issuedAt(), null)));
        mvc.perform(get("/verify/" + ID))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>"))))
                .andExpect(content().string(not(containsString("<img"))));
    }

    @Test
    void thePdfsQrCodeLeadsToTheVerificationPageOfItsRevision() throws Exception {
        Certificate c = certificate(1, 3);
        given(queries.certificate(ID)).willReturn(Optional.of(new Certificate(c.certificateId(), c.revision(), c.licenseeId(),
                c.participantName(), c.licenseNumbers(), c.sessionId(), c.courseId(), c.providerId(), c.title(), c.format(),
                c.activityStart(), c.activityEnd(), List.of(new CertifiedAward("a-3", 1, ApprovalBody.STATE_BOARD, "FL",
                        "50-1234", 3, List.of(new CategoryHours(Category.ETHICS_AND_BOUNDARIES, 3)))), c.issuedAt(), null)));
        byte[] pdf = mvc.perform(get("/v1/certificates/" + ID + ".pdf").header("Authorization", "Bearer dev-admin-key"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("State board (FL) (approval number 50-1234): 3.0 hours", "Ethics and boundaries: 3.0 hours")
                    .doesNotContain("ETHICS_AND_BOUNDARIES");
            var image = new PDFRenderer(document).renderImageWithDPI(0, 150);
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            var bitmap = new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
            assertThat(new QRCodeReader().decode(bitmap).getText())
                    .isEqualTo("http://localhost:8082/verify/" + ID + "?revision=1");
        }
    }

    @Test
    void aFreshCredentialVerifiesWithoutAnApiKey() throws Exception {
        verify(credential()).andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.status").value("VALID"));
    }

    @Test
    void aCredentialOfASupersededRevisionFails() throws Exception {
        String old = credential();
        given(queries.certificate(ID)).willReturn(Optional.of(certificate(2, 1.5)));
        verify(old).andExpect(jsonPath("$.valid").value(false)).andExpect(jsonPath("$.status").value("SUPERSEDED"));
    }

    @Test
    void aCredentialOfARevokedAwardFails() throws Exception {
        String old = credential();
        given(queries.certificate(ID)).willReturn(Optional.of(certificate(2, 0)));
        verify(old).andExpect(jsonPath("$.valid").value(false)).andExpect(jsonPath("$.status").value("REVOKED"));
    }

    @Test
    void aTamperedCredentialFails() throws Exception {
        String[] parts = credential().split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "AAAA." + parts[2];
        verify(tampered).andExpect(jsonPath("$.valid").value(false));
    }

    @Test
    void theCredentialIsAnOpenBadge303CredentialInTheVc2Payload() throws Exception {
        JWSObject jws = JWSObject.parse(credential());
        assertThat(jws.getHeader().getType()).hasToString("vc+jwt");
        Map<String, Object> vc = jws.getPayload().toJSONObject();
        assertThat(vc.get("@context")).isEqualTo(List.of("https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"));
        assertThat(vc).containsKeys("validFrom", "credentialStatus").doesNotContainKeys("issuanceDate", "vc");
        assertThat(vc.get("type").toString()).contains("OpenBadgeCredential");
        @SuppressWarnings("unchecked")
        var subject = (Map<String, Object>) vc.get("credentialSubject");
        assertThat(subject).containsKeys("identifier", "licenseNumber", "creditsEarned", "activityStartDate", "result",
                "achievement").doesNotContainKey("id");
        assertThat(subject.get("identifier").toString()).contains(RecipientIdentity.hash("ada@example.org", ID))
                .doesNotContain("ada@example.org");
        assertThat(vc.get("credentialStatus").toString()).contains("BitstringStatusListEntry");
    }

    @Test
    void anIndependentVerifierAcceptsTheCredentialAndSeesItRevokedOnceRevised() throws Exception {
        assumeTrue(OutsideVerifier.available(), "node and npm are needed for the outside verifier (jose, ajv)");
        String credential = credential();
        String jwks = mvc.perform(get("/v1/credentials/issuer-key")).andReturn().getResponse().getContentAsString();

        JsonNode fresh = OutsideVerifier.verify(credential, jwks, statusList());
        assertThat(fresh.get("schemaValid").asBoolean()).as("OB 3.0 schema errors: %s", fresh.get("errors")).isTrue();
        assertThat(fresh.get("revoked").asBoolean()).isFalse();
        assertThat(fresh.get("listBits").asInt()).isEqualTo(131_072);
        assertThat(fresh.get("statusListId").asText()).isEqualTo(fresh.get("statusListCredential").asText());

        given(queries.certificate(ID)).willReturn(Optional.of(certificate(2, 1.5)));
        assertThat(OutsideVerifier.verify(credential, jwks, statusList()).get("revoked").asBoolean())
                .as("revision 1 no longer stands once revision 2 is issued").isTrue();
    }

    @Test
    void theStatusListIsPublicAndOnlyForKnownCertificates() throws Exception {
        mvc.perform(get("/v1/credentials/status/" + ID)).andExpect(status().isOk());
        given(queries.certificate("AC-NOPE")).willReturn(Optional.empty());
        mvc.perform(get("/v1/credentials/status/AC-NOPE")).andExpect(status().isNotFound());
    }

    private String statusList() throws Exception {
        return mvc.perform(get("/v1/credentials/status/" + ID)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
