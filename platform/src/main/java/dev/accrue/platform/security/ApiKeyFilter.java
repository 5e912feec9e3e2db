package dev.accrue.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <api key>} on every request except the public paths,
 * and answers 401 as problem+json before any controller runs. Roles are checked by controllers
 * through {@link Caller}.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String CALLER_ATTRIBUTE = Caller.class.getName();

    private final ApiKeyAuthenticator authenticator;
    private final List<String> publicPaths;
    private final AntPathMatcher matcher = new AntPathMatcher();

    ApiKeyFilter(ApiKeyAuthenticator authenticator, List<String> publicPaths) {
        this.authenticator = authenticator;
        this.publicPaths = List.copyOf(publicPaths);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return publicPaths.stream().anyMatch(pattern -> matcher.match(pattern, path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() == 7) {
            unauthorized(request, response, "Send an API key as 'Authorization: Bearer <key>'");
            return;
        }
        Optional<Caller> caller = authenticator.authenticate(header.substring(7).trim());
        if (caller.isEmpty()) {
            unauthorized(request, response, "The API key is not valid");
            return;
        }
        request.setAttribute(CALLER_ATTRIBUTE, caller.get());
        chain.doFilter(request, response);
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
