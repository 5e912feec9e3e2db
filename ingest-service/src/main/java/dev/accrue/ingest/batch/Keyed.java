package dev.accrue.ingest.batch;

/**
 * A batch item of a create-or-replace endpoint: the id its single request takes from the path, and the body.
 *
 * @param id null when the item names none (the rules then report it as required)
 */
public record Keyed<I>(String id, I input) {
}
