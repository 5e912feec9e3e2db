package dev.accrue.credit.certificate.web;

import dev.accrue.credit.catalog.CategoryHours;
import dev.accrue.credit.catalog.ProviderProfile;
import dev.accrue.credit.certificate.Certificate;
import dev.accrue.credit.certificate.CertifiedAward;
import dev.accrue.credit.certificate.CredentialStatus;
import dev.accrue.credit.certificate.Labels;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.util.HtmlUtils;

/**
 * The public page a certificate's printed URL and QR code lead to: whether it stands (valid, revised since the
 * printed revision, or revoked) and what it certifies now. It names the participant, course, provider, dates and
 * credit, never licence numbers; every value is HTML-escaped.
 */
final class VerificationPage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.US);

    /** The page's status heading, its colour and what it means. */
    private record Standing(String heading, String colour, String meaning) {
    }

    static String render(String id, Optional<Certificate> found, Optional<ProviderProfile> provider,
                         Integer printedRevision, ZoneId zone) {
        if (found.isEmpty()) {
            return page("Certificate not found", "<section class=\"status\" style=\"border-color:#c62828\"><h1>Not found</h1>"
                    + "<p>No certificate has the number " + escape(id) + ". Check the number as printed.</p></section>");
        }
        Certificate c = found.get();
        CredentialStatus status = CredentialStatus.of(printedRevision == null ? c.revision() : printedRevision, found);
        Standing standing = switch (status) {
            case VALID -> new Standing("Valid", "#1b7a3d", "This certificate stands as issued.");
            case SUPERSEDED -> new Standing("Revised", "#b26a00", "The printed copy (revision " + printedRevision
                    + ") is no longer current: the credit was revised to revision " + c.revision() + ", shown below.");
            case REVOKED -> new Standing("Revoked", "#c62828", "Every award on this certificate was revoked; it"
                    + " certifies no credit.");
            case UNKNOWN_CERTIFICATE -> throw new IllegalStateException("found certificate " + id);
        };
        DateTimeFormatter day = DAY.withZone(zone);
        String start = day.format(c.activityStart());
        String end = day.format(c.activityEnd());
        StringBuilder body = new StringBuilder()
                .append("<section class=\"status\" style=\"border-color:").append(standing.colour()).append("\">")
                .append("<h1 style=\"color:").append(standing.colour()).append("\">").append(standing.heading())
                .append("</h1><p>").append(escape(standing.meaning())).append("</p></section>")
                .append("<dl>")
                .append(row("Certificate", c.certificateId() + " (revision " + c.revision() + ")"))
                .append(row("Participant", c.participantName()))
                .append(row("Course", c.title()))
                .append(row("Provider", provider.map(ProviderProfile::name).orElse(c.providerId())))
                .append(row("Format", c.format().label()))
                .append(row("Date", start.equals(end) ? start : start + " to " + end))
                .append(row("Issued", day.format(c.issuedAt())))
                .append("</dl>");
        if (!c.revoked()) {
            body.append("<table><thead><tr><th>Approval</th><th>Approval number</th><th>Hours</th><th>Content</th></tr>"
                    + "</thead><tbody>");
            for (CertifiedAward award : c.awards()) {
                StringBuilder content = new StringBuilder();
                for (CategoryHours category : award.categories()) {
                    content.append(content.isEmpty() ? "" : ", ").append(Labels.category(category.category()))
                            .append(' ').append(category.hours()).append(" h");
                }
                body.append("<tr><td>").append(escape(Labels.approval(award.body(), award.jurisdiction())))
                        .append("</td><td>").append(escape(award.approvalId()))
                        .append("</td><td>").append(award.hours())
                        .append("</td><td>").append(escape(content.toString())).append("</td></tr>");
            }
            body.append("</tbody></table>");
        }
        return page("Certificate " + c.certificateId() + ": " + standing.heading(), body.toString());
    }

    private static String row(String term, String value) {
        return "<dt>" + term + "</dt><dd>" + escape(value) + "</dd>";
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title><style>"
                + "body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}"
                + ".status{border-left:.5rem solid;padding:.25rem 1rem;margin-bottom:1.5rem}"
                + "dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}"
                + "table{border-collapse:collapse;width:100%;margin-top:1.5rem}"
                + "th,td{border-bottom:1px solid #ccc;padding:.4rem;text-align:left}"
                + "</style></head><body>" + body + "</body></html>";
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }

    private VerificationPage() {
    }
}
