package dev.accrue.ingest.validation;

/**
 * One thing wrong with one field of the input, named by its JSON path (e.g. {@code categories[1].hours}).
 *
 * @param field the JSON path of the field, or the CSV column
 * @param message what is wrong and what is expected, in words
 */
public record FieldError(String field, String message) {
}
