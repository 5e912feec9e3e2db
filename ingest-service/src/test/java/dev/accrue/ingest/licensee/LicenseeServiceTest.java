package dev.accrue.ingest.licensee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accrue.ingest.common.Access;
import dev.accrue.ingest.common.ForbiddenException;
import dev.accrue.ingest.common.Position;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ownership of licensee profiles: the provider that registers a licensee owns it. */
class LicenseeServiceTest {

    static final Access ACME = provider("acme");
    static final Access NORTHWIND = provider("northwind");
    static final Access ADMIN = new Access() {
        @Override
        public boolean mayActFor(String providerId) {
            return true;
        }

        @Override
        public Optional<String> providerId() {
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "the admin key";
        }
    };

    private final LicenseeDirectory directory = new LicenseeDirectory(Duration.ZERO, Duration.ofSeconds(1));
    private final List<Licensee> published = new ArrayList<>();
    private final LicenseeService service = new LicenseeService(directory, licensee -> {
        published.add(licensee);
        return new Position(0, published.size());
    }, Clock.fixed(Instant.parse("2025-02-01T00:00:00Z"), ZoneOffset.UTC));

    @BeforeEach
    void ready() {
        directory.view().markReady();
    }

    static Access provider(String id) {
        return new Access() {
            @Override
            public boolean mayActFor(String providerId) {
                return providerId.equals(id);
            }

            @Override
            public Optional<String> providerId() {
                return Optional.of(id);
            }

            @Override
            public String describe() {
                return "the key of " + id;
            }
        };
    }

    static LicenseeInput jane(String email) {
        return new LicenseeInput("Jane", "Doe", email, List.of());
    }

    @Test
    void theProviderThatRegistersALicenseeOwnsItAndMayReplaceIt() {
        assertThat(service.put("lic-1", jane("jane@example.org"), ACME).owner()).isEqualTo("acme");
        Licensee replaced = service.put("lic-1", jane("jane.doe@example.org"), ACME);

        assertThat(replaced.owner()).isEqualTo("acme");
        assertThat(directory.view().find("lic-1")).contains(new LicenseeDirectory.Entry("jane.doe@example.org", "acme"));
    }

    @Test
    void anotherProviderMayNotReplaceItAndLearnsNotWhoOwnsIt() {
        service.put("lic-1", jane("jane@example.org"), ACME);

        assertThatThrownBy(() -> service.put("lic-1", jane("evil@example.org"), NORTHWIND))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("registered by another provider")
                .hasMessageNotContaining("acme");
        assertThat(published).hasSize(1);
        assertThat(directory.emailOf("lic-1")).contains("jane@example.org");
    }

    @Test
    void anAdminMayReplaceItAndKeepsTheOwner() {
        service.put("lic-1", jane("jane@example.org"), ACME);

        assertThat(service.put("lic-1", jane("jane.d@example.org"), ADMIN).owner()).isEqualTo("acme");
    }

    @Test
    void aProfileWithoutOwnerIsClaimedByTheFirstProviderThatWritesIt() {
        directory.view().apply("lic-old", new LicenseeDirectory.Entry("old@example.org", null), new Position(0, 0));
        assertThat(service.put("lic-admin", jane("a@example.org"), ADMIN).owner()).isNull();

        assertThat(service.put("lic-old", jane("old@example.org"), NORTHWIND).owner()).isEqualTo("northwind");
        assertThat(service.put("lic-admin", jane("a@example.org"), ACME).owner()).isEqualTo("acme");
        assertThatThrownBy(() -> service.put("lic-old", jane("old@example.org"), ACME)).isInstanceOf(ForbiddenException.class);
    }
}
