package dev.accrue.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.platform.web.RequestLimits.Admission;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The concurrency caps of an endpoint: in all, and per caller so that no caller takes every slot. */
class RequestLimitsTest {

    static RequestLimits.Limit endpoint(int maxConcurrent, Integer perCaller) {
        var endpoint = new RequestLimitProperties.Endpoint("/v1/import", DataSize.ofMegabytes(1), maxConcurrent, perCaller);
        return new RequestLimits(new RequestLimitProperties(DataSize.ofKilobytes(64), Duration.ofSeconds(2),
                List.of(endpoint))).endpointLimits().get(0);
    }

    @Test
    void aCallerAtItsCapIsRefusedWhileAnotherStillGetsIn() {
        RequestLimits.Limit limit = endpoint(2, 1);

        assertThat(limit.tryEnter("key acme")).isEqualTo(Admission.ADMITTED);
        assertThat(limit.tryEnter("key acme")).isEqualTo(Admission.CALLER_AT_CAP);
        assertThat(limit.tryEnter("key northwind")).isEqualTo(Admission.ADMITTED);
        assertThat(limit.tryEnter("address 10.0.0.1")).isEqualTo(Admission.ENDPOINT_AT_CAP);
    }

    @Test
    void leavingReturnsBothTheCallersSlotAndTheEndpoints() {
        RequestLimits.Limit limit = endpoint(2, 1);
        limit.tryEnter("key acme");
        limit.tryEnter("key northwind");

        limit.leave("key acme");

        assertThat(limit.tryEnter("key acme")).isEqualTo(Admission.ADMITTED);
    }

    @Test
    void aCallerRefusedByTheFullEndpointKeepsNoSlot() {
        RequestLimits.Limit limit = endpoint(1, 1);
        limit.tryEnter("key acme");

        assertThat(limit.tryEnter("key northwind")).isEqualTo(Admission.ENDPOINT_AT_CAP);
        limit.leave("key acme");
        assertThat(limit.tryEnter("key northwind")).isEqualTo(Admission.ADMITTED);
    }

    @Test
    void withoutAPerCallerSettingOneCallerMayHoldHalfTheSlots() {
        assertThat(endpoint(2, null).maxPerCaller()).isEqualTo(1);
        assertThat(endpoint(6, null).maxPerCaller()).isEqualTo(3);
        assertThat(endpoint(1, null).maxPerCaller()).isEqualTo(1);
        assertThat(endpoint(2, 5).maxPerCaller()).as("never more than the endpoint takes").isEqualTo(2);
    }
}
