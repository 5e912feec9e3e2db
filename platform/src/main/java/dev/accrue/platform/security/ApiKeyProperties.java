package dev.accrue.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The API keys a service accepts ({@code accrue.security.*}). Keys are configured only as
 * SHA-256 hashes (hex), so a leaked configuration does not leak a usable key.
 *
 * @param keys the accepted keys
 * @param publicPaths Ant-style paths that need no key (health, API docs, static pages)
 */
@ConfigurationProperties("accrue.security")
public record ApiKeyProperties(
        @DefaultValue List<Key> keys,
        @DefaultValue({"/actuator/health/**", "/actuator/info", "/v3/api-docs/**", "/swagger-ui/**",
                "/swagger-ui.html", "/error"}) List<String> publicPaths) {

    /**
     * @param name a label for logs and error messages
     * @param sha256 hex SHA-256 of the key
     * @param role what the key may do
     * @param providerId the provider organisation, for PROVIDER keys
     */
    public record Key(String name, String sha256, Role role, String providerId) {
    }
}
