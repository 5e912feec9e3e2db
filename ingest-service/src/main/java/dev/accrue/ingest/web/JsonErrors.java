package dev.accrue.ingest.web;

import dev.accrue.ingest.validation.FieldError;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns Jackson's failures into messages a client can act on: which field, what was expected,
 * and where in the body. Never echoes Java class names.
 */
public final class JsonErrors {

    /** True when the failure is about one field's type or name, not the JSON syntax. */
    public static boolean isFieldError(JacksonException e) {
        return e instanceof MismatchedInputException && !e.getPath().isEmpty();
    }

    public static List<FieldError> fieldErrors(JacksonException e) {
        String field = path(e);
        if (e instanceof UnrecognizedPropertyException unknown) {
            return List.of(new FieldError(field, unknownFieldMessage(unknown.getKnownPropertyIds())));
        }
        if (e instanceof MismatchedInputException mismatch) {
            return List.of(new FieldError(field, "must be " + expected(mismatch.getTargetType())));
        }
        return List.of(new FieldError(field.isEmpty() ? "body" : field, syntax(e)));
    }

    /** The message for a field the target does not have, listing the ones it has. */
    public static String unknownFieldMessage(Collection<?> knownFields) {
        return "is not a known field; known fields are " + known(knownFields);
    }

    /** A description of a syntax or limit failure, with its line and column. */
    public static String syntax(JacksonException e) {
        if (e instanceof StreamConstraintsException) {
            return "exceeds a JSON limit (at most " + JsonConfiguration.MAX_NESTING + " levels of nesting, "
                    + JsonConfiguration.MAX_STRING + " characters per value): " + e.getOriginalMessage();
        }
        TokenStreamLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return "is not valid JSON" + where + ": " + firstLine(e.getOriginalMessage());
    }

    static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of a different JSON type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == int.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "of a different JSON type";
    }

    private static String known(Collection<?> ids) {
        return ids == null ? "[]" : ids.stream().map(String::valueOf).sorted().toList().toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private JsonErrors() {
    }
}
