package dev.accrue.search.indexing.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record that can never be indexed, and why. Unreadable records keep their bytes in the
 * dead-letter record so they can be inspected and replayed.
 */
record Rejected(ConsumerRecord<String, byte[]> record, String eventId, String reason, boolean unreadable) {
}
