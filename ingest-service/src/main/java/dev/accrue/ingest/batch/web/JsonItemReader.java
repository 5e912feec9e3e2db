package dev.accrue.ingest.batch.web;

import dev.accrue.ingest.batch.BatchItem;
import dev.accrue.ingest.batch.Keyed;
import dev.accrue.ingest.validation.FieldError;
import dev.accrue.ingest.web.JsonErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one item of a create-or-replace batch (licensees, sessions): the body of the single PUT plus the id the
 * PUT takes from its path. The item is bound by the strict mapper to the single PUT's own request record, so it
 * meets exactly the same shape rules (unknown fields, types without coercion). It is first read into a tree that
 * notes every repeated field, since the batch parser leaves duplicate detection to the item readers; a repeated
 * or wrongly typed field rejects only its item. For the 10,000-item attendance batch a hand-written reader does
 * this without a tree ({@code AttendanceItemReader}); these items are few and nested.
 *
 * @param <R> the single PUT's request record
 * @param <I> the input it becomes
 */
public final class JsonItemReader<R, I> implements BatchReader.ItemReader<Keyed<I>> {

    private final JsonMapper json;
    private final String idField;
    private final Class<R> request;
    private final Function<R, I> toInput;

    /**
     * @param idField the name of the id in an item (licenseeId, sessionId); a string
     */
    public JsonItemReader(JsonMapper json, String idField, Class<R> request, Function<R, I> toInput) {
        this.json = json;
        this.idField = idField;
        this.request = request;
        this.toInput = toInput;
    }

    @Override
    public BatchItem<Keyed<I>> read(JsonParser parser, int index) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return new BatchItem.Malformed<>(index, null, List.of(new FieldError("[" + index + "]", "must be a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        ObjectNode item = object(parser, "", errors);
        JsonNode idNode = item.remove(idField);
        String id = idNode != null && idNode.isString() ? idNode.asString() : null;
        if (idNode != null && !idNode.isString() && !idNode.isNull()) {
            errors.add(new FieldError(idField, "must be a string"));
        }
        if (!errors.isEmpty()) {
            return new BatchItem.Malformed<>(index, id, List.copyOf(errors));
        }
        try {
            return new BatchItem.Parsed<>(index, new Keyed<>(id, toInput.apply(json.treeToValue(item, request))));
        } catch (JacksonException e) {
            return new BatchItem.Malformed<>(index, id, JsonErrors.fieldErrors(e));
        }
    }

    /** The object at the parser (on its START_OBJECT), leaving the parser on its END_OBJECT; repeats go to errors. */
    private static ObjectNode object(JsonParser parser, String path, List<FieldError> errors) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            String field = path.isEmpty() ? name : path + "." + name;
            parser.nextToken();
            JsonNode value = value(parser, field, errors);
            if (object.has(name)) {
                errors.add(new FieldError(field, "is given more than once"));
            }
            object.set(name, value);
        }
        return object;
    }

    private static JsonNode value(JsonParser parser, String path, List<FieldError> errors) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (parser.currentToken()) {
            case START_OBJECT -> object(parser, path, errors);
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                    array.add(value(parser, path + "[" + array.size() + "]", errors));
                }
                yield array;
            }
            case VALUE_STRING -> nodes.stringNode(parser.getString());
            case VALUE_NUMBER_INT -> nodes.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            default -> nodes.nullNode();
        };
    }
}
