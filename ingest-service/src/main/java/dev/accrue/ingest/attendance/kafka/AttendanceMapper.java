package dev.accrue.ingest.attendance.kafka;

import dev.accrue.ingest.attendance.AttendanceEvent;
import dev.accrue.ingest.attendance.AttendanceSource;
import dev.accrue.ingest.attendance.AttendanceType;
import java.util.Arrays;
import java.util.function.IntFunction;

/** Translates attendance events between the domain and the Avro contract. */
final class AttendanceMapper {

    /** The Avro symbol of each domain constant, by ordinal: looked up once, not by name for every event. */
    private static final dev.accrue.events.AttendanceType[] AVRO_TYPES = avro(AttendanceType.values(),
            dev.accrue.events.AttendanceType.class, dev.accrue.events.AttendanceType[]::new);
    private static final dev.accrue.events.AttendanceSource[] AVRO_SOURCES = avro(AttendanceSource.values(),
            dev.accrue.events.AttendanceSource.class, dev.accrue.events.AttendanceSource[]::new);

    static dev.accrue.events.AttendanceEvent toAvro(AttendanceEvent e) {
        // The all-arguments constructor, not the builder: this runs for every event of every batch.
        return new dev.accrue.events.AttendanceEvent(e.eventId(), e.sessionId(), e.licenseeId(),
                AVRO_TYPES[e.type().ordinal()], e.occurredAt(), e.score(), AVRO_SOURCES[e.source().ordinal()], e.receivedAt(),
                e.connectionId());
    }

    private static <D extends Enum<D>, A extends Enum<A>> A[] avro(D[] domain, Class<A> avroType,
                                                                   IntFunction<A[]> array) {
        return Arrays.stream(domain).map(d -> Enum.valueOf(avroType, d.name())).toArray(array);
    }

    static AttendanceEvent fromAvro(dev.accrue.events.AttendanceEvent a) {
        return new AttendanceEvent(a.getEventId(), a.getSessionId(), a.getLicenseeId(),
                AttendanceType.valueOf(a.getType().name()), a.getOccurredAt(), a.getScore(), a.getConnectionId(),
                AttendanceSource.valueOf(a.getSource().name()), a.getReceivedAt());
    }

    private AttendanceMapper() {
    }
}
