package dev.accrue.credit.accrual.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.accrue.credit.AwardBuilder;
import dev.accrue.credit.accrual.Award;
import dev.accrue.credit.accrual.Transcript;
import dev.accrue.credit.certificate.CertificateNumber;
import dev.accrue.credit.query.StoreQueries;
import dev.accrue.credit.web.OwnerForwarding;
import dev.accrue.platform.security.ApiKeySecurityConfiguration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(TranscriptController.class)
@ImportAutoConfiguration(ApiKeySecurityConfiguration.class)
@ActiveProfiles("local")
class TranscriptControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    StoreQueries queries;

    @MockitoBean
    OwnerForwarding forwarding;

    static Award award(String session, String provider, double hours) {
        Instant at = Instant.parse("2025-03-10T12:00:00Z");
        return AwardBuilder.award().session(session).course("c").provider(provider).title("T").approvalId("APA-1")
                .hours(hours).minutes(180, 180).at(at).ruleVersion("v").build();
    }

    @BeforeEach
    void aTranscriptWithTwoProvidersAndARevokedAward() {
        given(forwarding.forwardIfRemote(eq("lic-1"), any())).willReturn(Optional.empty());
        given(queries.transcript("lic-1")).willReturn(Optional.of(new Transcript("lic-1",
                List.of(award("s-acme", "acme", 3), award("s-north", "northwind", 2), award("s-revoked", "acme", 0)))));
    }

    @Test
    void anAdminSeesEveryAwardThatGrantsCredit() throws Exception {
        mvc.perform(get("/v1/licensees/lic-1/transcript").header("Authorization", "Bearer dev-admin-key"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.awards.length()").value(2))
                .andExpect(jsonPath("$.awards[0].certificateId").value(CertificateNumber.of("lic-1", "s-acme")));
    }

    @Test
    void aProviderSeesOnlyAwardsFromItsOwnSessions() throws Exception {
        mvc.perform(get("/v1/licensees/lic-1/transcript").header("Authorization", "Bearer dev-provider-acme-key"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.awards.length()").value(1))
                .andExpect(jsonPath("$.awards[0].sessionId").value("s-acme"));
    }

    @Test
    void anUnknownLicenseeIsNotFound() throws Exception {
        given(forwarding.forwardIfRemote(eq("nobody"), any())).willReturn(Optional.empty());
        given(queries.transcript("nobody")).willReturn(Optional.empty());
        mvc.perform(get("/v1/licensees/nobody/transcript").header("Authorization", "Bearer dev-admin-key"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aProviderGetsTheSame404ForAnUnknownLicenseeAndOneItNeverCredited() throws Exception {
        given(forwarding.forwardIfRemote(any(), any())).willReturn(Optional.empty());
        given(queries.transcript("nobody")).willReturn(Optional.empty());
        given(queries.transcript("lic-3")).willReturn(Optional.of(new Transcript("lic-3", List.of(award("s-north", "northwind", 2)))));

        String unknown = mvc.perform(get("/v1/licensees/nobody/transcript")
                        .header("Authorization", "Bearer dev-provider-acme-key"))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        String othersOnly = mvc.perform(get("/v1/licensees/lic-3/transcript")
                        .header("Authorization", "Bearer dev-provider-acme-key"))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();

        assertThat(othersOnly.replace("lic-3", "nobody")).isEqualTo(unknown);
        assertThat(othersOnly).doesNotContain("northwind");
    }

    @Test
    void aLicenseeOwnedByAnotherInstanceIsAnsweredByIt() throws Exception {
        given(forwarding.forwardIfRemote(eq("lic-2"), any()))
                .willReturn(Optional.of(ResponseEntity.ok().body("{\"from\":\"owner\"}".getBytes())));
        mvc.perform(get("/v1/licensees/lic-2/transcript").header("Authorization", "Bearer dev-admin-key"))
                .andExpect(status().isOk())
                .andExpect(content().string("{\"from\":\"owner\"}"));
    }
}
