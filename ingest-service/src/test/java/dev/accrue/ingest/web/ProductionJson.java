package dev.accrue.ingest.web;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** The request mapper exactly as the service builds it (nesting, string and number limits included), for tests outside Spring. */
public final class ProductionJson {

    public static JsonMapper mapper() {
        return new JsonConfiguration().jsonMapper(List.of());
    }

    public static int maxNesting() {
        return JsonConfiguration.MAX_NESTING;
    }

    public static int maxString() {
        return JsonConfiguration.MAX_STRING;
    }

    private ProductionJson() {
    }
}
