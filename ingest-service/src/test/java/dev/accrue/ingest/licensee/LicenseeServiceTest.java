package dev.accrue.ingest.licensee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.accrue.ingest.access.Access;
import dev.accrue.ingest.access.TestAccess;
import dev.accrue.ingest.errors.ForbiddenException;
import dev.accrue.ingest.errors.IdUnavailableException;
import dev.accrue.ingest.errors.UnavailableException;
import dev.accrue.ingest.view.Position;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ownership of licensee profiles: the provider that registers a licensee owns it. */
class LicenseeServiceTest {

    static final Access ACME = TestAccess.provider("acme");
    static final Access NORTHWIND = TestAccess.provider("northwind");
    static final Access ADMIN = TestAccess.ADMIN;

    private final LicenseeDirectory directory = new LicenseeDirectory(Duration.ZERO, Duration.ofSeconds(1));
    private final List<Licensee> published = Collections.synchronizedList(new ArrayList<>());
    /** Holds the first publish until released, to line up two concurrent writes. */
    private volatile CountDownLatch firstPublish = new CountDownLatch(0);
    private final LicenseeService service = new LicenseeService(directory, licensees -> {
        List<Position> positions = new ArrayList<>();
        for (Licensee licensee : licensees) {
            boolean first;
            synchronized (published) {
                published.add(licensee);
                first = published.size() == 1;
            }
            if (first) {
                awaitQuietly(firstPublish);
            }
            positions.add(new Position(0, 100 + published.size()));
        }
        return positions;
    }, Clock.fixed(Instant.parse("2025-02-01T00:00:00Z"), ZoneOffset.UTC));

