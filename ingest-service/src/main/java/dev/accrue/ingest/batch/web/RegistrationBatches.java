package dev.accrue.ingest.batch.web;

import dev.accrue.ingest.IngestProperties;
import dev.accrue.ingest.access.Access;
import dev.accrue.ingest.access.web.CallerAccess;
import dev.accrue.ingest.batch.BatchItem;
import dev.accrue.ingest.batch.BatchResult;
import dev.accrue.ingest.batch.Keyed;
import dev.accrue.platform.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a create-or-replace batch endpoint (licensees, sessions) does with a request: read its items with the
 * batch limits, hand them to the service with the caller's write access, and log the outcome.
 *
 * @param <I> the input of one item
 */
public final class RegistrationBatches<I> {

    private static final Logger log = LoggerFactory.getLogger(RegistrationBatches.class);

    private final BatchReader<Keyed<I>> reader;
    private final String noun;

    /**
     * @param noun what the items are, plural ("licensees")
     * @param idField the item's id, which its single PUT takes from the path ("licenseeId")
     * @param request the single PUT's request record, which each item is bound to
     */
    public static <R, I> RegistrationBatches<I> of(JsonMapper json, IngestProperties.Limits limits, String noun,
                                                   String idField, Class<R> request, Function<R, I> toInput) {
        return new RegistrationBatches<>(new BatchReader<>(json, limits.batchItems(), limits.lineLength(), noun,
                new JsonItemReader<>(json, idField, request, toInput)), noun);
    }

    private RegistrationBatches(BatchReader<Keyed<I>> reader, String noun) {
        this.reader = reader;
        this.noun = noun;
    }

    public BatchResult store(HttpServletRequest request, Caller caller,
                             BiFunction<List<BatchItem<Keyed<I>>>, Access, BatchResult> service) throws IOException {
        Access access = CallerAccess.writer(caller); // 403 for ANALYST keys, before the body is read
        long started = System.nanoTime();
        List<BatchItem<Keyed<I>>> items = reader.read(request);
        BatchResult result = service.apply(items, access);
        log.info("{} batch from key {}: {} items, {} stored, {} rejected, {} ms", noun, caller.keyName(), items.size(),
                result.accepted(), result.rejected(), (System.nanoTime() - started) / 1_000_000);
        return result;
    }
}
