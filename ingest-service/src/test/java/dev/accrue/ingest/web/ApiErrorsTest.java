package dev.accrue.ingest.web;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.accrue.ingest.IngestProperties;
import dev.accrue.ingest.attendance.AttendanceService;
import dev.accrue.ingest.batch.BatchItem;
import dev.accrue.ingest.batch.BatchResult;
import dev.accrue.ingest.catalog.CatalogService;
import dev.accrue.ingest.catalog.Format;
import dev.accrue.ingest.catalog.KnownSession;
import dev.accrue.ingest.errors.InvalidInputException;
import dev.accrue.ingest.errors.UnavailableException;
import dev.accrue.ingest.licensee.LicenseeService;
import dev.accrue.ingest.provider.ProviderService;
import dev.accrue.ingest.validation.FieldError;
import dev.accrue.platform.security.ApiKeySecurityConfiguration;
import dev.accrue.platform.web.RequestLimitsConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** What a client sees when a request goes wrong: status, problem+json body, field errors, headers. */
@WebMvcTest
@ActiveProfiles("local")
@Import({JsonConfiguration.class, WebConfiguration.class, ApiKeySecurityConfiguration.class, RequestLimitsConfiguration.class,
        ApiErrorsTest.Support.class})
class ApiErrorsTest {

    static final String ACME = "Bearer dev-provider-acme-key";
    static final String PROBLEM = "application/problem+json";

    @TestConfiguration
    @EnableConfigurationProperties(IngestProperties.class)
    static class Support {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CatalogService catalog;
    @MockitoBean
    LicenseeService licensees;
    @MockitoBean
    AttendanceService attendance;
    @MockitoBean
    ProviderService providers;

    static final String SESSION = """
            {"courseId":"c-1","providerId":"acme","title":"Ethics","format":"SELF_STUDY","creditHours":1}""";

    @Test
    void aRequestWithoutKeyIs401() throws Exception {
        mvc.perform(put("/v1/sessions/s-1").contentType(MediaType.APPLICATION_JSON).content(SESSION))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.detail").value(containsString("Authorization: Bearer")));
    }

    @Test
    void anAnalystKeyMayNotWrite() throws Exception {
        mvc.perform(put("/v1/sessions/s-1").header("Authorization", "Bearer dev-analyst-key")
                        .contentType(MediaType.APPLICATION_JSON).content(SESSION))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.detail").value(containsString("has role ANALYST")));
    }

