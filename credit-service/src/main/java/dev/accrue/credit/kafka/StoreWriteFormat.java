package dev.accrue.credit.kafka;

/**
 * How the local stores write their values ({@code accrue.credit.streams.store-write-format}); both are always
 * read. {@link #JSON} is what releases before the binary format wrote and can read, so a live deployment
 * upgrades in two rollouts: first with JSON (new instances read binary and JSON but write only what old
 * instances read, so a rollback is still possible), then with {@link #BINARY} once no old instance is left.
 */
public enum StoreWriteFormat {
    BINARY, JSON
}
