package dev.accrue.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.search.analytics.FilterValues;
import dev.accrue.search.catalog.CategoryHours;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HoursByCategoryTest {

    @Test
    void aCategoryNamedTwiceIsSummedOnce() {
        assertThat(AwardDocument.hoursByCategory(List.of(new CategoryHours("ETHICS", 1), new CategoryHours("GENERAL", 2),
                new CategoryHours("ETHICS", 0.5)))).containsExactly(java.util.Map.entry("ETHICS", 1.5),
                java.util.Map.entry("GENERAL", 2.0));
    }

    @Test
    void theAwardsMappingHasAFieldForEveryCategoryAFilterMayName() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/elasticsearch/accrue-awards.json")) {
            JsonNode fields = JsonMapper.builder().build().readTree(in).get("properties").get("hoursByCategory").get("properties");
            List<String> names = new ArrayList<>(fields.propertyNames());
            assertThat(names).containsExactlyInAnyOrderElementsOf(FilterValues.CATEGORIES);
            names.forEach(n -> assertThat(fields.get(n).get("type").asString()).isEqualTo("double"));
        }
    }
}
