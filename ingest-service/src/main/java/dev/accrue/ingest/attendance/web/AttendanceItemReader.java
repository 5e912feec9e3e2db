package dev.accrue.ingest.attendance.web;

import dev.accrue.ingest.attendance.AttendanceInput;
import dev.accrue.ingest.batch.BatchItem;
import dev.accrue.ingest.validation.FieldError;
import dev.accrue.ingest.web.JsonErrors;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads one batch item straight from the token stream into an {@link AttendanceInput}: no tree,
 * no reflection, since a batch has up to 10,000 of them. It applies the same shape rules as the
 * strict mapper does for {@link AttendanceRequest} (unknown fields, duplicate fields, strings and
 * numbers without coercion, null meaning absent), and reports every field of the wrong shape, not
 * just the first. Syntax errors are the parser's and fail as before. The batch parser leaves
 * duplicate detection to this class: Jackson's allocates a set per object.
 */
final class AttendanceItemReader {

    /** The fields of {@link AttendanceRequest}, sorted as the unknown-field message lists them. */
    static final List<String> FIELDS = List.of("connectionId", "eventId", "licenseeId", "occurredAt", "score",
            "sessionId", "type");

    private static final int EVENT_ID = 0;
    private static final int SESSION_ID = 1;
    private static final int LICENSEE_ID = 2;
    private static final int TYPE = 3;
    private static final int OCCURRED_AT = 4;
    private static final int CONNECTION_ID = 5;
    private static final int SCORE = 6; // the one number, after the texts

    private AttendanceItemReader() {
    }

    /** Reads the value at the parser's current token, leaving the parser on its last token. */
    static BatchItem<AttendanceInput> read(JsonParser parser, int index) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren(); // a nested array is skipped whole (the nesting limit still applies)
            return new BatchItem.Malformed<>(index, null, List.of(new FieldError("[" + index + "]", "must be a JSON object")));
        }
        Fields f = new Fields(parser);
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken value = parser.nextToken();
            int field = field(name);
            if (field < 0) {
                f.wrongShape(name, JsonErrors.unknownFieldMessage(FIELDS));
            } else if (!f.firstTime(field)) {
                f.wrongShape(name, "is given more than once");
            } else if (field == SCORE) {
                f.score = f.number(name, value);
            } else {
                f.texts[field] = f.text(name, value);
            }
        }
        String eventId = f.texts[EVENT_ID];
        if (f.errors != null) {
            return new BatchItem.Malformed<>(index, eventId, List.copyOf(f.errors));
        }
        return new BatchItem.Parsed<>(index, new AttendanceInput(eventId, f.texts[SESSION_ID], f.texts[LICENSEE_ID],
                f.texts[TYPE], f.texts[OCCURRED_AT], f.score, f.texts[CONNECTION_ID]));
    }

    private static int field(String name) {
        return switch (name) {
            case "eventId" -> EVENT_ID;
            case "sessionId" -> SESSION_ID;
            case "licenseeId" -> LICENSEE_ID;
            case "type" -> TYPE;
            case "occurredAt" -> OCCURRED_AT;
            case "score" -> SCORE;
            case "connectionId" -> CONNECTION_ID;
            default -> -1;
        };
    }

    /** The values read so far, which fields were seen, and what had the wrong shape. */
    private static final class Fields {
        private final JsonParser parser;
        final String[] texts = new String[SCORE];
        Double score;
        int seen;
        List<FieldError> errors;

        Fields(JsonParser parser) {
            this.parser = parser;
        }

        boolean firstTime(int field) {
            boolean first = (seen & (1 << field)) == 0;
            seen |= 1 << field;
            return first;
        }

        /** A string, or null for JSON null; any other type is reported. */
        String text(String name, JsonToken value) {
            if (value == JsonToken.VALUE_STRING) {
                return parser.getString();
            }
            if (value != JsonToken.VALUE_NULL) {
                wrongShape(name, "must be a string");
            }
            return null;
        }

        /** A number, or null for JSON null; a string or boolean is reported (no coercion). */
        Double number(String name, JsonToken value) {
            if (value.isNumeric()) {
                return parser.getDoubleValue();
            }
            if (value != JsonToken.VALUE_NULL) {
                wrongShape(name, "must be a number");
            }
            return null;
        }

        /** Records the problem and skips the value (an object or array in the wrong place is skipped whole). */
        void wrongShape(String name, String message) {
            parser.skipChildren();
            if (errors == null) {
                errors = new ArrayList<>(2);
            }
            errors.add(new FieldError(name, message));
        }
    }
}
