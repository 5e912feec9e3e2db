package dev.accrue.ingest.attendance.kafka;

import dev.accrue.ingest.attendance.AttendanceService;
import dev.accrue.ingest.catalog.KnownSession;
import dev.accrue.ingest.kafka.AckingProducer;
import dev.accrue.ingest.licensee.LicenseeDirectory;
import dev.accrue.ingest.view.KeyedView;
import dev.accrue.platform.topics.AccrueTopics;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires attendance intake to the attendance topic. */
@Configuration(proxyBeanMethods = false)
class AttendanceKafkaConfiguration {

    @Bean
    AttendanceService attendanceService(KeyedView<KnownSession> catalogView, LicenseeDirectory licenseeDirectory,
                                        AckingProducer producer, AccrueTopics topics, Clock clock) {
        return new AttendanceService(catalogView, licenseeDirectory, new KafkaAttendancePublisher(producer, topics), clock);
    }
}
