package dev.accrue.ingest.attendance.web;

import dev.accrue.ingest.attendance.BatchItem;
import dev.accrue.ingest.common.FieldError;
import dev.accrue.ingest.common.MalformedInputException;
import dev.accrue.ingest.common.PayloadTooLargeException;
import dev.accrue.ingest.common.web.JsonErrors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a batch body, a JSON array or NDJSON (one event per line), item by item as it streams in.
 * An item of the wrong shape (unknown field, wrong type) is rejected on its own. Broken JSON
 * syntax in an array makes the whole body unreadable (400) because item boundaries are lost; in
 * NDJSON only that line is rejected. More than the item limit is a 413.
 */
final class BatchReader {

    private final JsonMapper json;
    /** Reads one array element; the rest of the array follows it, so trailing tokens are expected here. */
    private final ObjectReader element;
    private final int maxItems;

    BatchReader(JsonMapper json, int maxItems) {
        this.json = json;
        this.element = json.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.maxItems = maxItems;
    }

    List<BatchItem> readArray(InputStream body) {
        List<BatchItem> items = new ArrayList<>();
        try (JsonParser parser = json.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw new MalformedInputException(first == null ? "The batch body is empty; send a JSON array of events"
                        : "The batch body must be a JSON array of events (or NDJSON with Content-Type application/x-ndjson)");
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    throw new MalformedInputException("The batch body ends before its JSON array is closed");
                }
                requireRoom(items.size());
                items.add(item(items.size(), element.readValue(parser)));
            }
            if (parser.nextToken() != null) {
                throw new MalformedInputException("The batch body has content after its JSON array");
            }
        } catch (JacksonException e) {
            throw new MalformedInputException("The batch body " + JsonErrors.syntax(e) + "; nothing was stored");
        }
        return items;
    }

    List<BatchItem> readNdjson(InputStream body) {
        List<BatchItem> items = new ArrayList<>();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, decoder), 64 * 1024)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                requireRoom(items.size());
                int index = items.size();
                try {
                    items.add(item(index, json.readTree(line)));
                } catch (JacksonException e) {
                    items.add(new BatchItem.Malformed(index, null, List.of(new FieldError("[" + index + "]",
                            JsonErrors.syntax(e)))));
                }
            }
        } catch (CharacterCodingException e) {
            throw new MalformedInputException("The batch body is not valid UTF-8; nothing was stored");
        } catch (IOException e) {
            throw new MalformedInputException("The batch body could not be read: " + e.getMessage());
        }
        return items;
    }

    private void requireRoom(int count) {
        if (count >= maxItems) {
            throw new PayloadTooLargeException("A batch takes at most " + maxItems
                    + " events (accrue.ingest.limits.batch-items); split it into several requests");
        }
    }

    private BatchItem item(int index, JsonNode node) {
        if (node == null || !node.isObject()) {
            return new BatchItem.Malformed(index, null, List.of(new FieldError("[" + index + "]", "must be a JSON object")));
        }
        JsonNode eventId = node.get("eventId");
        String id = eventId != null && eventId.isString() ? eventId.asString() : null;
        try {
            return new BatchItem.Parsed(index, json.treeToValue(node, AttendanceRequest.class).toInput());
        } catch (JacksonException e) {
            return new BatchItem.Malformed(index, id, JsonErrors.fieldErrors(e));
        }
    }
}
