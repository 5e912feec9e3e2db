package dev.accrue.platform.kafka;

import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;

/** Exposes {@link AvroSerdes} configured from {@code spring.kafka.properties}. */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
public class AvroSerdesConfiguration {

    @Bean
    AvroSerdes avroSerdes(KafkaProperties kafka) {
        return new AvroSerdes(kafka.getProperties() == null ? Map.of() : Map.copyOf(kafka.getProperties()));
    }
}
