package dev.accrue.ingest.licensee;

import dev.accrue.ingest.access.Access;
import dev.accrue.ingest.batch.BatchItem;
import dev.accrue.ingest.batch.BatchResult;
import dev.accrue.ingest.batch.Keyed;
import dev.accrue.ingest.batch.Repeats;
import dev.accrue.ingest.errors.ForbiddenException;
import dev.accrue.ingest.errors.IdUnavailableException;
import dev.accrue.ingest.validation.FieldError;
import dev.accrue.ingest.view.Position;
import dev.accrue.ingest.view.StripedLocks;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates or replaces licensees, one or a batch. A profile is private to the provider that registered it: only
 * that provider or an ADMIN key may replace it ({@link LicenseeOwnership}), and only that provider's sessions may
 * name it ({@link LicenseeTenancy}). Ids are one namespace for all providers. The directory is updated as soon
 * as the broker acknowledges the write.
 */
public final class LicenseeService {

    private final LicenseeDirectory directory;
    private final LicenseePublisher publisher;
    private final Clock clock;
    private final StripedLocks locks = new StripedLocks(64);

    public LicenseeService(LicenseeDirectory directory, LicenseePublisher publisher, Clock clock) {
        this.directory = directory;
        this.publisher = publisher;
        this.clock = clock;
    }

    public Licensee put(String licenseeId, LicenseeInput input, Access access) {
        Licensee validated = LicenseePolicy.validate(licenseeId, input, clock.instant());
        // Reading the owner, publishing and applying the result hold the licensee's lock, so two writes of one licensee
        // through this instance cannot both see the old owner. Two instances can still race within the time a write
        // takes to reach the other one (ingest-service/README.md, "How the owner is checked").
        return locks.withLock(licenseeId, () -> {
            // The owner is read only after the directory has caught up with the licensee's partition (a 503 when it
            // cannot). That partition holds every write of this licensee, so this sees every write of it the broker
            // acknowledged before now, through any instance, as a catch-up of the whole topic did, at the cost of
            // one end-offset request instead of a round through the reader (issue 15).
            Optional<LicenseeDirectory.Entry> current = directory.view().findCurrent(licenseeId);
            Licensee licensee = validated.ownedBy(ownerAfterWrite(validated, current, access));
            Position position = publisher.publish(licensee);
            directory.view().apply(licenseeId, new LicenseeDirectory.Entry(licensee.email(), licensee.owner()), position);
            return licensee;
        });
    }

    /**
     * A batch of licensees, each checked as its single PUT is (the rules, then who owns it) and answered on its own:
     * 200 stored, 400 malformed, 403 an owner the caller may not name, 409 an id another provider owns (or a repeat
     * in the batch with different content; an exact repeat is stored once), 422 invalid. All stored licensees are
     * published together and the answer waits for the broker's acknowledgement of all of them (503 otherwise).
     */
    public BatchResult putBatch(List<BatchItem<Keyed<LicenseeInput>>> items, Access access) {
        Instant now = clock.instant();
        BatchResult.Item[] results = new BatchResult.Item[items.size()];
        Repeats<Licensee> repeats = new Repeats<>("licenseeId");
        Map<Integer, Licensee> candidates = repeats.firstValid(items, results,
                (id, input) -> LicenseePolicy.validate(id, input, now));
        locks.withLocks(repeats.ids(), () -> {
            decideAndPublish(candidates, results, access);
            return null;
        });
        repeats.answerExactRepeats(results);
        return BatchResult.of("licenseeId", Arrays.asList(results));
    }

    /**
     * Under the locks of all the batch's ids: one catch-up of the whole topic (a batch names licensees in every
     * partition), then each owner is decided as {@link #put} decides it, and every stored licensee is published with
     * one wait for the acknowledgements and applied to the directory.
     */
    private void decideAndPublish(Map<Integer, Licensee> candidates, BatchResult.Item[] results, Access access) {
        if (candidates.isEmpty()) {
            return;
        }
        directory.view().requireReady();
        directory.view().requireCaughtUp();
        List<Licensee> stored = new ArrayList<>(candidates.size());
        candidates.forEach((index, validated) -> {
            String id = validated.licenseeId();
            try {
                Licensee licensee = validated.ownedBy(ownerAfterWrite(validated, directory.view().find(id), access));
                stored.add(licensee);
                results[index] = new BatchResult.Item(index, id, BatchResult.STORED, List.of());
            } catch (IdUnavailableException e) {
                results[index] = rejected(index, id, BatchResult.CONFLICT, List.of(new FieldError("licenseeId", e.getMessage())));
            } catch (ForbiddenException e) {
                results[index] = rejected(index, id, BatchResult.FORBIDDEN, List.of(new FieldError("owner", e.getMessage())));
            }
        });
        List<Position> positions = publisher.publishAll(stored);
        for (int i = 0; i < stored.size(); i++) {
            Licensee licensee = stored.get(i);
            directory.view().apply(licensee.licenseeId(), new LicenseeDirectory.Entry(licensee.email(), licensee.owner()),
                    positions.get(i));
        }
    }

    private static String ownerAfterWrite(Licensee validated, Optional<LicenseeDirectory.Entry> current, Access access) {
        return LicenseeOwnership.ownerAfterWrite(validated.licenseeId(), current.isPresent(),
                current.map(LicenseeDirectory.Entry::owner).orElse(null), validated.owner(), access);
    }

    private static BatchResult.Item rejected(int index, String id, int status, List<FieldError> errors) {
        return new BatchResult.Item(index, id, status, errors);
    }
}
