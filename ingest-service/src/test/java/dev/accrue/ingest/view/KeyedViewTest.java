package dev.accrue.ingest.view;

import dev.accrue.ingest.errors.UnavailableException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class KeyedViewTest {

    private final KeyedView<String> view = new KeyedView<>("test view", Duration.ofMillis(10), Duration.ofSeconds(3));

    @Test
    void answers503UntilLoaded() {
        assertThatThrownBy(() -> view.find("a")).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("test view is still loading");
    }

    @Test
    void aReplayedOlderRecordDoesNotOverwriteANewerWrite() {
        view.markReady();
        view.apply("a", "new", new Position(0, 10));
        view.apply("a", "old", new Position(0, 5));

        assertThat(view.find("a")).contains("new");
    }

    @Test
    void aTombstoneRemovesTheKeyAndIsNotUndoneByAnOlderReplay() {
        view.markReady();
        view.apply("a", "v1", new Position(1, 1));
        view.apply("a", null, new Position(1, 2));
        view.apply("a", "v1", new Position(1, 1));

        assertThat(view.find("a")).isEmpty();
        assertThat(view.size()).isZero();
    }

    @Test
    void aMissCatchesUpOnceAndLooksAgain() {
        view.markReady();
        view.catchUpWith(timeout -> {
            view.apply("b", "from another instance", new Position(0, 1));
            return true;
        });

        assertThat(view.find("b")).isEmpty();
        assertThat(view.findFresh("b")).contains("from another instance");
    }

    @Test
    void aMissThatCannotBeConfirmedIsUnavailableNotAbsent() {
        view.markReady();
        view.apply("a", "v1", new Position(1, 1));
        view.catchUpWith(timeout -> false);

        assertThat(view.findFresh("a")).contains("v1");
        assertThatThrownBy(() -> view.findFresh("b")).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("could not catch up");
    }
}
