package dev.accrue.ingest.validation;

import dev.accrue.ingest.errors.InvalidInputException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects field errors while input is checked, so one answer lists everything that is wrong
 * instead of the first problem only. Each check returns the parsed value, or null when the field
 * is invalid (the error is recorded). Rules shared by every feature live here: the id syntax,
 * text without control characters, timestamps that carry an offset.
 */
public final class Checks {

    /** Ids appear in Kafka keys, URLs and CSV files: letters and digits first, then also . _ : - (at most 128). */
    public static final int ID_MAX = 128;
    public static final String ID_RULE = "1 to 128 characters: letters, digits, '.', '_', ':' or '-', starting with a letter or digit";

    /** Instants far outside this window are typos (a year 20245, epoch seconds read as a year). */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private static final ClassValue<Enum<?>[]> ENUM_CONSTANTS = new ClassValue<>() {
        @Override
        protected Enum<?>[] computeValue(Class<?> type) {
            return (Enum<?>[]) type.getEnumConstants();
        }
    };

    private final List<FieldError> errors = new ArrayList<>();

    public void fail(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Throws {@link InvalidInputException} with every error collected so far. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    public String id(String field, String value) {
        if (value == null || value.isEmpty()) {
            fail(field, "is required");
            return null;
        }
        if (!isId(value)) {
            fail(field, "must be " + ID_RULE);
            return null;
        }
        return value;
    }

    /** Whether the value follows the id syntax ({@link #ID_RULE}); a loop, not a regex: it runs for every id of a batch. */
    public static boolean isId(String value) {
        if (value == null || value.isEmpty() || value.length() > ID_MAX || !isLetterOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isLetterOrDigit(c) && c != '.' && c != '_' && c != ':' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** Required single-line text: not blank, at most {@code max} characters, no control characters. */
    public String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            fail(field, "is required and must not be blank");
            return null;
        }
        return checkText(field, value, max, false);
    }

    /** Optional multi-line text (line breaks and tabs allowed); null becomes the empty string. */
    public String optionalLongText(String field, String value, int max) {
        return value == null ? "" : checkText(field, value, max, true);
    }

    private String checkText(String field, String value, int max, boolean multiLine) {
        if (value.length() > max) {
            fail(field, "must be at most " + max + " characters (got " + value.length() + ")");
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowedWhitespace = multiLine && (c == '\n' || c == '\r' || c == '\t');
            if ((Character.isISOControl(c) && !allowedWhitespace) || isLoneSurrogate(value, i)) {
                fail(field, "must not contain control characters or invalid Unicode (position " + i + ")");
                return null;
            }
            if (Character.isHighSurrogate(c)) {
                i++; // the pair was checked as a whole
            }
        }
        return value;
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        return Character.isLowSurrogate(c);
    }

    public <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        if (value == null || value.isEmpty()) {
            fail(field, "is required; one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
        // getEnumConstants() copies the array on every call; this runs for every event of a batch.
        for (Enum<?> constant : ENUM_CONSTANTS.get(type)) {
            if (constant.name().equals(value)) {
                return type.cast(constant);
            }
        }
        fail(field, "must be one of " + Arrays.toString(type.getEnumConstants()) + " (got '" + abbreviate(value) + "')");
        return null;
    }

    /** An ISO-8601 timestamp with an offset, e.g. 2025-03-01T09:00:00-08:00 or ...Z. */
    public Instant instant(String field, String value) {
        if (value == null || value.isEmpty()) {
            fail(field, "is required: an ISO-8601 timestamp with an offset, e.g. 2025-03-01T09:00:00-08:00");
            return null;
        }
        try {
            Instant instant = IsoTimestamps.parse(value);
            if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
                fail(field, "must be between 2000 and 2099 (got '" + abbreviate(value) + "')");
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            fail(field, "must be an ISO-8601 timestamp with an offset, e.g. 2025-03-01T09:00:00-08:00 (got '"
                    + abbreviate(value) + "')");
            return null;
        }
    }

    /** An ISO-8601 calendar date, e.g. 2025-01-31. */
    public LocalDate date(String field, String value) {
        if (value == null || value.isEmpty()) {
            fail(field, "is required: an ISO-8601 date, e.g. 2025-01-31");
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() < 1950 || date.getYear() > 2100) {
                fail(field, "must be between 1950 and 2100 (got '" + value + "')");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            fail(field, "must be an ISO-8601 date, e.g. 2025-01-31 (got '" + abbreviate(value) + "')");
            return null;
        }
    }

    /** An IANA region id such as America/Los_Angeles; bare offsets are refused, they ignore daylight saving. */
    public ZoneId zone(String field, String value) {
        if (value == null || value.isEmpty()) {
            fail(field, "is required: an IANA time zone such as America/Los_Angeles");
            return null;
        }
        try {
            if (ZoneId.getAvailableZoneIds().contains(value)) {
                return ZoneId.of(value);
            }
        } catch (DateTimeException e) {
            // falls through to the error below
        }
        fail(field, "must be an IANA time zone such as America/Los_Angeles (got '" + abbreviate(value) + "')");
        return null;
    }

    /** A required finite number in (0, maxInclusive]. */
    public Double positive(String field, Double value, double maxInclusive) {
        if (value == null) {
            fail(field, "is required");
            return null;
        }
        if (!Double.isFinite(value) || value <= 0 || value > maxInclusive) {
            fail(field, "must be greater than 0 and at most " + plain(maxInclusive) + " (got " + value + ")");
            return null;
        }
        return value;
    }

    /** An optional percentage in [0, 100]. */
    public Double percent(String field, Double value) {
        if (value != null && (!Double.isFinite(value) || value < 0 || value > 100)) {
            fail(field, "must be a percentage from 0 to 100 (got " + value + ")");
            return null;
        }
        return value;
    }

    public void mustBeAbsent(String field, Object value, String reason) {
        if (value != null) {
            fail(field, "must not be given " + reason);
        }
    }

    /** An optional list of at most {@code max} entries; null entries are reported and must be skipped by the caller. */
    public <T> List<T> list(String field, List<T> value, int max) {
        if (value == null) {
            return List.of();
        }
        if (value.size() > max) {
            fail(field, "must have at most " + max + " entries (got " + value.size() + ")");
            return List.of();
        }
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i) == null) {
                fail(field + "[" + i + "]", "must not be null");
            }
        }
        return value; // null entries stay in place, so later indices still name the right entry
    }

    static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** Echoes at most 40 characters of bad input back, so an error never amplifies a huge value. */
    public static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
