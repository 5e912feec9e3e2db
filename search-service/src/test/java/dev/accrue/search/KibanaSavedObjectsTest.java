package dev.accrue.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accrue.search.indexing.Indices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kibana saved objects are well formed: one JSON object per line, every reference points at an
 * object in the file, data views name the service's indices, and every field a visualisation uses
 * exists in that index's mapping. (Kibana itself is not run here.)
 */
class KibanaSavedObjectsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void savedObjectsReferToEachOtherAndToMappedFields() throws Exception {
        List<JsonNode> objects = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/main/kibana/accrue-saved-objects.ndjson"))) {
            objects.add(JSON.readTree(line));
        }
        Set<String> ids = new HashSet<>();
        objects.forEach(o -> ids.add(o.get("type").asString() + "/" + o.get("id").asString()));

        List<String> dataViews = objects.stream().filter(o -> o.get("type").asString().equals("index-pattern"))
                .map(o -> o.at("/attributes/title").asString()).toList();
        assertThat(dataViews).containsExactlyInAnyOrderElementsOf(Indices.ALL);

        for (JsonNode object : objects) {
            for (JsonNode reference : object.get("references")) {
                assertThat(ids).as(object.get("id").asString()).contains(reference.get("type").asString() + "/"
                        + reference.get("id").asString());
            }
            if (object.get("type").asString().equals("visualization")) {
                String index = object.get("references").get(0).get("id").asString();
                JsonNode mapping = JSON.readTree(getClass().getResourceAsStream("/elasticsearch/" + index + ".json"));
                JsonNode state = JSON.readTree(object.at("/attributes/visState").asString());
                for (JsonNode agg : state.get("aggs")) {
                    if (agg.at("/params/field").isString()) {
                        String field = agg.at("/params/field").asString().replace(".raw", "");
                        assertThat(mapping.at("/properties/" + field).isMissingNode())
                                .as(index + " maps " + field).isFalse();
                    }
                }
            }
        }
        assertThat(objects).anySatisfy(o -> assertThat(o.get("type").asString()).isEqualTo("dashboard"));
    }
}
