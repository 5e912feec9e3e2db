package dev.accrue.ingest.licensee;

import dev.accrue.ingest.view.Position;

/** Stores a licensee durably; returns once the broker acknowledged it, or throws UnavailableException. */
public interface LicenseePublisher {

    Position publish(Licensee licensee);
}
