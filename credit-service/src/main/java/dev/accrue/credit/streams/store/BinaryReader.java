package dev.accrue.credit.streams.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;

/** Reads what {@link BinaryWriter} wrote; a value cut short fails with a {@link SerializationException}. */
final class BinaryReader {

    private final byte[] bytes;
    private int position;

    BinaryReader(byte[] bytes, int offset) {
        this.bytes = bytes;
        this.position = offset;
    }

    int readByte() {
        if (position >= bytes.length) {
            throw new SerializationException("Store value ends early, at byte " + position);
        }
        return bytes[position++];
    }

    boolean readBoolean() {
        return readByte() != 0;
    }

    int readVarInt() {
        long value = readVarLong();
        if (value < 0 || value > 0xFFFFFFFFL) { // the writer writes an int's 32 bits unsigned
            throw new SerializationException("Number out of range at byte " + position + ": " + value);
        }
        return (int) value;
    }

    long readVarLong() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new SerializationException("Malformed variable-length number at byte " + position);
    }

    long readSignedLong() {
        long raw = readVarLong();
        return (raw >>> 1) ^ -(raw & 1);
    }

    double readDouble() {
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (readByte() & 0xFF);
        }
        return Double.longBitsToDouble(bits);
    }

    Double readNullableDouble() {
        return readBoolean() ? readDouble() : null;
    }

    String readString() {
        long length = Integer.toUnsignedLong(readVarInt()) - 1; // 0 is null, else the length plus one
        if (length == -1) {
            return null;
        }
        if (length > bytes.length - position) { // not position + length: a huge length would overflow past the check
            throw new SerializationException("Store value ends early, in a string of " + length + " bytes at byte " + position);
        }
        String value = new String(bytes, position, (int) length, StandardCharsets.UTF_8);
        position += (int) length;
        return value;
    }

    <E extends Enum<E>> E readEnum(Class<E> type) {
        String name = readString();
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new SerializationException("Unknown " + type.getSimpleName() + " '" + name + "' in store value", e);
        }
    }

    Instant readInstant() {
        if (!readBoolean()) {
            return null;
        }
        long seconds = readSignedLong();
        return Instant.ofEpochSecond(seconds, readVarInt());
    }

    LocalDate readDate() {
        return readBoolean() ? LocalDate.ofEpochDay(readSignedLong()) : null;
    }

    <T> List<T> readList(Function<BinaryReader, T> element) {
        int count = readVarInt();
        if (count < 0 || count > bytes.length - position) {
            throw new SerializationException("Implausible list length " + count + " at byte " + position);
        }
        List<T> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(element.apply(this));
        }
        return values;
    }

    int remaining() {
        return bytes.length - position;
    }

    boolean atEnd() {
        return position == bytes.length;
    }
}
