package dev.accrue.search.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The public health endpoint tells anyone whether the service is up, and only ADMIN keys what is behind it. */
class HealthIT extends SearchServiceTestBase {

    @Test
    void anonymousCallersAndOtherRolesSeeOnlyTheStatus() {
        for (String key : new String[] {null, "it-analyst-key", "it-provider-key", "not-a-key"}) {
            HttpResponse<String> health = api(key).get("/actuator/health");

            assertThat(health.statusCode()).as(key).isEqualTo(200);
            // The probe groups' names are all the root adds to the status.
            assertThat(fields(Api.parse(health.body()))).as(key).containsOnly("status", "groups");
            assertThat(api(key).get("/actuator/health/readiness").statusCode()).as(key).isEqualTo(200);
            assertThat(api(key).get("/actuator/health/elasticsearch").statusCode()).as(key).isEqualTo(404);
            assertThat(health.body()).as(key).doesNotContain("components", "brokers", "cluster", "details");
        }
    }

    @Test
    void anAdminKeySeesEveryComponentWithItsDetails() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode health = api("it-admin-key").json("/actuator/health");

            assertThat(health.get("components").get("kafka").get("details").get("brokers").asInt()).isEqualTo(1);
            assertThat(health.get("components").get("elasticsearch").get("details").has("cluster")).isTrue();
        });
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
