package dev.accrue.credit.streams.store;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads the ISO-8601 text the store serde writes for instants ({@code 2025-03-10T09:00:01.250Z}) and
 * dates ({@code 2025-03-10}) without {@code DateTimeFormatter}, which was a large share of reading
 * every accrual and licensee per attendance event. The stored format does not change: only exactly
 * that shape is read here (4-digit year, UTC {@code Z}, 0 to 9 fraction digits), and anything else
 * (another shape, a number, an invalid date) goes to Jackson's own deserializer, as before.
 */
final class IsoDates {

    static SimpleModule module() {
        return new SimpleModule("accrue-iso-dates")
                .addDeserializer(Instant.class, new ValueDeserializer<Instant>() {
                    @Override
                    public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
                        Instant parsed = p.hasToken(JsonToken.VALUE_STRING) ? instant(p.getString()) : null;
                        return parsed != null ? parsed : InstantDeserializer.INSTANT.deserialize(p, ctxt);
                    }
                })
                .addDeserializer(LocalDate.class, new ValueDeserializer<LocalDate>() {
                    @Override
                    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
                        LocalDate parsed = p.hasToken(JsonToken.VALUE_STRING) ? date(p.getString()) : null;
                        return parsed != null ? parsed : LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
                    }
                });
    }

    /** {@code uuuu-MM-ddTHH:mm:ss[.f{1,9}]Z}, or null when the text has another shape or is not a valid instant. */
    static Instant instant(String s) {
        int length = s.length();
        if (length < 20 || length == 21 || length > 30 || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(length - 1) != 'Z' || (length > 20 && s.charAt(19) != '.')) {
            return null;
        }
        LocalDate day = date(s.substring(0, 10));
        int hour = number(s, 11, 13);
        int minute = number(s, 14, 16);
        int second = number(s, 17, 19);
        if (day == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fraction = number(s, 20, length - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int digits = length - 21; digits < 9; digits++) {
                nanos *= 10;
            }
        }
        return Instant.ofEpochSecond(day.toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** {@code uuuu-MM-dd}, or null when the text has another shape or is not a valid date. */
    static LocalDate date(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = number(s, 0, 4);
        int month = number(s, 5, 7);
        int day = number(s, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException invalid) {
            return null;
        }
    }

    /** The decimal digits in {@code [from, to)} (at most 9), or -1 when any is not a digit. */
    private static int number(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private IsoDates() {
    }
}
