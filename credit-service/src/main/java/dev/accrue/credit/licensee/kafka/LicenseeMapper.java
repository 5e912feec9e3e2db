package dev.accrue.credit.licensee.kafka;

import dev.accrue.credit.catalog.Category;
import dev.accrue.credit.licensee.License;
import dev.accrue.credit.licensee.Licensee;
import dev.accrue.credit.streams.AvroEnums;
import dev.accrue.events.LicenseeProfile;
import java.time.Instant;
import java.util.stream.Collectors;

/** Maps licensee profiles between Avro and the domain. */
public final class LicenseeMapper {

    public static Licensee toDomain(LicenseeProfile profile) {
        return new Licensee(profile.getLicenseeId(), profile.getGivenName(), profile.getFamilyName(), profile.getEmail(),
                profile.getLicenses().stream()
                        .map(l -> new License(l.getBoard(), l.getLicenseType(), l.getLicenseNumber(), l.getCycleStart(),
                                l.getCycleEnd(), l.getFirstRenewal(), l.getSupervisor(),
                                l.getAttestedCategories().stream()
                                        .flatMap(c -> AvroEnums.toDomain(c, Category.class).stream())
                                        .collect(Collectors.toSet())))
                        .toList());
    }

    public static LicenseeProfile toAvro(Licensee licensee, Instant updatedAt) {
        return LicenseeProfile.newBuilder()
                .setLicenseeId(licensee.licenseeId()).setGivenName(licensee.givenName())
                .setFamilyName(licensee.familyName()).setEmail(licensee.email())
                .setLicenses(licensee.licenses().stream()
                        .map(l -> new dev.accrue.events.License(l.board(), l.licenseType(), l.licenseNumber(),
                                l.cycleStart(), l.cycleEnd(), l.firstRenewal(), l.supervisor(),
                                l.attestedCategories().stream().sorted()
                                        .map(c -> AvroEnums.toAvro(c, dev.accrue.events.Category.class)).toList()))
                        .toList())
                .setUpdatedAt(updatedAt)
                .build();
    }

    private LicenseeMapper() {
    }
}
