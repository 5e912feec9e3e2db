package dev.accrue.schemas.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.apache.avro.Schema;

/**
 * A client for any registry that speaks the Confluent Schema Registry REST API (Confluent,
 * Apicurio's ccompat, Karapace, Redpanda), over the JDK's HTTP client. Ids and schemas are
 * immutable once registered, so both directions are cached for the life of the client.
 * Registry URLs are tried in order; the next one is used when a registry cannot be reached.
 */
public final class HttpSchemaRegistry implements SchemaRegistry {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SERVER_ERROR_ATTEMPTS = 3;

    private final RegistryConfig config;
    private final HttpClient http;
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    public HttpSchemaRegistry(RegistryConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.requestTimeout()).build();
    }

    @Override
    public int register(String subject, Schema schema) {
        return idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(schema, s -> post("/subjects/" + encode(subject) + "/versions", s).get("id").asInt());
    }

    @Override
    public int lookup(String subject, Schema schema) {
        return idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(schema, s -> post("/subjects/" + encode(subject), s).get("id").asInt());
    }

    @Override
    public RegisteredSchema latest(String subject) {
        // Not cached: "latest" changes whenever someone registers a new version.
        JsonNode body = send("/subjects/" + encode(subject) + "/versions/latest", HttpRequest.Builder::GET);
        Schema schema = new Schema.Parser().parse(body.get("schema").asText());
        int id = body.get("id").asInt();
        schemasById.putIfAbsent(id, schema);
        return new RegisteredSchema(id, schema);
    }

    @Override
    public Schema byId(int id) {
        return schemasById.computeIfAbsent(id, i ->
                new Schema.Parser().parse(send("/schemas/ids/" + i, HttpRequest.Builder::GET).get("schema").asText()));
    }

    private JsonNode post(String path, Schema schema) {
        String body = JSON.createObjectNode().put("schema", schema.toString()).toString();
        return send(path, b -> b.POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Sends to the first registry that answers. A server error (5xx) is retried twice after a short
     * pause: registries fail transiently under concurrent first registrations (Apicurio's H2 lock
     * timeouts were seen). An unreachable registry fails at once so callers can answer quickly.
     */
    private JsonNode send(String path, UnaryOperator<HttpRequest.Builder> method) {
        for (int attempt = 1; ; attempt++) {
            try {
                return sendOnce(path, method);
            } catch (ServerFailure e) {
                if (attempt == SERVER_ERROR_ATTEMPTS) {
                    throw e;
                }
                pause(100L << (2 * (attempt - 1))); // 100 ms, then 400 ms
            }
        }
    }

    private JsonNode sendOnce(String path, UnaryOperator<HttpRequest.Builder> method) {
        IOException lastFailure = null;
        for (URI base : config.urls()) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(config.requestTimeout())
                    .header("Content-Type", CONTENT_TYPE)
                    .header("Accept", CONTENT_TYPE + ", application/json");
            config.authorization().ifPresent(value -> builder.header("Authorization", value));
            HttpRequest request = method.apply(builder).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                return parse(request, response);
            } catch (IOException e) {
                lastFailure = e; // unreachable or timed out: try the next registry
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryUnavailableException("Interrupted while calling the schema registry", e);
            }
        }
        throw new SchemaRegistryUnavailableException("Schema registry unreachable at " + config.urls()
                + " (" + lastFailure + "); the operation can be retried", lastFailure);
    }

    private static JsonNode parse(HttpRequest request, HttpResponse<String> response) throws IOException {
        int status = response.statusCode();
        if (status >= 500) {
            throw new ServerFailure("Schema registry failed with HTTP " + status + " on "
                    + request.method() + " " + request.uri() + ": " + response.body());
        }
        if (status >= 300) {
            throw new SchemaRegistryException("Schema registry refused " + request.method() + " " + request.uri()
                    + " with HTTP " + status + ": " + response.body(), status);
        }
        return JSON.readTree(response.body());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryUnavailableException("Interrupted while retrying the schema registry", e);
        }
    }

    /** A 5xx answer: the registry is there but failed; still retriable for callers. */
    private static final class ServerFailure extends SchemaRegistryUnavailableException {
        ServerFailure(String message) {
            super(message, null);
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8);
    }
}
