package dev.accrue.credit.compliance;

import java.util.List;
import java.util.Optional;

/** What the compliance API reads: a licensee's reports, one per licence, held by the instance that owns the licensee. */
public interface ComplianceQueries {

    Optional<List<ComplianceReport>> compliance(String licenseeId);

    /** Whether this instance has the licensee's profile: a licensee with no report yet reads as empty, not unknown. */
    boolean knowsLicensee(String licenseeId);
}
