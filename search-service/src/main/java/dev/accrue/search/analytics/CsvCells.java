package dev.accrue.search.analytics;

import java.util.List;

/**
 * Writes CSV cells (RFC 4180) that are safe to open in a spreadsheet. Text that starts like a formula
 * ({@code = + - @}, also after leading spaces, tabs or line breaks, which spreadsheets skip; or a tab or
 * carriage return) is prefixed with a single quote, so a crafted course title cannot run as a formula
 * (OWASP CSV injection); cells with commas, quotes or line breaks are quoted. Numbers are written by the
 * caller and never touched.
 */
public final class CsvCells {

    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = startsLikeFormula(value) ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0 || safe.startsWith("'");
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    public static String line(List<String> cells) {
        return String.join(",", cells) + "\r\n";
    }

    private static boolean startsLikeFormula(String value) {
        char first = value.charAt(0);
        if (first == '\t' || first == '\r') {
            return true;
        }
        int i = 0;
        while (i < value.length() && (Character.isWhitespace(value.charAt(i)) || Character.isSpaceChar(value.charAt(i)))) {
            i++;
        }
        if (i == value.length()) {
            return false;
        }
        char c = value.charAt(i);
        return c == '=' || c == '+' || c == '-' || c == '@';
    }

    private CsvCells() {
    }
}
