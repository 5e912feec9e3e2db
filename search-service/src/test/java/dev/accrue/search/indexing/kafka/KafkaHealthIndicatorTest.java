package dev.accrue.search.indexing.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

class KafkaHealthIndicatorTest {

    private final AtomicInteger adminsCreated = new AtomicInteger();
    private final AtomicLong now = new AtomicLong();
    private final Admin admin = mock(Admin.class);
    private final KafkaHealthIndicator indicator = new KafkaHealthIndicator(() -> {
        adminsCreated.incrementAndGet();
        return admin;
    }, new KafkaListenerEndpointRegistry(), now::get);

    KafkaHealthIndicatorTest() {
        DescribeClusterResult cluster = mock(DescribeClusterResult.class);
        when(cluster.nodes()).thenReturn(KafkaFuture.completedFuture(List.of(new Node(1, "kafka", 9092))));
        when(admin.describeCluster(any(DescribeClusterOptions.class))).thenReturn(cluster);
    }

    @Test
    void manyChecksShareOneAdminClientAndAskTheBrokersOncePerTimeToLive() {
        IntStream.range(0, 1000).parallel().forEach(i -> assertThat(indicator.health().getStatus()).isEqualTo(Status.UP));

        assertThat(adminsCreated).hasValue(1);
        verify(admin, times(1)).describeCluster(any(DescribeClusterOptions.class));
        assertThat(indicator.health().getDetails()).containsEntry("brokers", 1).containsEntry("indexerRunning", false);
    }

    @Test
    void theBrokersAreAskedAgainOnceTheAnswerIsOlderThanTheTimeToLive() {
        indicator.health();
        now.addAndGet(KafkaHealthIndicator.BROKER_CHECK_TTL.toNanos());
        indicator.health();

        assertThat(adminsCreated).hasValue(1);
        verify(admin, times(2)).describeCluster(any(DescribeClusterOptions.class));
    }

    @Test
    void closingTheContextClosesTheOneAdminClient() {
        indicator.health();
        indicator.destroy();

        verify(admin).close(any(java.time.Duration.class));
    }
}
