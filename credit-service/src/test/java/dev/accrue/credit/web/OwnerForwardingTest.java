package dev.accrue.credit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import dev.accrue.credit.query.StoreQueries;
import dev.accrue.platform.security.Caller;
import dev.accrue.platform.security.DevelopmentKeys;
import dev.accrue.platform.security.PeerRequests;
import dev.accrue.platform.security.Role;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;

/** What an instance sends to the owner of a licensee: the caller's identity, signed, never its API key. */
class OwnerForwardingTest {

    private static final Caller ACME = new Caller("dev-provider-acme", Role.PROVIDER, Optional.of("acme"));

    private final AtomicReference<Headers> received = new AtomicReference<>();
    private final AtomicReference<byte[]> answer = new AtomicReference<>("{}".getBytes(StandardCharsets.UTF_8));
    private final AtomicReference<String> receivedPath = new AtomicReference<>();
    private final AtomicReference<Integer> status = new AtomicReference<>(200);
    private final AtomicReference<String> contentType = new AtomicReference<>("application/json");
    private final AtomicReference<String> retryAfter = new AtomicReference<>();
    private final HttpServer owner = owner();
    private final StoreQueries queries = mock(StoreQueries.class);

    @AfterEach
    void stopOwner() {
        owner.stop(0);
    }

    @Test
    void theForwardCarriesTheSignedCallerAndNotTheCallersKey() {
        given(queries.ownerOf("lic-1")).willReturn(new StoreQueries.Owner(false, "127.0.0.1", owner.getAddress().getPort()));
        peers(peers -> {
            var answer = new OwnerForwarding(queries, peers).forwardIfRemote("lic-1", callerRequest());

            assertThat(answer).hasValueSatisfying(r -> assertThat(new String(r.getBody(), StandardCharsets.UTF_8)).isEqualTo("{}"));
            assertThat(received.get().containsKey("Authorization")).isFalse();
            assertThat(received.get().values().toString()).doesNotContain(DevelopmentKeys.PROVIDER_ACME);
            assertThat(received.get().getFirst(PeerRequests.SIGNATURE_HEADER)).isNotBlank();
            assertThat(receivedPath.get()).isEqualTo("/v1/licensees/lic-1/transcript?x=1");
            // The owner's own filter accepts it as the original caller.
            assertThat(peers.forwardingHeaders(ACME, "GET", receivedPath.get()))
                    .containsEntry(PeerRequests.CALLER_HEADER, received.get().getFirst(PeerRequests.CALLER_HEADER));
        });
    }

    @Test
    void anOwnersAnswerLargerThanTheCapIsRefusedNotBuffered() {
        answer.set(new byte[OwnerForwarding.MAX_ANSWER_BYTES + 1]);
        given(queries.ownerOf("lic-1")).willReturn(new StoreQueries.Owner(false, "127.0.0.1", owner.getAddress().getPort()));
        peers(peers -> assertThatThrownBy(() -> new OwnerForwarding(queries, peers).forwardIfRemote("lic-1", callerRequest()))
                .isInstanceOfSatisfying(ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY))
                .hasMessageContaining("answered more than"));
    }

    @Test
    void anOwnerThatDoesNotAnswerIsUnavailableForNowNotABadGateway() {
        int port = owner.getAddress().getPort();
        owner.stop(0);
        given(queries.ownerOf("lic-1")).willReturn(new StoreQueries.Owner(false, "127.0.0.1", port));
        peers(peers -> assertThatThrownBy(() -> new OwnerForwarding(queries, peers).forwardIfRemote("lic-1", callerRequest()))
                .isInstanceOf(StoreQueries.Unavailable.class) // 503 with Retry-After (StreamsUnavailable)
                .hasMessageContaining("did not answer"));
    }

    @Test
    void anOwnersRetryAfterIsRelayedWithItsServiceUnavailable() {
        status.set(503);
        contentType.set("application/problem+json");
        retryAfter.set("7");
        given(queries.ownerOf("lic-1")).willReturn(new StoreQueries.Owner(false, "127.0.0.1", owner.getAddress().getPort()));
        peers(peers -> assertThat(new OwnerForwarding(queries, peers).forwardIfRemote("lic-1", callerRequest()))
                .hasValueSatisfying(r -> {
                    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(r.getHeaders().getFirst("Retry-After")).isEqualTo("7");
                    assertThat(r.getHeaders().getContentType()).hasToString("application/problem+json");
                }));
    }

    @Test
    void aMalformedContentTypeFromTheOwnerIsRelayedAsBytesNotAnError() {
        contentType.set("not a media type");
        given(queries.ownerOf("lic-1")).willReturn(new StoreQueries.Owner(false, "127.0.0.1", owner.getAddress().getPort()));
        peers(peers -> assertThat(new OwnerForwarding(queries, peers).forwardIfRemote("lic-1", callerRequest()))
                .hasValueSatisfying(r -> {
                    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
                    assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
                }));
    }

    @Test
    void anInstanceWithoutTheInterInstanceSecretDoesNotStart() {
        assertThatThrownBy(() -> new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(dev.accrue.platform.security.ApiKeySecurityConfiguration.class))
                .run(context -> new OwnerForwarding(queries, context.getBean(PeerRequests.class))))
                .hasMessageContaining("accrue.security.peer.secret is required");
    }

    private void peers(java.util.function.Consumer<PeerRequests> test) {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(dev.accrue.platform.security.ApiKeySecurityConfiguration.class))
                .withPropertyValues("accrue.security.peer.secret=" + "s".repeat(40))
                .run(context -> test.accept(context.getBean(PeerRequests.class)));
    }

    private static MockHttpServletRequest callerRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/licensees/lic-1/transcript");
        request.setQueryString("x=1");
        request.addHeader("Authorization", "Bearer " + DevelopmentKeys.PROVIDER_ACME);
        request.setAttribute(Caller.class.getName(), ACME);
        return request;
    }

    private HttpServer owner() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                received.set(exchange.getRequestHeaders());
                receivedPath.set(exchange.getRequestURI().toString());
                byte[] body = answer.get();
                exchange.getResponseHeaders().add("Content-Type", contentType.get());
                if (retryAfter.get() != null) {
                    exchange.getResponseHeaders().add("Retry-After", retryAfter.get());
                }
                exchange.sendResponseHeaders(status.get(), body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
