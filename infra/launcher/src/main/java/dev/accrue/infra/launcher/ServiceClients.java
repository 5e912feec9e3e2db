package dev.accrue.infra.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls the services' public HTTP APIs with an API key, exactly as a provider or analyst would.
 * Used by the launcher's demo, the end-to-end test and the benchmarks.
 */
public final class ServiceClients {

    public static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ServiceFleet fleet;

    public ServiceClients(ServiceFleet fleet) {
        this.fleet = fleet;
    }

    public record Response(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public Response put(ServiceFleet.Service service, String path, String apiKey, Object body) {
        return send(request(service, path, apiKey).PUT(json(body)).header("Content-Type", "application/json"));
    }

    public Response post(ServiceFleet.Service service, String path, String apiKey, Object body) {
        return send(request(service, path, apiKey).POST(json(body)).header("Content-Type", "application/json"));
    }

    public Response postRaw(ServiceFleet.Service service, String path, String apiKey, String contentType, String body) {
        return send(request(service, path, apiKey).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType));
    }

    public Response get(ServiceFleet.Service service, String path, String apiKey) {
        return send(request(service, path, apiKey).GET());
    }

    private HttpRequest.Builder request(ServiceFleet.Service service, String path, String apiKey) {
        return HttpRequest.newBuilder(URI.create(fleet.url(service) + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json");
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            JsonNode json = body.length == 0 ? JSON.nullNode() : parse(body);
            return new Response(response.statusCode(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(new String(body));
        }
    }
}
