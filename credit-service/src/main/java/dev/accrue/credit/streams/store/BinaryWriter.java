package dev.accrue.credit.streams.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Writes the binary store format ({@link StoreSerde}): variable-length integers, strings as UTF-8
 * with a length, instants as epoch seconds and nanos, enums by name (so reordering an enum never
 * changes what a stored value means). Nullable values start with a presence marker.
 */
final class BinaryWriter {

    private byte[] buffer = new byte[256];
    private int size;

    byte[] toBytes() {
        return Arrays.copyOf(buffer, size);
    }

    void writeByte(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
    }

    void writeBoolean(boolean value) {
        writeByte(value ? 1 : 0);
    }

    /** Unsigned variable-length int, 7 bits a byte. */
    void writeVarInt(int value) {
        writeVarLong(value & 0xFFFFFFFFL);
    }

    void writeVarLong(long value) {
        ensure(10);
        while ((value & ~0x7FL) != 0) {
            buffer[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buffer[size++] = (byte) value;
    }

    /** Signed, zig-zag encoded so small negative numbers stay short. */
    void writeSignedLong(long value) {
        writeVarLong((value << 1) ^ (value >> 63));
    }

    void writeDouble(double value) {
        long bits = Double.doubleToLongBits(value);
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (bits >>> shift);
        }
    }

    void writeNullableDouble(Double value) {
        writeBoolean(value != null);
        if (value != null) {
            writeDouble(value);
        }
    }

    /** Length + 1 (0 means null), then the UTF-8 bytes. */
    void writeString(String value) {
        if (value == null) {
            writeVarInt(0);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeVarInt(bytes.length + 1);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
    }

    void writeEnum(Enum<?> value) {
        writeString(value == null ? null : value.name());
    }

    void writeInstant(Instant value) {
        writeBoolean(value != null);
        if (value != null) {
            writeSignedLong(value.getEpochSecond());
            writeVarInt(value.getNano());
        }
    }

    void writeDate(LocalDate value) {
        writeBoolean(value != null);
        if (value != null) {
            writeSignedLong(value.toEpochDay());
        }
    }

    <T> void writeList(List<T> values, BiConsumer<BinaryWriter, T> element) {
        writeVarInt(values.size());
        for (T value : values) {
            element.accept(this, value);
        }
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
