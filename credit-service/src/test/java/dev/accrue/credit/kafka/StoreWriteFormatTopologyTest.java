package dev.accrue.credit.kafka;

import static dev.accrue.credit.Fixtures.LICENSEE;
import static dev.accrue.credit.Fixtures.SESSION;
import static dev.accrue.credit.Fixtures.joined;
import static dev.accrue.credit.Fixtures.left;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.credit.accrual.Accrual;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

/**
 * With {@code store-write-format=json} (the first rollout of a rolling upgrade) the stores and their changelogs
 * get the JSON an instance of the previous release reads, and crediting works as with binary.
 */
class StoreWriteFormatTopologyTest extends CreditTopologyHarness {

    @Override
    CreditStreamsProperties settings() {
        CreditStreamsProperties s = SETTINGS;
        return new CreditStreamsProperties(s.finalizationGrace(), s.quietPeriod(), s.closureSettle(),
                s.finalizationCheckInterval(), s.complianceCheckInterval(), s.certificatesByIdTopic(),
                s.unknownReferenceWait(), s.unknownReferenceHoldLimit(), s.unknownReferenceTaskHoldLimit(),
                s.accrualRetention(), s.retentionCheckInterval(), s.retentionCheckLimit(), StoreWriteFormat.JSON);
    }

    @Test
    void with_json_the_changelogs_get_what_the_previous_release_reads() {
        attend(joined("09:00"), left("12:00"));
        close();
        assertThat(credits.readValuesToList()).hasSize(2);

        var changelog = driver.createOutputTopic("credit-topology-test-" + CreditTopology.ACCRUAL_STORE + "-changelog",
                Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
        byte[] last = changelog.readKeyValuesToMap().get(CreditStores.accrualKey(SESSION, LICENSEE));
        assertThat(last[0]).isEqualTo((byte) '{');
        Accrual stored = driver.<String, Accrual>getKeyValueStore(CreditTopology.ACCRUAL_STORE)
                .get(CreditStores.accrualKey(SESSION, LICENSEE));
        // The previous releases' accrual shape: every event (here one per fact), as their Accrual record reads it.
        LegacyAccrual asPreviousReleaseReadsIt = JsonSerde.of(LegacyAccrual.class).deserializer().deserialize("changelog", last);
        assertThat(asPreviousReleaseReadsIt.events()).hasSize(2);
        assertThat(asPreviousReleaseReadsIt.toAccrual()).isEqualTo(stored);
        assertThat(stored.finalized()).isTrue();
    }
}
