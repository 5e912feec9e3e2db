package dev.accrue.search.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the running service over HTTP with an API key, as a client would. */
record Api(String baseUrl, String key) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    HttpResponse<String> get(String pathAndQuery) {
        return send("GET", pathAndQuery, HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs without a body. */
    HttpResponse<String> post(String pathAndQuery) {
        return send("POST", pathAndQuery, HttpResponse.BodyHandlers.ofString());
    }

    /** GETs a download as bytes. */
    HttpResponse<byte[]> download(String pathAndQuery) {
        return send("GET", pathAndQuery, HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> HttpResponse<T> send(String method, String pathAndQuery, HttpResponse.BodyHandler<T> body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try {
            return HTTP.send(request.build(), body);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + pathAndQuery + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GETs and parses a 200 answer; fails with the body otherwise. */
    JsonNode json(String pathAndQuery) {
        HttpResponse<String> response = get(pathAndQuery);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    static JsonNode parse(String body) {
        return JSON.readTree(body);
    }
}
