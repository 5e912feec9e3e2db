package dev.accrue.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Requests one instance forwards to another on behalf of its authenticated caller. The forward carries
 * the caller's identity (never its API key) and an HMAC-SHA256 over the time, method, path and that
 * identity, made with the shared {@link PeerProperties#secret()}. The receiving instance trusts the
 * identity only with a valid signature less than {@link #MAX_AGE} old, so a host that receives a
 * forward can replay it at most briefly and only as it was, and can never act as anyone else.
 */
public final class PeerRequests {

    public static final String CALLER_HEADER = "X-Accrue-Peer-Caller";
    public static final String SIGNATURE_HEADER = "X-Accrue-Peer-Signature";
    static final int MIN_SECRET_LENGTH = 32;
    static final Duration MAX_AGE = Duration.ofSeconds(60);

    private final byte[] secret;
    private final Clock clock;

    PeerRequests(String secret, Clock clock) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** Fails start-up on a secret too short to resist guessing; blank turns forwarding off. */
    static void requireValid(String secret) {
        if (!secret.isEmpty() && secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("accrue.security.peer.secret needs at least " + MIN_SECRET_LENGTH
                    + " characters (e.g. openssl rand -hex 32)");
        }
    }

    public boolean configured() {
        return secret.length > 0;
    }

    /** The headers that forward this authenticated request as {@code method pathAndQuery} to another instance. */
    public Map<String, String> forwardingHeaders(HttpServletRequest request, String method, String pathAndQuery) {
        Caller caller = (Caller) request.getAttribute(ApiKeyFilter.CALLER_ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("Only an authenticated request can be forwarded");
        }
        return forwardingHeaders(caller, method, pathAndQuery);
    }

    /** The headers that send {@code method pathAndQuery} to another instance on behalf of the caller. */
    public Map<String, String> forwardingHeaders(Caller caller, String method, String pathAndQuery) {
        if (!configured()) {
            throw new IllegalStateException("accrue.security.peer.secret is not configured");
        }
        String identity = encode(caller);
        long time = clock.instant().getEpochSecond();
        return Map.of(CALLER_HEADER, identity, SIGNATURE_HEADER, time + "." + sign(time, method, pathAndQuery, identity));
    }

    static boolean isForwarded(HttpServletRequest request) {
        return request.getHeader(CALLER_HEADER) != null || request.getHeader(SIGNATURE_HEADER) != null;
    }

    /** The original caller of a forwarded request, when its signature is valid and recent. */
    Optional<Caller> verify(HttpServletRequest request) {
        String identity = request.getHeader(CALLER_HEADER);
        String signature = request.getHeader(SIGNATURE_HEADER);
        if (!configured() || identity == null || signature == null || signature.indexOf('.') < 1) {
            return Optional.empty();
        }
        try {
            long time = Long.parseLong(signature.substring(0, signature.indexOf('.')));
            if (Math.abs(clock.instant().getEpochSecond() - time) > MAX_AGE.toSeconds()) {
                return Optional.empty();
            }
            String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
            byte[] expected = sign(time, request.getMethod(), request.getRequestURI() + query, identity)
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] presented = signature.substring(signature.indexOf('.') + 1).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, presented) ? Optional.of(decode(identity)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String sign(long time, String method, String pathAndQuery, String identity) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            String signed = time + "\n" + method + "\n" + pathAndQuery + "\n" + identity;
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JVM", e);
        }
    }

    private static String encode(Caller caller) {
        String plain = caller.keyName() + "\n" + caller.role() + "\n" + caller.providerId().orElse("");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static Caller decode(String identity) {
        String[] parts = new String(Base64.getUrlDecoder().decode(identity), StandardCharsets.UTF_8).split("\n", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not a caller identity");
        }
        return new Caller(parts[0], Role.valueOf(parts[1]), Optional.of(parts[2]).filter(p -> !p.isEmpty()));
    }
}
