package dev.accrue.credit.compliance.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.accrue.credit.compliance.ComplianceReport;
import dev.accrue.credit.compliance.ComplianceState;
import dev.accrue.credit.query.StoreQueries;
import dev.accrue.credit.web.OwnerForwarding;
import dev.accrue.platform.security.ApiKeySecurityConfiguration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(ComplianceController.class)
@ImportAutoConfiguration(ApiKeySecurityConfiguration.class)
@ActiveProfiles("local")
class ComplianceControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    StoreQueries queries;

    @MockitoBean
    OwnerForwarding forwarding;

    @BeforeEach
    void oneReport() {
        given(forwarding.forwardIfRemote(eq("lic-1"), any())).willReturn(Optional.empty());
        given(queries.compliance("lic-1")).willReturn(Optional.of(List.of(new ComplianceReport("lic-1", "TX-LPC", "LPC",
                "123", LocalDate.parse("2025-01-01"), LocalDate.parse("2026-12-31"), 24, 10, 10, 14, List.of(),
                List.of(), ComplianceState.ON_TRACK, "TX-LPC 2025.1@2025-01-01", Instant.parse("2025-06-01T00:00:00Z")))));
    }

    @Test
    void anAnalystReadsEachLicenceWithItsStatus() throws Exception {
        mvc.perform(get("/v1/licensees/lic-1/compliance").header("Authorization", "Bearer dev-analyst-key"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.licenses[0].board").value("TX-LPC"))
                .andExpect(jsonPath("$.licenses[0].remainingHours").value(14.0))
                .andExpect(jsonPath("$.licenses[0].status").value("ON_TRACK"));
    }

    @Test
    void aProviderMayNotReadCompliance() throws Exception {
        mvc.perform(get("/v1/licensees/lic-1/compliance").header("Authorization", "Bearer dev-provider-acme-key"))
                .andExpect(status().isForbidden());
    }
}
