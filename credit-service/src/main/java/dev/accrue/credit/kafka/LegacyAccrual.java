package dev.accrue.credit.kafka;

import dev.accrue.credit.accrual.Accrual;
import dev.accrue.credit.accrual.Award;
import dev.accrue.credit.attendance.Attendance;
import dev.accrue.credit.attendance.AttendanceFact;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.certificate.Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * An accrual as releases before the compact format stored it: every attendance event, ids included
 * (JSON, and binary format 1). Read and turned into facts; written only as JSON, during a rolling
 * upgrade, with one event per fact under an id made from the fact, which those releases read as
 * they read any event.
 */
record LegacyAccrual(String licenseeId, String sessionId, List<Attendance> events, Instant lastAttendanceAt,
                     boolean finalized, Map<ApprovalBody, Award> awards, Certificate certificate) {

    Accrual toAccrual() {
        return new Accrual(licenseeId, sessionId, events.stream().map(AttendanceFact::of).toList(), lastAttendanceAt,
                finalized, awards, certificate);
    }

    static LegacyAccrual of(Accrual accrual) {
        List<Attendance> events = accrual.facts().stream()
                .map(f -> new Attendance("fact-" + f.type() + "-" + f.at().toEpochMilli() + (f.score() == null ? "" : "-" + f.score()),
                        accrual.sessionId(), accrual.licenseeId(), f.type(), f.at(), f.score()))
                .toList();
        return new LegacyAccrual(accrual.licenseeId(), accrual.sessionId(), events, accrual.lastAttendanceAt(),
                accrual.finalized(), accrual.awards(), accrual.certificate());
    }

    /** The JSON of earlier releases, as accruals. */
    static Serde<Accrual> json() {
        Serializer<LegacyAccrual> writer = JsonSerde.of(LegacyAccrual.class).serializer();
        Deserializer<LegacyAccrual> reader = JsonSerde.of(LegacyAccrual.class).deserializer();
        return Serdes.serdeFrom((topic, accrual) -> accrual == null ? null : writer.serialize(topic, of(accrual)),
                (topic, bytes) -> bytes == null ? null : reader.deserialize(topic, bytes).toAccrual());
    }
}
