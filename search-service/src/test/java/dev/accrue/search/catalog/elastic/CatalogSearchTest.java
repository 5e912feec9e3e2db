package dev.accrue.search.catalog.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import dev.accrue.search.catalog.SessionSearch;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogSearchTest {

    @Test
    void wordsMatchTitleFirstThenDescriptionAndCourseIdAndAreHighlighted() {
        String request = JsonpUtils.toJsonString(CatalogSearch.request(new SessionSearch("ethics online", Optional.of("acme"),
                Optional.empty(), Optional.of("TELEHEALTH"), Optional.empty(), 5)), new Jackson3JsonpMapper());
        assertThat(request)
                .contains("\"multi_match\":{\"fields\":[\"title^3\",\"description\",\"courseId\"],\"query\":\"ethics online\"")
                .contains("{\"term\":{\"providerId\":{\"value\":\"acme\"}}}")
                .contains("{\"term\":{\"categories\":{\"value\":\"TELEHEALTH\"}}}")
                .contains("\"title\":{\"number_of_fragments\":0}").contains("\"description\":{\"fragment_size\":150")
                .contains("\"size\":5")
                .contains("\"encoder\":\"html\"");
    }

    @Test
    void aSearchNeedsWordsAndASensibleLimit() {
        assertThatThrownBy(() -> new SessionSearch(" ", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SessionSearch("x", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 101)).isInstanceOf(IllegalArgumentException.class);
    }
}
