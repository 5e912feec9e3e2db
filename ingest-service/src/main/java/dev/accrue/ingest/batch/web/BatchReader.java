package dev.accrue.ingest.batch.web;

import dev.accrue.ingest.batch.BatchItem;
import dev.accrue.ingest.errors.MalformedInputException;
import dev.accrue.ingest.errors.PayloadTooLargeException;
import dev.accrue.ingest.validation.FieldError;
import dev.accrue.ingest.web.JsonErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a batch body, a JSON array or NDJSON (one item per line), item by item as it streams in
 * (each item straight into an input by its {@link ItemReader}). An item of the wrong shape
 * (unknown or repeated field, wrong type) is rejected on its own. Broken JSON
 * syntax in an array makes the whole body unreadable (400) because item boundaries are lost; in
 * NDJSON only that line is rejected, and a line over the line limit is rejected unread. More than
 * the item limit is a 413 as soon as the first extra item is reached. Every batch endpoint reads
 * through this class, so they share these rules and limits.
 *
 * @param <I> what an item is read into
 */
public final class BatchReader<I> {

    /** The content type of a body with one JSON item per line. */
    public static final String NDJSON = "application/x-ndjson";

    /**
     * Reads the value at the parser's current token into an item, leaving the parser on its last token. It checks
     * repeated fields itself: the batch parser does not.
     */
    @FunctionalInterface
    public interface ItemReader<I> {
        BatchItem<I> read(JsonParser parser, int index);
    }

    /** The strict mapper's parser settings, less duplicate detection, which the item readers do. */
    private final ObjectReader json;
    private final int maxItems;
    private final int maxLineLength;
    private final String noun;
    private final ItemReader<I> itemReader;

    /**
     * @param noun what the items are, plural, for messages ("events", "licensees")
     */
    public BatchReader(JsonMapper json, int maxItems, int maxLineLength, String noun, ItemReader<I> itemReader) {
        this.json = json.reader().without(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        this.maxItems = maxItems;
        this.maxLineLength = maxLineLength;
        this.noun = noun;
        this.itemReader = itemReader;
    }

    /** Reads the body as NDJSON when the request's content type says so, else as a JSON array. */
    public List<BatchItem<I>> read(HttpServletRequest request) throws IOException {
        boolean ndjson = MediaType.parseMediaType(request.getContentType()).isCompatibleWith(MediaType.parseMediaType(NDJSON));
        return ndjson ? readNdjson(request.getInputStream()) : readArray(request.getInputStream());
    }

    public List<BatchItem<I>> readArray(InputStream body) {
        List<BatchItem<I>> items = new ArrayList<>(1024);
        try (JsonParser parser = json.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw new MalformedInputException(first == null ? "The batch body is empty; send a JSON array of " + noun
                        : "The batch body must be a JSON array of " + noun + " (or NDJSON with Content-Type " + NDJSON + ")");
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    throw new MalformedInputException("The batch body ends before its JSON array is closed");
                }
                requireRoom(items.size());
                items.add(itemReader.read(parser, items.size()));
            }
            if (parser.nextToken() != null) {
                throw new MalformedInputException("The batch body has content after its JSON array");
            }
        } catch (JacksonException e) {
            throw new MalformedInputException("The batch body " + JsonErrors.syntax(e) + "; nothing was stored");
        }
        return items;
    }

    public List<BatchItem<I>> readNdjson(InputStream body) {
        List<BatchItem<I>> items = new ArrayList<>();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader text = new InputStreamReader(body, decoder)) {
            BoundedLines lines = new BoundedLines(text, maxLineLength);
            for (String line = lines.next(); line != null; line = lines.next()) { // a byte-order mark is skipped by BoundedLines
                if (line.isBlank()) {
                    continue;
                }
                requireRoom(items.size());
                items.add(line == BoundedLines.OVERLONG ? overlong(items.size()) : line(items.size(), line));
            }
        } catch (CharacterCodingException e) {
            throw new MalformedInputException("The batch body is not valid UTF-8; nothing was stored");
        } catch (IOException e) {
            throw new MalformedInputException("The batch body could not be read: " + e.getMessage());
        }
        return items;
    }

    private BatchItem<I> overlong(int index) {
        return new BatchItem.Malformed<>(index, null, List.of(new FieldError("[" + index + "]", "is longer than "
                + maxLineLength + " characters (accrue.ingest.limits.line-length); one item is far shorter")));
    }

    /** One NDJSON line: exactly one JSON value, else only this item is rejected. */
    private BatchItem<I> line(int index, String line) {
        try (JsonParser parser = json.createParser(line)) {
            parser.nextToken();
            BatchItem<I> item = itemReader.read(parser, index);
            if (parser.nextToken() != null) {
                return new BatchItem.Malformed<>(index, null, List.of(new FieldError("[" + index + "]",
                        "has content after its JSON object; NDJSON takes one item per line")));
            }
            return item;
        } catch (JacksonException e) {
            return new BatchItem.Malformed<>(index, null, List.of(new FieldError("[" + index + "]", JsonErrors.syntax(e))));
        }
    }

    private void requireRoom(int count) {
        if (count >= maxItems) {
            throw new PayloadTooLargeException("A batch takes at most " + maxItems + " " + noun
                    + " (accrue.ingest.limits.batch-items); split it into several requests");
        }
    }
}
