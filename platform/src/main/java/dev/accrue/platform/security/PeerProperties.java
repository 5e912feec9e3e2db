package dev.accrue.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The secret instances of one service share to forward a request to each other on behalf of its
 * caller ({@code accrue.security.peer.*}). It signs each forwarded request, so it never travels itself,
 * and API keys are never forwarded.
 *
 * @param secret the shared secret, at least {@value PeerRequests#MIN_SECRET_LENGTH} characters; blank
 *               means this instance neither sends nor accepts forwarded requests
 */
@ConfigurationProperties("accrue.security.peer")
public record PeerProperties(@DefaultValue("") String secret) {
}
