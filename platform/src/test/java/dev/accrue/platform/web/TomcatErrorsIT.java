package dev.accrue.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.infra.launcher.RawHttp;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Paths Tomcat itself refuses, before any filter or controller runs, still get a problem+json body
 * like every other 4xx, and one that tells nothing about the server.
 */
@SpringBootTest(classes = TomcatErrorsIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "accrue.topics.create=false")
class TomcatErrorsIT {

    @LocalServerPort
    int port;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/certificates/%00", "/v1/certificates/..%2F..%2Fetc", "/v1/a%5Cb", "/v1/%zz"})
    void aPathTomcatRefusesIsAProblemNotAnHtmlPage(String path) throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            RawHttp.Response response = http.head("GET", path).response();

            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(response.body()).as(path).contains("\"status\":400").doesNotContain("Tomcat", "<html");
        }
    }
}
