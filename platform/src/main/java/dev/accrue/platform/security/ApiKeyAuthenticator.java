package dev.accrue.platform.security;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Finds the configured key a presented bearer token hashes to. */
final class ApiKeyAuthenticator {

    private final List<ApiKeyProperties.Key> keys;

    ApiKeyAuthenticator(List<ApiKeyProperties.Key> keys) {
        this.keys = List.copyOf(keys);
    }

    Optional<Caller> authenticate(String presentedKey) {
        byte[] hash = HexFormat.of().parseHex(DevelopmentKeys.sha256(presentedKey));
        for (ApiKeyProperties.Key key : keys) {
            // Constant-time comparison, so response timing does not reveal how much of a hash matched.
            if (MessageDigest.isEqual(hash, HexFormat.of().parseHex(key.sha256().toLowerCase()))) {
                return Optional.of(new Caller(key.name(), key.role(), Optional.ofNullable(key.providerId())));
            }
        }
        return Optional.empty();
    }

    static void requireValid(List<ApiKeyProperties.Key> keys) {
        for (ApiKeyProperties.Key key : keys) {
            if (key.sha256() == null || !key.sha256().matches("(?i)[0-9a-f]{64}")) {
                throw new IllegalStateException("API key '" + key.name() + "' needs sha256: 64 hex digits (the key is never configured in clear)");
            }
            if (key.role() == null) {
                throw new IllegalStateException("API key '" + key.name() + "' needs a role");
            }
            if (key.role() == Role.PROVIDER && (key.providerId() == null || key.providerId().isBlank())) {
                throw new IllegalStateException("PROVIDER API key '" + key.name() + "' needs a providerId");
            }
        }
    }
}
