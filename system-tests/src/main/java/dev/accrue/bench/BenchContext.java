package dev.accrue.bench;

import dev.accrue.stack.Component;
import dev.accrue.stack.Endpoints;
import dev.accrue.stack.LocalProcesses;
import dev.accrue.stack.ServiceFleet;
import dev.accrue.stack.StackLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * A fresh local stack for one benchmark, and the services it starts; closing it stops them all
 * and deletes the data, so benchmarks never measure each other's leftovers.
 */
final class BenchContext implements AutoCloseable {

    private final StackLayout layout = StackLayout.locate();
    private final LocalProcesses stack = new LocalProcesses(layout, LocalProcesses.Ports.ephemeral());
    private final List<ServiceFleet> fleets = new ArrayList<>();
    private final Endpoints endpoints;
    private final Path logDir;

    BenchContext(Path logDir) {
        this.logDir = logDir;
        this.endpoints = stack.start(EnumSet.allOf(Component.class));
    }

    StackLayout layout() {
        return layout;
    }

    Endpoints endpoints() {
        return endpoints;
    }

    /** Starts the given services on free ports with the benchmark's 512 MB heap. */
    ServiceFleet fleet(List<ServiceFleet.Service> services) {
        ServiceFleet fleet = ServiceFleet.ephemeralPorts(layout);
        fleets.add(fleet);
        fleet.start(endpoints, logDir, services, List.of());
        return fleet;
    }

    @Override
    public void close() {
        fleets.forEach(ServiceFleet::close);
        stack.close();
    }
}
