package dev.accrue.search.indexing.kafka;

import dev.accrue.search.indexing.DocumentWrite;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The write a record asks for, with the record it came from (for dead-lettering) and its event id. */
record Planned(ConsumerRecord<String, byte[]> record, String eventId, DocumentWrite write) {
}
