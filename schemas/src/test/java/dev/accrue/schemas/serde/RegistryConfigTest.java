package dev.accrue.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryConfigTest {

    @Test
    void readsConfluentKeysWithConfluentDefaults() {
        RegistryConfig config = RegistryConfig.from(Map.of("schema.registry.url", "http://a:8081/, http://b:8081"));

        assertThat(config.urls()).containsExactly(URI.create("http://a:8081"), URI.create("http://b:8081"));
        assertThat(config.autoRegisterSchemas()).isTrue();
        assertThat(config.useLatestVersion()).isFalse();
        assertThat(config.authorization()).isEmpty();
    }

    @Test
    void buildsBasicAuthFromUserInfo() {
        RegistryConfig config = RegistryConfig.from(Map.of(
                "schema.registry.url", "http://a:8081",
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "user:secret"));

        assertThat(config.authorization()).contains("Basic dXNlcjpzZWNyZXQ=");
    }

    @Test
    void refusesAMissingUrl() {
        assertThatThrownBy(() -> RegistryConfig.from(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema.registry.url");
    }
}
