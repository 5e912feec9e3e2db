package dev.accrue.search.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accrue.platform.security.Caller;
import dev.accrue.platform.security.Role;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

class ProviderScopeTest {

    static final Caller ANALYST = new Caller("analyst", Role.ANALYST, Optional.empty());
    static final Caller ACME = new Caller("acme", Role.PROVIDER, Optional.of("acme"));

    @Test
    void analystsSeeEveryProviderOrTheOneTheyAskFor() {
        assertThat(ProviderScope.resolve(ANALYST, Optional.empty())).isEmpty();
        assertThat(ProviderScope.resolve(ANALYST, Optional.of("globex"))).contains("globex");
    }

    @Test
    void providerKeysAreScopedToTheirOwnProvider() {
        assertThat(ProviderScope.resolve(ACME, Optional.empty())).contains("acme");
        assertThat(ProviderScope.resolve(ACME, Optional.of("acme"))).contains("acme");
        assertThatThrownBy(() -> ProviderScope.resolve(ACME, Optional.of("globex")))
                .isInstanceOf(ResponseStatusException.class).hasMessageContaining("403");
    }

    @Test
    void crossProviderQuestionsNeedAnAnalystOrAdmin() {
        ProviderScope.requireCrossProvider(ANALYST);
        assertThatThrownBy(() -> ProviderScope.requireCrossProvider(ACME)).isInstanceOf(ResponseStatusException.class);
    }
}
