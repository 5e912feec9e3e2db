package dev.accrue.credit.certificate.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.CategoryHours;
import dev.accrue.credit.catalog.Hours;
import dev.accrue.credit.catalog.ProviderProfile;
import dev.accrue.credit.catalog.SessionDefinition;
import dev.accrue.credit.certificate.Certificate;
import dev.accrue.credit.certificate.CertifiedAward;
import dev.accrue.credit.certificate.Labels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Renders a certificate of completion as a one-page PDF with what DOMAIN.md says a certificate
 * shows: participant and licence numbers, course title, provider, approval statements and numbers,
 * dates, format, hours per approval and per content category in words, the certificate number, and its
 * verification page as a URL and a QR code. Names print as written (Zoë Đặng): DejaVu Sans is embedded
 * (subset), since the PDF standard fonts cover Latin-1 only.
 */
final class CertificatePdf {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.US);
    /** Characters per line of wrapped text: DejaVu Sans at 11 points within the page's margins. */
    private static final int WRAP_AT = 80;

    /**
     * @param zone the session's time zone: dates are the days the licensee attended there (an evening webinar
     *             in California is not dated the next day, as it would be in UTC)
     * @param ceuBodies bodies whose credit is also stated in CEU (IACET), per the credit rules of the activity
     */
    static byte[] render(Certificate certificate, Optional<ProviderProfile> provider,
                         Optional<SessionDefinition> session, ZoneId zone, Set<ApprovalBody> ceuBodies,
                         String verifyPage) {
        List<String[]> lines = lines(certificate, provider, session, DAY.withZone(zone), ceuBodies, verifyPage);
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            PDFont regular = font(document, "fonts/DejaVuSans.ttf");
            PDFont bold = font(document, "fonts/DejaVuSans-Bold.ttf");
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.newLineAtOffset(60, 730);
                for (String[] line : lines) {
                    boolean heading = line[0].equals("#");
                    text.setFont(heading ? bold : regular, heading ? 16 : 11);
                    text.showText(printable(line[1], regular));
                    text.newLineAtOffset(0, heading ? -24 : -16);
                }
                text.endText();
                drawQrCode(text, verifyPage, 462, 60, 100);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render certificate " + certificate.certificateId(), e);
        }
    }

    private static List<String[]> lines(Certificate c, Optional<ProviderProfile> provider,
                                        Optional<SessionDefinition> session, DateTimeFormatter day,
                                        Set<ApprovalBody> ceuBodies, String verifyPage) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"#", c.revoked() ? "Certificate of Completion - REVOKED" : "Certificate of Completion"});
        lines.add(new String[] {"", "This certifies that " + c.participantName()});
        lines.add(new String[] {"", "Licence numbers: " + (c.licenseNumbers().isEmpty() ? "-" : String.join(", ", c.licenseNumbers()))});
        lines.add(new String[] {"", "completed: " + c.title() + " (course " + c.courseId() + ")"});
        lines.add(new String[] {"", "Provider: " + provider.map(ProviderProfile::name).orElse(c.providerId())});
        provider.map(ProviderProfile::address).ifPresent(address -> address.lines()
                .forEach(line -> lines.add(new String[] {"", "    " + line})));
        lines.add(new String[] {"", "Format: " + c.format().label()});
        session.map(SessionDefinition::location)
                .ifPresent(location -> lines.add(new String[] {"", "Location: " + location}));
        session.map(SessionDefinition::instructors).filter(names -> !names.isEmpty())
                .ifPresent(names -> lines.add(new String[] {"", "Instructor(s): " + String.join(", ", names)}));
        String start = day.format(c.activityStart());
        String end = day.format(c.activityEnd());
        lines.add(new String[] {"", "Date(s): " + (start.equals(end) ? start : start + " - " + end)});
        lines.add(new String[] {"#", "Credit awarded"});
        for (CertifiedAward award : c.awards()) {
            Optional<ProviderProfile.ProviderApproval> approval = provider.flatMap(p -> p.approval(award.body(),
                    award.jurisdiction()));
            // The body's own wording where the provider's profile has it: APA and ASWB approve providers, not
            // programmes, so a generic "this program is approved by" would misstate the approval.
            approval.ifPresent(a -> wrap(a.statement()).forEach(line -> lines.add(new String[] {"", line})));
            lines.add(new String[] {"", Labels.approval(award.body(), award.jurisdiction()) + " (approval number "
                    + award.approvalId() + approval.map(a -> ", provider number " + a.providerNumber()).orElse("")
                    + "): " + award.hours() + " hours"
                    + (ceuBodies.contains(award.body()) ? " (" + Hours.ceu(award.hours()) + " CEU)" : "")});
            approval.filter(a -> a.courseType() != null || a.level() != null || a.approvalStart() != null)
                    .ifPresent(a -> lines.add(new String[] {"", "    " + aswbDetails(a, day)}));
            for (CategoryHours category : award.categories()) {
                lines.add(new String[] {"", "    " + Labels.category(category.category()) + ": " + category.hours() + " hours"});
            }
        }
        lines.add(new String[] {"#", "Certificate " + c.certificateId() + " (revision " + c.revision() + ")"});
        lines.add(new String[] {"", "Issued " + day.format(c.issuedAt()) + ". Verify at " + verifyPage});
        provider.filter(p -> p.signerName() != null).ifPresent(p -> {
            lines.add(new String[] {"", ""});
            lines.add(new String[] {"", "______________________________"});
            lines.add(new String[] {"", p.signerName() + (p.signerTitle() == null ? "" : ", " + p.signerTitle())});
        });
        return lines;
    }

    /** What ASWB ACE has certificates state beside the hours. */
    private static String aswbDetails(ProviderProfile.ProviderApproval a, DateTimeFormatter day) {
        List<String> parts = new ArrayList<>();
        if (a.courseType() != null) {
            parts.add("Course type: " + a.courseType());
        }
        if (a.level() != null) {
            parts.add("Level: " + a.level());
        }
        if (a.approvalStart() != null && a.approvalEnd() != null) {
            parts.add("Approval period: " + day.format(a.approvalStart()) + " to " + day.format(a.approvalEnd()));
        }
        return String.join(". ", parts) + ".";
    }

    /** Words wrapped into lines that fit the page at 11 points. */
    static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > WRAP_AT) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The URL as a QR code of filled squares, {@code size} points wide with its lower left corner at (x, y). */
    private static void drawQrCode(PDPageContentStream page, String url, float x, float y, float size) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IOException("Cannot encode " + url + " as a QR code", e);
        }
        float module = size / matrix.getWidth();
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int column = 0; column < matrix.getWidth(); column++) {
                if (matrix.get(column, row)) {
                    page.addRect(x + column * module, y + size - (row + 1) * module, module, module);
                }
            }
        }
        page.fill();
    }

    private static PDFont font(PDDocument document, String resource) throws IOException {
        try (InputStream in = CertificatePdf.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Font " + resource + " is missing from the classpath");
            }
            return PDType0Font.load(document, in); // embeds only the glyphs used
        }
    }

    /** The text without control characters, and with '?' for the rare character the font lacks. */
    private static String printable(String text, PDFont font) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(cp -> !Character.isISOControl(cp)).forEach(cp -> {
            String ch = Character.toString(cp);
            out.append(hasGlyph(font, ch) ? ch : "?");
        });
        return out.toString();
    }

    private static boolean hasGlyph(PDFont font, String ch) {
        try {
            font.encode(ch);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private CertificatePdf() {
    }
}
