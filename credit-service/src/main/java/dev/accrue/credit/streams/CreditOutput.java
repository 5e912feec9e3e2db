package dev.accrue.credit.streams;

import dev.accrue.credit.accrual.Award;
import dev.accrue.credit.certificate.Certificate;
import dev.accrue.credit.compliance.ComplianceReport;
import dev.accrue.credit.licensee.License;
import java.util.List;

/** What the credit processors emit, before the topology maps it to Avro and routes it to its topic. */
sealed interface CreditOutput {

    /** An award, with the licences a roster report to the approval's state names (empty for a national body). */
    record Awarded(Award award, List<License> reportedLicenses) implements CreditOutput {

        public Awarded {
            reportedLicenses = List.copyOf(reportedLicenses);
        }
    }

    record Certified(Certificate certificate) implements CreditOutput {
    }

    record ComplianceChanged(ComplianceReport report) implements CreditOutput {
    }

    /** A record that could not be processed, with where it came from and why; the payload only when unreadable. */
    record Rejected(String sourceTopic, int partition, long offset, String key, String eventId, String reason,
                    byte[] payload) implements CreditOutput {

        static Rejected of(org.apache.kafka.streams.processor.api.ProcessorContext<?, ?> context, String key,
                           String eventId, String reason, byte[] payload) {
            var metadata = context.recordMetadata();
            return new Rejected(metadata.map(m -> m.topic()).orElse("?"), metadata.map(m -> m.partition()).orElse(-1),
                    metadata.map(m -> m.offset()).orElse(-1L), key, eventId, reason, payload);
        }
    }
}