    @Test
    void anUnknownFieldIs400NamingTheFieldAndTheKnownOnes() throws Exception {
        mvc.perform(putSession(SESSION.replace("}", ",\"colour\":\"red\"}")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.type").value("https://accrue.dev/problems/malformed-request"))
                .andExpect(jsonPath("$.errors[0].field").value("colour"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("creditHours")));
    }

    @Test
    void aValueOfTheWrongTypeIs400NamingItsPath() throws Exception {
        mvc.perform(putSession(SESSION.replace("\"creditHours\":1", "\"creditHours\":\"one\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("creditHours"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a number"));
        mvc.perform(putSession(SESSION.replace("}", ",\"categories\":[{\"category\":\"GENERAL\",\"hours\":true}]}")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("categories[0].hours"));
    }

    @Test
    void malformedJsonIs400WithLineAndColumn() throws Exception {
        mvc.perform(putSession("{\"courseId\": \"c-1\",,}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.detail").value(containsString("is not valid JSON at line 1")));
    }

    @Test
    void duplicateKeysAndAMissingBodyAre400() throws Exception {
        mvc.perform(putSession("{\"title\":\"a\",\"title\":\"b\"}")).andExpect(status().isBadRequest());
        mvc.perform(putSession("")).andExpect(status().isBadRequest()).andExpect(content().contentType(PROBLEM));
    }

    @Test
    void invalidUtf8Is400() throws Exception {
        byte[] body = "{\"title\":\"Jos\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        mvc.perform(put("/v1/sessions/s-1").header("Authorization", ACME).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("UTF-8")));
    }

    @Test
    void aWrongContentTypeIs415NamingTheAcceptedOnes() throws Exception {
        mvc.perform(put("/v1/sessions/s-1").header("Authorization", ACME).contentType(MediaType.TEXT_PLAIN).content(SESSION))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.detail").value(containsString("application/json")));
    }

    @Test
    void ruleViolationsAre422WithEveryFieldError() throws Exception {
        given(catalog.put(anyString(), any(), any())).willThrow(new InvalidInputException(List.of(
                new FieldError("endsAt", "must be after startsAt"), new FieldError("timeZone", "is required"))));

        mvc.perform(putSession(SESSION))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.type").value("https://accrue.dev/problems/validation-failed"))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[1].field").value("timeZone"));
    }

    @Test
    void aBodyOverTheLimitIs413NamingTheLimit() throws Exception {
        String huge = SESSION.replace("\"Ethics\"", "\"" + "x".repeat(70_000) + "\"");

        mvc.perform(putSession(huge))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.detail").value(containsString("64 KB (accrue.web.limits.max-body)")));
    }

    @Test
    void aBatchOverTheItemLimitIs413() throws Exception {
        String items = "{},".repeat(10_000) + "{}";

        mvc.perform(post("/v1/attendance/batch").header("Authorization", ACME).contentType(MediaType.APPLICATION_JSON)
                        .content("[" + items + "]"))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.detail").value(containsString("at most 10000 events")));
    }

    @Test
    void aBatchItemWithARepeatedFieldIsRejectedOnItsOwn() throws Exception {
        given(attendance.recordBatch(any(), any())).willAnswer(call -> {
            List<BatchItem<?>> items = call.getArgument(0);
            return BatchResult.of("eventId", items.stream().map(item -> new BatchResult.Item(item.index(), null,
                    item instanceof BatchItem.Malformed ? BatchResult.MALFORMED : BatchResult.INVALID,
                    item instanceof BatchItem.Malformed<?> m ? m.errors() : List.of())).toList());
        });

        mvc.perform(post("/v1/attendance/batch").header("Authorization", ACME).contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"eventId\":\"e-1\",\"type\":\"JOINED\",\"type\":\"LEFT\"}, {\"eventId\":\"e-2\"}]"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].status").value(400))
                .andExpect(jsonPath("$.results[0].errors[0].field").value("type"))
                .andExpect(jsonPath("$.results[0].errors[0].message").value("is given more than once"))
                .andExpect(jsonPath("$.results[1].status").value(422));
    }

    @Test
    void aBatchNestedTooDeeplyIs400() throws Exception {
        String nested = "[".repeat(40) + "]".repeat(40);

        mvc.perform(post("/v1/attendance/batch").header("Authorization", ACME).contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"eventId\":" + nested + "}]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("levels of nesting")));
    }

    @Test
    void aBrokenBatchArrayIs400AndNothingIsRecorded() throws Exception {
        mvc.perform(post("/v1/attendance/batch").header("Authorization", ACME).contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"eventId\":\"e-1\"}, {\"eventId\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("nothing was stored")));
        org.mockito.Mockito.verifyNoInteractions(attendance);
    }

    @Test
    void kafkaBeingUnavailableIs503WithRetryAfter() throws Exception {
        given(catalog.put(anyString(), any(), any())).willThrow(
                new UnavailableException("Kafka did not acknowledge 1 record(s) within 5000 ms", Duration.ofSeconds(5), null));

        mvc.perform(putSession(SESSION))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.type").value("https://accrue.dev/problems/temporarily-unavailable"));
    }

    @Test
    void anUnexpectedFailureIs500WithAReferenceAndNoInternals() throws Exception {
        given(catalog.put(anyString(), any(), any())).willThrow(new IllegalStateException("secret internals"));

        mvc.perform(putSession(SESSION))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.detail").value(containsString("Reference")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(containsString("secret"))));
    }

    @Test
    void csvWithAFormulaIs422AndBrokenQuotingIs400() throws Exception {
        given(attendance.sessionForImport(anyString(), any())).willReturn(new KnownSession("s-1", "acme", Format.LIVE_WEBINAR, "UTC"));

        mvc.perform(csv("licenseeId,type,occurredAt\n=HYPERLINK(\"http://evil\"),JOINED,2025-03-01T09:00:00Z\n"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("line 2, column 1"));
        mvc.perform(csv("licenseeId,type,occurredAt\n\"lic-1,JOINED,2025-03-01T09:00:00Z\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("RFC 4180")));
    }

    @Test
    void anUnknownImportFormatIs422() throws Exception {
        given(attendance.sessionForImport(anyString(), any())).willReturn(new KnownSession("s-1", "acme", Format.LIVE_WEBINAR, "UTC"));

        mvc.perform(post("/v1/attendance/import?sessionId=s-1&format=teams").header("Authorization", ACME)
                        .contentType("text/csv").content("a\n"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("format"));
    }

    private static MockHttpServletRequestBuilder putSession(String body) {
        return put("/v1/sessions/s-1").header("Authorization", ACME).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private MockHttpServletRequestBuilder csv(String body) {
        return post("/v1/attendance/import?sessionId=s-1&format=roster").header("Authorization", ACME)
                .contentType("text/csv").content(body);
    }

}
