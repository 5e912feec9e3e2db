package dev.accrue.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentIdsTest {

    @Test
    void anEventIdIsItsOwnDocumentId() {
        assertThat(DocumentIds.of("evt-42")).isEqualTo("evt-42");
    }

    @Test
    void idsTooLongForElasticsearchBecomeTheirStableHash() {
        String longId = "x".repeat(600);
        assertThat(DocumentIds.of(longId)).startsWith("sha256-").hasSize(7 + 64).isEqualTo(DocumentIds.of(longId));
    }

    @Test
    void partsAreJoinedSoDifferentSplitsGiveDifferentIds() {
        assertThat(DocumentIds.of("a", "bc")).isNotEqualTo(DocumentIds.of("ab", "c"));
    }
}
