package dev.accrue.search.reporting.web;

import dev.accrue.search.analytics.CsvCells;
import dev.accrue.search.catalog.CategoryHours;
import dev.accrue.search.reporting.RosterChange;
import dev.accrue.search.reporting.RosterExport;
import dev.accrue.search.reporting.RosterLine;
import dev.accrue.search.reporting.Unreportable;
import dev.accrue.search.reporting.elastic.ReportingProperties;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * An export as files a provider hands to CE Broker.
 * <ul>
 *   <li>The roster upload: CE Broker's Excel (.xls) layout, one row per new completion and no header row (the
 *       layout is by column): A provider tracking number without "50-", B course tracking number without "20-"
 *       (or C the provider's own course id when the approval id is not a CE Broker course number), D the
 *       publishing number (blank), E licence number, F completion date, G {@code State=XX}, H
 *       {@code Profession=CODE}, and for partial credit one row per subject with I subject area code and J hours.</li>
 *   <li>The changes: corrections and revocations of completions reported before, and credit that could not be
 *       reported. CE Broker's upload only adds completions, so these are applied in its roster by hand; they are
 *       a separate CSV and never in the upload, where a correction would be posted a second time.</li>
 * </ul>
 */
final class CeBrokerFiles {

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.US);

    static byte[] rosterUpload(RosterExport export, ReportingProperties codes) {
        try (HSSFWorkbook workbook = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createInformationProperties(); // Excel and POI expect the summary streams; without them they warn
            Sheet sheet = workbook.createSheet("Roster");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("m/d/yyyy"));
            String provider = stripPrefix(export.providerNumber(), "50-");
            String course = courseTrackingNumber(export.courseNumber());
            int r = 0;
            for (RosterChange change : export.changes(RosterChange.Action.NEW)) {
                RosterLine line = change.now();
                List<CategoryHours> subjects = line.fullCredit() ? Collections.singletonList(null) : line.subjects();
                for (CategoryHours subject : subjects) {
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(provider);
                    row.createCell(1).setCellValue(course == null ? "" : course);
                    row.createCell(2).setCellValue(course == null ? export.courseId() : "");
                    row.createCell(3).setCellValue("");
                    row.createCell(4).setCellValue(line.licenseNumber());
                    row.createCell(5).setCellValue(line.completionDate());
                    row.getCell(5).setCellStyle(date);
                    row.createCell(6).setCellValue("State=" + export.state());
                    row.createCell(7).setCellValue("Profession=" + codes.professionCode(line.board(), line.licenseType()));
                    if (subject != null) {
                        row.createCell(8).setCellValue(codes.subjectCode(subject.category()));
                        row.createCell(9).setCellValue(hundredths(subject.hours()));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String changes(RosterExport export, ReportingProperties codes) {
        StringBuilder csv = new StringBuilder(CsvCells.line(List.of("Action", "Licensee", "Board", "License number",
                "Profession", "Reported completion date", "Reported hours", "Completion date now", "Hours now",
                "What to do")));
        for (RosterChange change : export.changes()) {
            if (change.action() == RosterChange.Action.NEW) {
                continue;
            }
            RosterLine line = change.line();
            List<String> cells = new ArrayList<>(List.of(change.action().name(), CsvCells.text(line.licenseeId()),
                    CsvCells.text(line.board()), CsvCells.text(line.licenseNumber()),
                    CsvCells.text(codes.professionCode(line.board(), line.licenseType()))));
            cells.addAll(dateAndHours(change.reported()));
            cells.addAll(dateAndHours(change.now()));
            cells.add(CsvCells.text(change.action() == RosterChange.Action.CORRECTION
                    ? "Correct the completion in CE Broker's roster to the date and hours now"
                    : "Remove the completion from CE Broker's roster: the credit was withdrawn"));
            csv.append(CsvCells.line(cells));
        }
        for (Unreportable u : export.unreportable()) {
            csv.append(CsvCells.line(List.of("NOT_REPORTED", CsvCells.text(u.licenseeId()), "", "", "", "", "", "",
                    hours(u.hours()), CsvCells.text("Not in the upload: " + u.reason()))));
        }
        return csv.toString();
    }

    private static List<String> dateAndHours(RosterLine line) {
        return line == null ? List.of("", "") : List.of(date(line.completionDate()), hours(line.hours()));
    }

    private static String date(LocalDate date) {
        return date.format(US_DATE);
    }

    private static double hundredths(double hours) {
        return Math.round(hours * 100) / 100.0;
    }

    private static String hours(double hours) {
        return BigDecimal.valueOf(hundredths(hours)).stripTrailingZeros().toPlainString();
    }

    /** CE Broker course tracking numbers are 20- and digits; anything else is the provider's own course id. */
    static String courseTrackingNumber(String approvalId) {
        String digits = stripPrefix(approvalId, "20-");
        return digits.chars().allMatch(Character::isDigit) && !digits.isEmpty() ? digits : null;
    }

    private static String stripPrefix(String number, String prefix) {
        return number.startsWith(prefix) ? number.substring(prefix.length()) : number;
    }

    private CeBrokerFiles() {
    }
}
