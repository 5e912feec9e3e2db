package dev.accrue.schemas.serde;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registry settings read with Confluent's own config keys, so the same Kafka client properties
 * work with this serde and with Confluent's {@code KafkaAvroSerializer}.
 */
public record RegistryConfig(
        List<URI> urls,
        Optional<String> authorization,
        boolean autoRegisterSchemas,
        boolean useLatestVersion,
        Duration requestTimeout) {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** Not a Confluent key: how long one registry call may take before it counts as unavailable. */
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";

    public RegistryConfig {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException(SCHEMA_REGISTRY_URL + " must name at least one registry");
        }
        urls = List.copyOf(urls);
    }

    public static RegistryConfig from(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new IllegalArgumentException("Missing required config " + SCHEMA_REGISTRY_URL);
        }
        List<URI> urls = Arrays.stream(url.toString().split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s))
                .toList();
        return new RegistryConfig(
                urls,
                basicAuth(configs, urls.get(0)),
                bool(configs, AUTO_REGISTER_SCHEMAS, true),
                bool(configs, USE_LATEST_VERSION, false),
                Duration.ofMillis(Long.parseLong(string(configs, REQUEST_TIMEOUT_MS, "10000"))));
    }

    private static Optional<String> basicAuth(Map<String, ?> configs, URI firstUrl) {
        String source = string(configs, BASIC_AUTH_CREDENTIALS_SOURCE, "URL");
        String userInfo = switch (source) {
            case "USER_INFO" -> (String) configs.get(BASIC_AUTH_USER_INFO);
            case "URL" -> firstUrl.getUserInfo();
            default -> throw new IllegalArgumentException(
                    "Unsupported " + BASIC_AUTH_CREDENTIALS_SOURCE + "=" + source + " (use USER_INFO or URL)");
        };
        return Optional.ofNullable(userInfo)
                .filter(s -> !s.isBlank())
                .map(s -> "Basic " + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static String string(Map<String, ?> configs, String key, String fallback) {
        Object value = configs.get(key);
        return value == null ? fallback : value.toString();
    }

    private static boolean bool(Map<String, ?> configs, String key, boolean fallback) {
        Object value = configs.get(key);
        return value == null ? fallback : Boolean.parseBoolean(value.toString());
    }
}
