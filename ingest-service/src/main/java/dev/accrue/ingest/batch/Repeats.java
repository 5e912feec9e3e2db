package dev.accrue.ingest.batch;

import dev.accrue.ingest.errors.InvalidInputException;
import dev.accrue.ingest.validation.FieldError;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sorts the items of a create-or-replace batch (licensees, sessions): malformed and invalid items are answered at
 * once, and so are items that name an id an earlier item named. An exact repeat is stored once and answered as its
 * first occurrence is; a repeat with different content is a 409, since which of the two should win is not the
 * batch's to guess.
 *
 * @param <T> the validated value compared
 */
public final class Repeats<T> {

    private final String idField;
    private final Map<String, Integer> firstIndex = new HashMap<>();
    private final Map<String, T> firstValue = new HashMap<>();
    private final Map<Integer, Integer> exactRepeats = new HashMap<>();

    /** @param idField the id's name, for the 409 message (licenseeId, sessionId) */
    public Repeats(String idField) {
        this.idField = idField;
    }

    /** True when this is the first item with its id (check and store it); otherwise its answer is taken care of. */
    boolean isFirst(int index, String id, T value, BatchResult.Item[] results) {
        Integer first = firstIndex.putIfAbsent(id, index);
        if (first == null) {
            firstValue.put(id, value);
            return true;
        }
        if (firstValue.get(id).equals(value)) {
            exactRepeats.put(index, first);
        } else {
            results[index] = new BatchResult.Item(index, id, BatchResult.CONFLICT, List.of(new FieldError(idField,
                    "repeats the " + idField + " of item " + first + " with different content")));
        }
        return false;
    }

    /** Checks one item's input against its rules: the value to store, or an {@link InvalidInputException}. */
    @FunctionalInterface
    public interface Rules<I, T> {
        T validate(String id, I input);
    }

    /**
     * Answers the malformed items (400), the invalid ones (422) and the repeats, and returns the first occurrences
     * that met their rules, by index, to be checked further and stored.
     */
    public <I> Map<Integer, T> firstValid(List<BatchItem<Keyed<I>>> items, BatchResult.Item[] results, Rules<I, T> rules) {
        Map<Integer, T> valid = new LinkedHashMap<>();
        for (BatchItem<Keyed<I>> item : items) {
            int index = item.index();
            if (item instanceof BatchItem.Malformed<Keyed<I>> malformed) {
                results[index] = new BatchResult.Item(index, malformed.id(), BatchResult.MALFORMED, malformed.errors());
            } else if (item instanceof BatchItem.Parsed<Keyed<I>> parsed) {
                String id = parsed.input().id();
                try {
                    T value = rules.validate(id, parsed.input().input());
                    if (isFirst(index, id, value, results)) {
                        valid.put(index, value);
                    }
                } catch (InvalidInputException e) {
                    results[index] = new BatchResult.Item(index, id, BatchResult.INVALID, e.errors());
                }
            }
        }
        return valid;
    }

    /** The ids of first occurrences. */
    public Set<String> ids() {
        return firstIndex.keySet();
    }

    /** Answers each exact repeat as its first occurrence was answered. */
    public void answerExactRepeats(BatchResult.Item[] results) {
        exactRepeats.forEach((index, first) -> results[index] = new BatchResult.Item(index, results[first].id(),
                results[first].status(), results[first].errors()));
    }
}
