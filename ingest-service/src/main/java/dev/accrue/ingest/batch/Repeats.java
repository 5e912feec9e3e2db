package dev.accrue.ingest.batch;

import dev.accrue.ingest.validation.FieldError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Items of a create-or-replace batch that name an id an earlier item named. An exact repeat is stored once and
 * answered as its first occurrence is; a repeat with different content is a 409, since which of the two should
 * win is not the batch's to guess.
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
    public boolean isFirst(int index, String id, T value, BatchResult.Item[] results) {
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
