package dev.accrue.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScaleOutBenchmarkTest {

    @Test
    void consumersAreCountedPerInstanceNotPerThread() {
        assertThat(ScaleOutBenchmark.instanceOf("bench-scaleout-credit-2-6f1c2a9e-0b1d-4c3e-9a7f-1b2c3d4e5f60-StreamThread-1-consumer"))
                .isEqualTo("bench-scaleout-credit-2-6f1c2a9e-0b1d-4c3e-9a7f-1b2c3d4e5f60");
        assertThat(ScaleOutBenchmark.instanceOf("bench-scaleout-search-2-instance-1-2"))
                .isEqualTo("bench-scaleout-search-2-instance-1");
    }
}
