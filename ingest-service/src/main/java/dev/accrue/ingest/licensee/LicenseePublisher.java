package dev.accrue.ingest.licensee;

import dev.accrue.ingest.view.Position;
import java.util.List;

/** Stores licensees durably; returns once the broker acknowledged every one, or throws UnavailableException. */
public interface LicenseePublisher {

    default Position publish(Licensee licensee) {
        return publishAll(List.of(licensee)).get(0);
    }

    /** Where each licensee was stored, in order; one wait for the broker's acknowledgements of all of them. */
    List<Position> publishAll(List<Licensee> licensees);
}
