package dev.accrue.platform.kafka;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;

/** Exposes {@link AvroSerdes} configured from {@code spring.kafka.properties}. */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
public class AvroSerdesConfiguration {

    @Bean
    AvroSerdes avroSerdes(KafkaProperties kafka) {
        return new AvroSerdes(kafka.getProperties() == null ? java.util.Map.of() : java.util.Map.copyOf(kafka.getProperties()));
    }
}
