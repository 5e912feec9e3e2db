package dev.accrue.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <api key>}, or a request another instance forwarded
 * ({@link PeerRequests}), and answers 401 as problem+json before any controller runs. Public paths
 * need neither, but a valid key there still counts (an ADMIN key sees health details). Roles are
 * checked by controllers through {@link Caller}, and by the actuator through the servlet request's
 * user and roles, which the filter sets from the caller.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String CALLER_ATTRIBUTE = Caller.class.getName();

    private final ApiKeyAuthenticator authenticator;
    private final PeerRequests peers;
    private final List<String> publicPaths;
    private final AntPathMatcher matcher = new AntPathMatcher();

    ApiKeyFilter(ApiKeyAuthenticator authenticator, PeerRequests peers, List<String> publicPaths) {
        this.authenticator = authenticator;
        this.peers = peers;
        this.publicPaths = List.copyOf(publicPaths);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        Optional<Caller> caller;
        String refusal;
        if (PeerRequests.isForwarded(request)) {
            // Only a valid signature makes the identity header mean anything; a key alongside it does not help.
            caller = peers.verify(request);
            refusal = "The forwarded request's inter-instance signature is missing, not valid or too old";
        } else if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() == 7) {
            caller = Optional.empty();
            refusal = "Send an API key as 'Authorization: Bearer <key>'";
        } else {
            caller = authenticator.authenticate(header.substring(7).trim());
            refusal = "The API key is not valid";
        }
        if (caller.isPresent()) {
            request.setAttribute(CALLER_ATTRIBUTE, caller.get());
            chain.doFilter(new AuthenticatedRequest(request, caller.get()), response);
        } else if (isPublic(request)) {
            chain.doFilter(request, response);
        } else {
            unauthorized(request, response, refusal);
        }
    }

    private boolean isPublic(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return isPlain(path) && publicPaths.stream().anyMatch(pattern -> matcher.match(pattern, path));
    }

    /**
     * Only a plain path can be public. With path parameters ({@code ;}), percent-encoding or dot
     * segments, what the pattern sees and what Tomcat and Spring finally route can differ
     * ({@code /actuator/health/..;/v1/...}), so such a request needs a key like any other.
     */
    static boolean isPlain(String path) {
        if (path.indexOf(';') >= 0 || path.indexOf('%') >= 0 || path.indexOf('\\') >= 0) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** The caller as the servlet API's user, so that {@code isUserInRole("ADMIN")} answers for its key. */
    private static final class AuthenticatedRequest extends HttpServletRequestWrapper {

        private final Caller caller;

        AuthenticatedRequest(HttpServletRequest request, Caller caller) {
            super(request);
            this.caller = caller;
        }

        @Override
        public Principal getUserPrincipal() {
            return caller::keyName;
        }

        @Override
        public String getRemoteUser() {
            return caller.keyName();
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.role().name().equals(role);
        }
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        // JSON is UTF-8 by definition (RFC 8259): write bytes, with no charset parameter, like Spring's own problems.
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
                + jsonEscape(detail) + "\",\"instance\":\"" + jsonEscape(request.getRequestURI()) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Escapes a value for a JSON string; the filter runs before Spring's message converters. */
    static String jsonEscape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
