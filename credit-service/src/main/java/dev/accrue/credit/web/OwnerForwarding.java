package dev.accrue.credit.web;

import dev.accrue.credit.query.StoreQueries;
import dev.accrue.platform.security.PeerRequests;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Answers a per-licensee query from the instance that owns the licensee's partition: when this
 * instance is not the owner, the same GET is sent to the owner's {@code application.server} and its
 * answer returned as is. The forward names the caller and is signed with the inter-instance secret
 * ({@link PeerRequests}); the caller's API key never leaves this instance, since any member of the
 * Kafka group can advertise a host. The owner applies the caller's own read rights. A request that
 * was already forwarded and still lands on a non-owner means ownership is moving (rebalance), and an owner that
 * does not answer is restarting or unreachable: both 503 with Retry-After, since the data exists.
 */
@Component
public class OwnerForwarding {

    static final String FORWARDED_HEADER = "X-Accrue-Forwarded";
    /** An owner's answer is read into memory to relay it; a larger one (a rogue or broken peer) is refused, not buffered. */
    static final int MAX_ANSWER_BYTES = 8 * 1024 * 1024;

    /** The owner's Content-Type, or JSON when it sent none; a malformed one is relayed as opaque bytes, not a 500. */
    static MediaType contentType(HttpResponse<?> response) {
        try {
            return response.headers().firstValue(HttpHeaders.CONTENT_TYPE).map(MediaType::parseMediaType)
                    .orElse(MediaType.APPLICATION_JSON);
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    private final StoreQueries queries;
    private final PeerRequests peers;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    OwnerForwarding(StoreQueries queries, PeerRequests peers) {
        if (!peers.configured()) {
            throw new IllegalStateException("accrue.security.peer.secret is required: instances forward per-licensee"
                    + " queries to each other, signed with it (e.g. ACCRUE_SECURITY_PEER_SECRET=$(openssl rand -hex 32),"
                    + " the same on every instance)");
        }
        this.queries = queries;
        this.peers = peers;
    }

    /** The owner's answer when another instance owns the licensee; empty when this instance should answer. */
    public Optional<ResponseEntity<byte[]>> forwardIfRemote(String licenseeId, HttpServletRequest request) {
        StoreQueries.Owner owner = queries.ownerOf(licenseeId);
        if (owner.local()) {
            return Optional.empty();
        }
        if (request.getHeader(FORWARDED_HEADER) != null) {
            throw new StoreQueries.Unavailable("The licensee's data is moving between instances; retry shortly");
        }
        String pathAndQuery = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        HttpRequest.Builder forward = HttpRequest.newBuilder(
                        URI.create("http://" + owner.host() + ":" + owner.port() + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .header(FORWARDED_HEADER, "1")
                .GET();
        peers.forwardingHeaders(request, "GET", pathAndQuery).forEach(forward::header);
        Optional.ofNullable(request.getHeader(HttpHeaders.ACCEPT)).ifPresent(a -> forward.header(HttpHeaders.ACCEPT, a));
        try {
            HttpResponse<InputStream> response = http.send(forward.build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(MAX_ANSWER_BYTES + 1);
            }
            if (body.length > MAX_ANSWER_BYTES) {
                throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, "The instance that owns this licensee ("
                        + owner.host() + ":" + owner.port() + ") answered more than " + MAX_ANSWER_BYTES + " bytes");
            }
            ResponseEntity.BodyBuilder relayed = ResponseEntity.status(response.statusCode()).contentType(contentType(response));
            // The owner is rebalancing or restoring: pass on how long it asked callers to wait.
            response.headers().firstValue(HttpHeaders.RETRY_AFTER).ifPresent(wait -> relayed.header(HttpHeaders.RETRY_AFTER, wait));
            return Optional.of(relayed.body(body));
        } catch (IOException e) {
            // The data exists; its owner is restarting or unreachable for now, so callers should retry (503), not give up.
            throw new StoreQueries.Unavailable("The instance that owns this licensee (" + owner.host() + ":" + owner.port()
                    + ") did not answer (" + e.getClass().getSimpleName() + "); retry shortly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Interrupted while forwarding", e);
        }
    }
}
