package dev.accrue.search.reporting;

import java.time.Instant;
import java.util.List;

/**
 * One export of an offering's roster to a state's board (CE Broker for Florida), as stored: the numbers the board
 * files it under, what it told the board, and every line the board holds afterwards, which the next export of the
 * same offering and state diffs against. Exports are numbered from 1 per offering and state.
 *
 * @param providerNumber the provider's tracking number at the board (CE Broker: 50-...)
 * @param courseNumber   the session's approval id at the board (CE Broker: the course tracking number 20-...)
 */
public record RosterExport(String sessionId, String state, int number, String providerId, String courseId,
                           String title, String providerNumber, String courseNumber, Instant createdAt,
                           List<RosterChange> changes, List<Unreportable> unreportable,
                           List<RosterLine> reported) {

    public RosterExport {
        changes = List.copyOf(changes);
        unreportable = List.copyOf(unreportable);
        reported = List.copyOf(reported);
    }

    public long count(RosterChange.Action action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }

    public List<RosterChange> changes(RosterChange.Action action) {
        return changes.stream().filter(c -> c.action() == action).toList();
    }
}