    @BeforeEach
    void ready() {
        directory.view().markReady();
        directory.view().catchUpWith(timeout -> true);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
    void anotherProviderMayNotReplaceItAndLearnsOnlyThatTheIdIsNotAvailable() {
        service.put("lic-1", jane("jane@example.org"), ACME);

        assertThatThrownBy(() -> service.put("lic-1", jane("evil@example.org"), NORTHWIND))
                .isInstanceOf(IdUnavailableException.class)
                .hasMessage("Licensee id 'lic-1' is not available; choose another id. Licensee ids are one namespace for"
                        + " all providers: use opaque ids, never licence numbers or emails");
        assertThat(published).hasSize(1);
        assertThat(directory.emailOf("lic-1")).contains("jane@example.org");
    }

    @Test
    void anAdminMayReplaceItAndKeepsTheOwner() {
        service.put("lic-1", jane("jane@example.org"), ACME);

        assertThat(service.put("lic-1", jane("jane.d@example.org"), ADMIN).owner()).isEqualTo("acme");
    }

    @Test
    void aProviderMayNotClaimAProfileWithoutOwnerAndGetsTheSameAnswerAsForAnotherProvidersId() {
        directory.view().apply("lic-old", new LicenseeDirectory.Entry("old@example.org", null), new Position(0, 0));
        assertThat(service.put("lic-admin", jane("a@example.org"), ADMIN).owner()).isNull();
        service.put("lic-acme", jane("acme@example.org"), ACME);
        String takenByAnother = messageOf(() -> service.put("lic-acme", jane("x@example.org"), NORTHWIND));

        assertThat(messageOf(() -> service.put("lic-old", jane("old@example.org"), NORTHWIND)))
                .isEqualTo(takenByAnother.replace("lic-acme", "lic-old"));
        assertThatThrownBy(() -> service.put("lic-old", owned(jane("old@example.org"), "acme"), ACME))
                .isInstanceOf(IdUnavailableException.class);
        assertThatThrownBy(() -> service.put("lic-admin", jane("a@example.org"), ACME)).isInstanceOf(IdUnavailableException.class);
        assertThat(published).extracting(Licensee::licenseeId).containsExactly("lic-admin", "lic-acme");
        assertThat(directory.view().find("lic-old")).contains(new LicenseeDirectory.Entry("old@example.org", null));
    }

    @Test
    void anAdminAssignsAProfileWithoutOwnerAndThenItsOwnerMayReplaceIt() {
        directory.view().apply("lic-old", new LicenseeDirectory.Entry("old@example.org", null), new Position(0, 0));

        assertThat(service.put("lic-old", jane("old@example.org"), ADMIN).owner()).isNull();
        assertThat(service.put("lic-old", owned(jane("old@example.org"), "acme"), ADMIN).owner()).isEqualTo("acme");
        assertThat(service.put("lic-old", jane("new@example.org"), ACME).owner()).isEqualTo("acme");
        assertThatThrownBy(() -> service.put("lic-old", jane("old@example.org"), NORTHWIND)).isInstanceOf(IdUnavailableException.class);
    }

    @Test
    void aStaleLocalCopyWithoutOwnerDoesNotLetAnotherProviderReplaceAFreshClaim() {
        directory.view().apply("lic-old", new LicenseeDirectory.Entry("old@example.org", null), new Position(0, 0));
        // Another instance has meanwhile let acme claim it; this instance sees it only by catching up.
        directory.view().catchUpWith(timeout -> {
            directory.view().apply("lic-old", new LicenseeDirectory.Entry("old@example.org", "acme"), new Position(0, 1));
            return true;
        });

        assertThatThrownBy(() -> service.put("lic-old", jane("evil@example.org"), NORTHWIND))
                .isInstanceOf(IdUnavailableException.class);
        assertThat(service.put("lic-old", jane("old@example.org"), ADMIN).owner()).isEqualTo("acme");
        assertThat(published).extracting(Licensee::owner).containsExactly("acme");
    }

    @Test
    void aDirectoryThatCannotCatchUpAnswers503AndPublishesNothing() {
        directory.view().catchUpWith(timeout -> false);

        assertThatThrownBy(() -> service.put("lic-new", jane("jane@example.org"), ACME))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("could not catch up");
        assertThat(published).isEmpty();
    }

    @Test
    void anAdminSetsTheOwnerExplicitlyWhenTheRequestNamesOne() {
        service.put("lic-1", jane("jane@example.org"), ACME);

        Licensee transferred = service.put("lic-1", owned(jane("jane@example.org"), "northwind"), ADMIN);
        Licensee created = service.put("lic-2", owned(jane("joe@example.org"), "acme"), ADMIN);

        assertThat(transferred.owner()).isEqualTo("northwind");
        assertThat(created.owner()).isEqualTo("acme");
        assertThatThrownBy(() -> service.put("lic-1", jane("jane@example.org"), ACME)).isInstanceOf(IdUnavailableException.class);
        assertThat(directory.view().find("lic-2")).contains(new LicenseeDirectory.Entry("joe@example.org", "acme"));
    }

    @Test
    void aProviderMayNameOnlyItselfAsOwner() {
        assertThatThrownBy(() -> service.put("lic-1", owned(jane("jane@example.org"), "northwind"), ACME))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("only an ADMIN key assigns");
        assertThat(service.put("lic-1", owned(jane("jane@example.org"), "acme"), ACME).owner()).isEqualTo("acme");
    }

    @Test
    void twoWritesOfOneNewLicenseeInOneInstanceDoNotBothClaimIt() throws Exception {
        firstPublish = new CountDownLatch(1);
        CompletableFuture<Licensee> byAcme = CompletableFuture.supplyAsync(() -> service.put("lic-1", jane("a@example.org"), ACME));
        await().atMost(5, TimeUnit.SECONDS).until(() -> published.size() == 1);
        CompletableFuture<Licensee> byNorthwind = new CompletableFuture<>();
        Thread northwindThread = new Thread(() -> {
            try {
                byNorthwind.complete(service.put("lic-1", jane("b@example.org"), NORTHWIND));
            } catch (RuntimeException e) {
                byNorthwind.completeExceptionally(e);
            }
        });
        northwindThread.start();

        // Northwind's write waits for acme's to finish instead of reading the owner acme is about to set.
        await().atMost(5, TimeUnit.SECONDS).until(() -> northwindThread.getState() == Thread.State.WAITING);
        firstPublish.countDown();

        assertThat(byAcme.get(5, TimeUnit.SECONDS).owner()).isEqualTo("acme");
        assertThatThrownBy(() -> byNorthwind.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IdUnavailableException.class);
        assertThat(published).hasSize(1);
    }

    private static String messageOf(Runnable write) {
        Throwable thrown = catchThrowable(write::run);
        assertThat(thrown).isInstanceOf(IdUnavailableException.class);
        return thrown.getMessage();
    }

    static LicenseeInput owned(LicenseeInput input, String owner) {
        return new LicenseeInput(input.givenName(), input.familyName(), input.email(), input.licenses(), owner);
    }
}
