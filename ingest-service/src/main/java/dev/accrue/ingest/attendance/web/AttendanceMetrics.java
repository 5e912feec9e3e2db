package dev.accrue.ingest.attendance.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts attendance events by how they arrived and whether they were accepted ({@code accrue.ingest.attendance.events}). */
final class AttendanceMetrics {

    private final MeterRegistry meters;

    AttendanceMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void count(String source, int accepted, int rejected) {
        counter(source, "accepted").increment(accepted);
        counter(source, "rejected").increment(rejected);
    }

    private Counter counter(String source, String outcome) {
        return Counter.builder("accrue.ingest.attendance.events").description("Attendance events received")
                .tag("source", source).tag("outcome", outcome).register(meters);
    }
}
