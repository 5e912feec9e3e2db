package dev.accrue.ingest.licensee.kafka;

import dev.accrue.events.License;
import dev.accrue.events.LicenseeProfile;
import dev.accrue.ingest.catalog.Category;
import dev.accrue.ingest.licensee.Licensee;
import dev.accrue.ingest.licensee.LicenseeDirectory;
import dev.accrue.ingest.licensee.LicenseePolicy;
import java.util.stream.Collectors;

/** Translates licensees between the domain and the Avro contract. */
final class LicenseeMapper {

    static LicenseeProfile toAvro(Licensee l) {
        return new LicenseeProfile(l.licenseeId(), l.givenName(), l.familyName(), l.email(),
                l.licenses().stream().map(x -> new License(x.board(), x.licenseType(), x.licenseNumber(), x.cycleStart(),
                        x.cycleEnd(), x.firstRenewal(), x.supervisor(), x.attestedCategories().stream().sorted()
                        .map(c -> dev.accrue.events.Category.valueOf(c.name())).toList())).toList(),
                l.updatedAt(), l.owner());
    }

    static Licensee fromAvro(LicenseeProfile p) {
        return new Licensee(p.getLicenseeId(), p.getGivenName(), p.getFamilyName(), p.getEmail(),
                p.getLicenses().stream().map(x -> new Licensee.License(x.getBoard(), x.getLicenseType(),
                        x.getLicenseNumber(), x.getCycleStart(), x.getCycleEnd(), x.getFirstRenewal(), x.getSupervisor(),
                        // A category newer than this reader (UNKNOWN) is left out, as the session mapper does.
                        x.getAttestedCategories().stream().filter(c -> c != dev.accrue.events.Category.UNKNOWN)
                                .map(c -> Category.valueOf(c.name())).collect(Collectors.toSet()))).toList(),
                p.getUpdatedAt(), p.getOwner());
    }

    /** What the directory keeps: the email, normalised as matching compares it (other writers may not have), and the owner. */
    static LicenseeDirectory.Entry directoryEntry(LicenseeProfile p) {
        return new LicenseeDirectory.Entry(LicenseePolicy.normalizeEmail(p.getEmail()), p.getOwner());
    }

    private LicenseeMapper() {
    }
}
