package dev.accrue.ingest.licensee;

import dev.accrue.ingest.catalog.Category;
import dev.accrue.ingest.validation.Checks;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a licensee must meet before it is published: names are bounded text; the email is a
 * plausible address (it is how webinar reports are matched, so it is stored in lower case); each
 * licence has a board code such as CA-BBS or FL-491, a licence type such as LMFT, a licence number,
 * and a renewal cycle whose end is after its start and at most 10 years later; a board and
 * licence number pair appears once.
 */
public final class LicenseePolicy {

    /** Two-letter state, a dash, and the board's short name: CA-BBS, TX-LPC, FL-491, NY-LMHC, OH-CSWMFT. */
    static final Pattern BOARD = Pattern.compile("[A-Z]{2}-[A-Z0-9]{2,16}");
    static final Pattern LICENSE_TYPE = Pattern.compile("[A-Z][A-Z0-9-]{0,19}");
    /** Deliberately loose: one @, no spaces, a dot in the domain. Delivery is not our concern, matching is. */
    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    public static Licensee validate(String licenseeId, LicenseeInput in, Instant now) {
        Checks checks = new Checks();
        String id = checks.id("licenseeId", licenseeId);
        String givenName = checks.text("givenName", in.givenName(), 100);
        String familyName = checks.text("familyName", in.familyName(), 100);
        String email = email(checks, in.email());
        List<Licensee.License> licenses = licenses(checks, in.licenses());
        String owner = in.owner() == null ? null : checks.id("owner", in.owner());
        checks.throwIfAny();
        // The owner asked for; LicenseeOwnership decides the stored one.
        return new Licensee(id, givenName, familyName, email, licenses, now, owner);
    }

    /** The form emails are compared in, here and when a webinar report is matched. */
    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static String email(Checks checks, String value) {
        String email = checks.text("email", value, 254);
        if (email != null && !EMAIL.matcher(email.trim()).matches()) {
            checks.fail("email", "must be an email address such as jane.doe@example.org");
            return null;
        }
        return email == null ? null : normalizeEmail(email);
    }

    private static List<Licensee.License> licenses(Checks checks, List<LicenseeInput.LicenseInput> input) {
        List<LicenseeInput.LicenseInput> raw = checks.list("licenses", input, 20);
        List<Licensee.License> licenses = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            LicenseeInput.LicenseInput l = raw.get(i);
            if (l == null) {
                continue;
            }
            String field = "licenses[" + i + "]";
            String board = matching(checks, field + ".board", l.board(), BOARD,
                    "a board code such as CA-BBS, TX-LPC, FL-491, NY-LMHC or OH-CSWMFT");
            String type = matching(checks, field + ".licenseType", l.licenseType(), LICENSE_TYPE,
                    "a licence type in capitals such as LMFT, LCSW, LPC or LMHC");
            String number = checks.text(field + ".licenseNumber", l.licenseNumber(), 40);
            LocalDate start = checks.date(field + ".cycleStart", l.cycleStart());
            LocalDate end = checks.date(field + ".cycleEnd", l.cycleEnd());
            if (start != null && end != null && !end.isAfter(start)) {
                checks.fail(field + ".cycleEnd", "must be after cycleStart");
            } else if (start != null && end != null && end.isAfter(start.plusYears(10))) {
                checks.fail(field + ".cycleEnd", "must be at most 10 years after cycleStart");
            } else if (board != null && type != null && number != null && start != null && end != null) {
                if (!seen.add(board + ' ' + number)) {
                    checks.fail(field, "repeats licence " + number + " of board " + board);
                } else {
                    licenses.add(new Licensee.License(board, type, number, start, end,
                            Boolean.TRUE.equals(l.firstRenewal()), Boolean.TRUE.equals(l.supervisor()),
                            attested(checks, field + ".attestedCategories", l.attestedCategories())));
                }
            }
        }
        return licenses;
    }

    /** Known content categories; a repeat is harmless and kept once. */
    private static Set<Category> attested(Checks checks, String field, List<String> input) {
        Set<Category> attested = EnumSet.noneOf(Category.class);
        List<String> raw = checks.list(field, input, Category.values().length);
        for (int i = 0; i < raw.size(); i++) {
            if (raw.get(i) == null) {
                continue; // reported by list()
            }
            Category category = checks.oneOf(field + "[" + i + "]", raw.get(i), Category.class);
            if (category != null) {
                attested.add(category);
            }
        }
        return attested;
    }

    private static String matching(Checks checks, String field, String value, Pattern pattern, String expected) {
        String text = checks.text(field, value, 40);
        if (text != null && !pattern.matcher(text).matches()) {
            checks.fail(field, "must be " + expected + " (got '" + Checks.abbreviate(text) + "')");
            return null;
        }
        return text;
    }

    private LicenseePolicy() {
    }
}
