package dev.accrue.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ApiKeyFilterTest {

    private static final String SECRET = "a-shared-secret-of-at-least-32-characters";
    private final ApiKeyFilter filter = new ApiKeyFilter(new ApiKeyAuthenticator(List.of(
            new ApiKeyProperties.Key("admin", DevelopmentKeys.sha256("admin-key"), Role.ADMIN, null),
            new ApiKeyProperties.Key("acme", DevelopmentKeys.sha256("acme-key"), Role.PROVIDER, "acme"))),
            new PeerRequests(SECRET, Clock.systemUTC()), List.of("/actuator/health/**"));

    @Test
    void aValidKeyOnAPublicPathMakesItsRoleVisibleToTheActuator() throws Exception {
        HttpServletRequest admin = pass(get("/actuator/health", "admin-key"));
        HttpServletRequest provider = pass(get("/actuator/health", "acme-key"));
        HttpServletRequest anonymous = pass(get("/actuator/health", null));

        assertThat(admin.isUserInRole("ADMIN")).isTrue();
        assertThat(admin.getUserPrincipal().getName()).isEqualTo("admin");
        assertThat(provider.isUserInRole("ADMIN")).isFalse();
        assertThat(anonymous.getUserPrincipal()).isNull();
    }

    @Test
    void aWrongKeyOnAPublicPathIsServedAnonymously() throws Exception {
        assertThat(pass(get("/actuator/health", "wrong")).getUserPrincipal()).isNull();
    }

    @Test
    void aPublicLookingPathWithDotSegmentsPathParametersOrEncodingNeedsAKey() throws Exception {
        for (String path : List.of("/actuator/health/..;/..;/v1/licensees/x/compliance", "/actuator/health/../../v1/x",
                "/actuator/health/%2e%2e/v1/x", "/actuator/health/./x", "/actuator/health;x=1")) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(get(path, null), response, new MockFilterChain());
            assertThat(response.getStatus()).as(path).isEqualTo(401);
            assertThat(response.getContentType()).as(path).isEqualTo("application/problem+json");
        }
        assertThat(pass(get("/actuator/health/liveness", null)).getUserPrincipal()).isNull();
    }

    @Test
    void aForgedForwardIsRefusedEvenWithAValidKey() throws Exception {
        MockHttpServletRequest forged = get("/v1/licensees/lic-1/transcript", "acme-key");
        forged.addHeader(PeerRequests.CALLER_HEADER, java.util.Base64.getUrlEncoder().encodeToString("x\nADMIN\n".getBytes()));
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(forged, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("inter-instance signature");
    }

    @Test
    void aSignedForwardActsAsTheOriginalCaller() throws Exception {
        MockHttpServletRequest original = get("/v1/licensees/lic-1/transcript", "acme-key");
        original.setAttribute(ApiKeyFilter.CALLER_ATTRIBUTE, new Caller("acme", Role.PROVIDER, Optional.of("acme")));
        Map<String, String> headers = new PeerRequests(SECRET, Clock.systemUTC())
                .forwardingHeaders(original, "GET", "/v1/licensees/lic-1/transcript");
        MockHttpServletRequest forwarded = get("/v1/licensees/lic-1/transcript", null);
        headers.forEach(forwarded::addHeader);

        HttpServletRequest passed = pass(forwarded);

        assertThat(passed.getAttribute(ApiKeyFilter.CALLER_ATTRIBUTE)).isEqualTo(new Caller("acme", Role.PROVIDER, Optional.of("acme")));
    }

    private HttpServletRequest pass(MockHttpServletRequest request) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return (HttpServletRequest) chain.getRequest();
    }

    private static MockHttpServletRequest get(String path, String key) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        if (key != null) {
            request.addHeader("Authorization", "Bearer " + key);
        }
        return request;
    }
}
