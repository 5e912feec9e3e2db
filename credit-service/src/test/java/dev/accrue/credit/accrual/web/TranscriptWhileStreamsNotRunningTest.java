package dev.accrue.credit.accrual.web;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.accrue.credit.query.StoreQueries;
import dev.accrue.credit.web.OwnerForwarding;
import dev.accrue.platform.kafka.AvroSerdes;
import dev.accrue.platform.security.ApiKeySecurityConfiguration;
import dev.accrue.platform.topics.AccrueTopics;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The real store queries over a Kafka Streams client that is not RUNNING: 503 problem+json with Retry-After, never 500. */
@WebMvcTest(TranscriptController.class)
@Import({StoreQueries.class, OwnerForwarding.class, TranscriptWhileStreamsNotRunningTest.Platform.class})
@ImportAutoConfiguration(ApiKeySecurityConfiguration.class)
@ActiveProfiles("local")
class TranscriptWhileStreamsNotRunningTest {

    @Autowired
    MockMvc mvc;

    /** A mock of the factory bean, registered as itself (a @MockitoBean of a FactoryBean would register its product). */
    static final StreamsBuilderFactoryBean FACTORY = mock(StreamsBuilderFactoryBean.class);

    @MockitoBean
    KafkaStreamsInteractiveQueryService interactiveQueries;

    @TestConfiguration
    static class Platform {
        @Bean
        @SuppressWarnings({"rawtypes", "unchecked"})
        StreamsBuilderFactoryBean streamsBuilderFactoryBean() throws Exception {
            given(FACTORY.getObject()).willReturn(new org.apache.kafka.streams.StreamsBuilder());
            given(FACTORY.getObjectType()).willReturn((Class) org.apache.kafka.streams.StreamsBuilder.class);
            given(FACTORY.isSingleton()).willReturn(true);
            return FACTORY;
        }

        @Bean
        AvroSerdes avroSerdes() {
            return new AvroSerdes(Map.of("schema.registry.url", "http://localhost:9"));
        }

        @Bean
        AccrueTopics accrueTopics() {
            return new AccrueTopics("s", "c", "l", "a", "cr", "ce", "co", "r", "d", "p", 3, (short) 1, false);
        }
    }

    @ParameterizedTest
    @EnumSource(value = KafkaStreams.State.class, names = {"CREATED", "REBALANCING", "PENDING_ERROR", "ERROR",
            "PENDING_SHUTDOWN", "NOT_RUNNING"})
    void aQueryAnswers503WithRetryAfterWhileStreamsIsNotRunning(KafkaStreams.State state) throws Exception {
        KafkaStreams streams = mock(KafkaStreams.class);
        given(streams.state()).willReturn(state);
        given(FACTORY.getKafkaStreams()).willReturn(streams);

        mvc.perform(get("/v1/licensees/lic-1/transcript").header("Authorization", "Bearer dev-admin-key"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(state.name())));
    }

    @Test
    void aQueryAnswers503BeforeStreamsHasStarted() throws Exception {
        given(FACTORY.getKafkaStreams()).willReturn(null);

        mvc.perform(get("/v1/licensees/lic-1/transcript").header("Authorization", "Bearer dev-admin-key"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("NOT_STARTED")));
    }
}
