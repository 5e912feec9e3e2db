package dev.accrue.credit.catalog.kafka;

import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.ProviderProfile;
import dev.accrue.credit.streams.AvroEnums;

/** Maps provider profiles from Avro; an approval by a body this version does not know is left out. */
public final class ProviderMapper {

    public static ProviderProfile toDomain(dev.accrue.events.ProviderProfile p) {
        return new ProviderProfile(p.getProviderId(), p.getName(), p.getUrl(), p.getAddress(), p.getLogoUrl(),
                p.getSignerName(), p.getSignerTitle(), p.getApprovals().stream()
                        .flatMap(a -> AvroEnums.toDomain(a.getBody(), ApprovalBody.class)
                                .map(body -> new ProviderProfile.ProviderApproval(body, a.getJurisdiction(),
                                        a.getProviderNumber(), a.getStatement(), a.getCourseType(), a.getLevel(),
                                        a.getApprovalStart(), a.getApprovalEnd()))
                                .stream())
                        .toList());
    }

    private ProviderMapper() {
    }
}
