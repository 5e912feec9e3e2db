package dev.accrue.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;

class PeerRequestsTest {

    private static final String SECRET = "a-shared-secret-of-at-least-32-characters";
    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    private static final Caller ACME = new Caller("acme-key", Role.PROVIDER, Optional.of("acme"));

    private final PeerRequests peers = new PeerRequests(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aForwardCarriesTheCallersIdentityAndASignatureButNoApiKey() {
        Map<String, String> headers = forward(peers, "/v1/licensees/lic-1/transcript?x=1");

        assertThat(headers).containsOnlyKeys(PeerRequests.CALLER_HEADER, PeerRequests.SIGNATURE_HEADER);
        assertThat(String.join(" ", headers.values())).doesNotContain(SECRET);
        assertThat(peers.verify(received("/v1/licensees/lic-1/transcript", "x=1", headers))).contains(ACME);
    }

    @Test
    void aForwardIsRefusedWhenAnythingSignedWasChanged() {
        Map<String, String> headers = forward(peers, "/v1/licensees/lic-1/transcript");
        var otherLicensee = received("/v1/licensees/lic-2/transcript", null, headers);
        var addedQuery = received("/v1/licensees/lic-1/transcript", "a=b", headers);
        var claimsAdmin = received("/v1/licensees/lic-1/transcript", null, Map.of(PeerRequests.CALLER_HEADER,
                java.util.Base64.getUrlEncoder().encodeToString("x\nADMIN\n".getBytes()),
                PeerRequests.SIGNATURE_HEADER, headers.get(PeerRequests.SIGNATURE_HEADER)));

        assertThat(peers.verify(otherLicensee)).isEmpty();
        assertThat(peers.verify(addedQuery)).isEmpty();
        assertThat(peers.verify(claimsAdmin)).isEmpty();
    }

    @Test
    void aForwardSignedWithAnotherSecretOrTooLongAgoIsRefused() {
        var stranger = new PeerRequests("another-secret-of-at-least-32-characters", Clock.fixed(NOW, ZoneOffset.UTC));
        var later = new PeerRequests(SECRET, Clock.fixed(NOW.plus(PeerRequests.MAX_AGE).plusSeconds(1), ZoneOffset.UTC));
        Map<String, String> headers = forward(peers, "/v1/licensees/lic-1/transcript");

        assertThat(stranger.verify(received("/v1/licensees/lic-1/transcript", null, headers))).isEmpty();
        assertThat(later.verify(received("/v1/licensees/lic-1/transcript", null, headers))).isEmpty();
    }

    @Test
    void malformedHeadersAreRefusedNotThrown() {
        assertThat(peers.verify(received("/p", null, Map.of(PeerRequests.CALLER_HEADER, "%%%",
                PeerRequests.SIGNATURE_HEADER, "1.2")))).isEmpty();
        assertThat(peers.verify(received("/p", null, Map.of(PeerRequests.CALLER_HEADER, "eA",
                PeerRequests.SIGNATURE_HEADER, "x.2")))).isEmpty();
        assertThat(peers.verify(received("/p", null, Map.of(PeerRequests.CALLER_HEADER, "eA")))).isEmpty();
    }

    @Test
    void withoutASecretNothingIsAcceptedAndNothingCanBeSent() {
        var off = new PeerRequests("", Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(off.verify(received("/v1/licensees/lic-1/transcript", null, forward(peers, "/v1/licensees/lic-1/transcript"))))
                .isEmpty();
        assertThatThrownBy(() -> forward(off, "/p")).hasMessageContaining("accrue.security.peer.secret");
    }

    @Test
    void aShortSecretOrTheDevelopmentSecretOutsideLocalIsRefusedAtStartUp() {
        var configuration = new ApiKeySecurityConfiguration();
        var local = new MockEnvironment();
        local.setActiveProfiles("local");

        assertThatThrownBy(() -> configuration.peerRequests(new PeerProperties("short"), new MockEnvironment()))
                .hasMessageContaining("at least 32 characters");
        assertThatThrownBy(() -> configuration.peerRequests(new PeerProperties(DevelopmentKeys.PEER_SECRET), new MockEnvironment()))
                .hasMessageContaining("development inter-instance secret");
        assertThat(configuration.peerRequests(new PeerProperties(DevelopmentKeys.PEER_SECRET), local).configured()).isTrue();
    }

    private static Map<String, String> forward(PeerRequests from, String pathAndQuery) {
        MockHttpServletRequest original = new MockHttpServletRequest("GET", pathAndQuery);
        original.addHeader("Authorization", "Bearer s3cret-acme");
        original.setAttribute(ApiKeyFilter.CALLER_ATTRIBUTE, ACME);
        return from.forwardingHeaders(original, "GET", pathAndQuery);
    }

    private static MockHttpServletRequest received(String path, String query, Map<String, String> headers) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setQueryString(query);
        headers.forEach(request::addHeader);
        return request;
    }
}
