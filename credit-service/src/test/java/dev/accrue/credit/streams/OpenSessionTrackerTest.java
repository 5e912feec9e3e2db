package dev.accrue.credit.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.credit.streams.store.OpenSession;
import dev.accrue.credit.streams.store.StoreCodecs;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The open-session store is written on first sight, on a new end, and at most once per write step in between. */
class OpenSessionTrackerTest {

    private static final Instant ENDS = Instant.parse("2025-03-10T12:00:00Z");
    private static final Instant T0 = Instant.parse("2025-03-10T12:31:00Z");
    private KeyValueStore<String, OpenSession> store;
    private OpenSessionTracker tracker;

    @BeforeEach
    void init() {
        MockProcessorContext<String, CreditOutput> context = new MockProcessorContext<>();
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(CreditTopology.OPEN_SESSION_STORE),
                Serdes.String(), StoreCodecs.openSessions()).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        tracker = new OpenSessionTracker(store);
    }

    @Test
    void theFirstAttendanceForASessionIsWrittenAtOnce() {
        tracker.attended("s1", ENDS, T0);
        assertThat(store.get("s1")).isEqualTo(new OpenSession(ENDS, T0));
    }

    @Test
    void attendanceWithinTheWriteStepWaitsForTheFlushAndIsThenExact() {
        tracker.attended("s1", ENDS, T0);
        tracker.attended("s1", ENDS, T0.plusMillis(400));
        tracker.attended("s1", ENDS, T0.plusMillis(900));
        assertThat(store.get("s1")).isEqualTo(new OpenSession(ENDS, T0));

        tracker.flush();

        assertThat(store.get("s1")).isEqualTo(new OpenSession(ENDS, T0.plusMillis(900)));
    }

    @Test
    void attendanceAWriteStepAfterTheStoredTimeIsWrittenAtOnce() {
        tracker.attended("s1", ENDS, T0);
        tracker.attended("s1", ENDS, T0.plus(OpenSessionTracker.WRITE_STEP));
        assertThat(store.get("s1")).isEqualTo(new OpenSession(ENDS, T0.plus(OpenSessionTracker.WRITE_STEP)));
    }

    @Test
    void aNewEndOfTheSessionIsWrittenAtOnce() {
        tracker.attended("s1", ENDS, T0);
        tracker.attended("s1", ENDS.plus(Duration.ofHours(1)), T0.plusMillis(10));
        assertThat(store.get("s1")).isEqualTo(new OpenSession(ENDS.plus(Duration.ofHours(1)), T0.plusMillis(10)));
    }

    @Test
    void theFlushNeverMovesANewerStoredTimeBack() {
        tracker.attended("s1", ENDS, T0);
        tracker.attended("s1", ENDS, T0.plusMillis(300));
        store.put("s1", new OpenSession(ENDS, T0.plusMillis(600))); // released held attendance, written by the licensee processor

        tracker.flush();

        assertThat(store.get("s1")).isEqualTo(new OpenSession(ENDS, T0.plusMillis(600)));
    }

    @Test
    void afterTheSessionWasFinalizedAndDeletedItsNextAttendanceIsWrittenAtOnce() {
        tracker.attended("s1", ENDS, T0);
        store.delete("s1");
        tracker.removed("s1");

        tracker.attended("s1", ENDS, T0.plusMillis(100));

        assertThat(store.get("s1")).isEqualTo(new OpenSession(ENDS, T0.plusMillis(100)));
    }

    @Test
    void aClockThatWentBackWritesThroughAsBefore() {
        tracker.attended("s1", ENDS, T0);
        tracker.attended("s1", ENDS, T0.minusMillis(200));
        assertThat(store.get("s1")).isEqualTo(new OpenSession(ENDS, T0.minusMillis(200)));
    }
}
