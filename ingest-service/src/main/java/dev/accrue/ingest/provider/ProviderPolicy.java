package dev.accrue.ingest.provider;

import dev.accrue.ingest.catalog.ApprovalBody;
import dev.accrue.ingest.catalog.ApprovalKeys;
import dev.accrue.ingest.validation.Checks;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a provider profile meets before it is published: a name; https URLs; bounded text; approvals that
 * name a known body (and a state where the body is a state's), a provider number and the body's statement, at
 * most one per body and jurisdiction; ASWB ACE's course type, level and approval period only on ASWB ACE.
 */
public final class ProviderPolicy {

    static final int MAX_STATEMENT = 2_000;

    public static Provider validate(String providerId, ProviderInput in, Instant now) {
        Checks checks = new Checks();
        String id = checks.id("providerId", providerId);
        String name = checks.text("name", in.name(), 200);
        String url = httpsUrl(checks, "url", in.url());
        String address = in.address() == null ? null : checks.optionalLongText("address", in.address(), 500);
        String logoUrl = httpsUrl(checks, "logoUrl", in.logoUrl());
        String signerName = in.signerName() == null ? null : checks.text("signerName", in.signerName(), 200);
        String signerTitle = in.signerTitle() == null ? null : checks.text("signerTitle", in.signerTitle(), 200);
        List<Provider.Approval> approvals = approvals(checks, in.approvals());
        checks.throwIfAny();
        return new Provider(id, name, url, address, logoUrl, signerName, signerTitle, approvals, now);
    }

    private static List<Provider.Approval> approvals(Checks checks, List<ProviderInput.ApprovalInput> input) {
        List<ProviderInput.ApprovalInput> raw = checks.list("approvals", input, 20);
        List<Provider.Approval> approvals = new ArrayList<>();
        ApprovalKeys keys = new ApprovalKeys(checks);
        for (int i = 0; i < raw.size(); i++) {
            ProviderInput.ApprovalInput a = raw.get(i);
            if (a == null) {
                continue;
            }
            String field = "approvals[" + i + "]";
            ApprovalBody body = checks.oneOf(field + ".body", a.body(), ApprovalBody.class);
            ApprovalKeys.Key key = keys.next(field, body, a.jurisdiction());
            String number = checks.text(field + ".providerNumber", a.providerNumber(), 100);
            String statement = checks.text(field + ".statement", a.statement(), MAX_STATEMENT);
            boolean aswb = body == ApprovalBody.ASWB_ACE;
            String courseType = aswbOnly(checks, field + ".courseType", a.courseType(), aswb);
            String level = aswbOnly(checks, field + ".level", a.level(), aswb);
            LocalDate start = a.approvalStart() == null ? null
                    : checks.date(field + ".approvalStart", a.approvalStart());
            LocalDate end = a.approvalEnd() == null ? null : checks.date(field + ".approvalEnd", a.approvalEnd());
            if (start != null && end != null && end.isBefore(start)) {
                checks.fail(field + ".approvalEnd", "must not be before approvalStart");
            }
            if (key != null && number != null && statement != null) {
                approvals.add(new Provider.Approval(body, key.jurisdiction(), number, statement, courseType, level,
                        start, end));
            }
        }
        return approvals;
    }

    private static String aswbOnly(Checks checks, String field, String value, boolean aswb) {
        if (value == null) {
            return null;
        }
        if (!aswb) {
            checks.fail(field, "is printed for ASWB ACE approvals only");
            return null;
        }
        return checks.text(field, value, 100);
    }

    /** An absolute https URL, or null when absent: certificates link to it, and plain http would be mixed content. */
    private static String httpsUrl(Checks checks, String field, String value) {
        if (value == null) {
            return null;
        }
        String text = checks.text(field, value, 500);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            if ("https".equals(uri.getScheme()) && uri.getHost() != null) {
                return text;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        checks.fail(field, "must be an absolute https URL (got '" + Checks.abbreviate(text) + "')");
        return null;
    }

    private ProviderPolicy() {
    }
}
