package dev.accrue.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ApiKeyAuthenticatorTest {

    private static final ApiKeyProperties.Key ACME = new ApiKeyProperties.Key(
            "acme", DevelopmentKeys.sha256("s3cret-acme"), Role.PROVIDER, "acme");

    @Test
    void aKeyThatHashesToAConfiguredHashIdentifiesItsProvider() {
        var authenticator = new ApiKeyAuthenticator(List.of(ACME));

        assertThat(authenticator.authenticate("s3cret-acme"))
                .contains(new Caller("acme", Role.PROVIDER, Optional.of("acme")));
        assertThat(authenticator.authenticate("s3cret-acme ")).isEmpty();
        assertThat(authenticator.authenticate("")).isEmpty();
    }

    @Test
    void aProviderKeyWithoutProviderIsRefusedAtStartUp() {
        var key = new ApiKeyProperties.Key("broken", DevelopmentKeys.sha256("x"), Role.PROVIDER, null);

        assertThatThrownBy(() -> ApiKeyAuthenticator.requireValid(List.of(key))).hasMessageContaining("providerId");
    }

    @Test
    void aKeyConfiguredInClearIsRefusedAtStartUp() {
        var key = new ApiKeyProperties.Key("clear", "my-plain-key", Role.ADMIN, null);

        assertThatThrownBy(() -> ApiKeyAuthenticator.requireValid(List.of(key))).hasMessageContaining("64 hex digits");
    }

    @Test
    void developmentKeysAreRefusedOutsideTheLocalProfile() {
        var devKey = new ApiKeyProperties.Key("dev", DevelopmentKeys.sha256(DevelopmentKeys.ADMIN), Role.ADMIN, null);
        var production = new MockEnvironment();
        var local = new MockEnvironment();
        local.setActiveProfiles("local");

        assertThatThrownBy(() -> ApiKeySecurityConfiguration.refuseDevelopmentKeysOutsideLocal(List.of(devKey), production))
                .hasMessageContaining("development API keys");
        ApiKeySecurityConfiguration.refuseDevelopmentKeysOutsideLocal(List.of(devKey), local);
    }

    @Test
    void aProviderMayActOnlyForItself() {
        Caller acme = new Caller("acme", Role.PROVIDER, Optional.of("acme"));
        Caller admin = new Caller("admin", Role.ADMIN, Optional.empty());

        assertThat(acme.mayActFor("acme")).isTrue();
        assertThat(acme.mayActFor("northwind")).isFalse();
        assertThat(admin.mayActFor("northwind")).isTrue();
        assertThatThrownBy(() -> acme.requireProvider("northwind")).hasMessageContaining("may not write data of provider 'northwind'");
    }
}
