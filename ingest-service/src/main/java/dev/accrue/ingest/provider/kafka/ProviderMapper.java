package dev.accrue.ingest.provider.kafka;

import dev.accrue.events.ProviderApproval;
import dev.accrue.events.ProviderProfile;
import dev.accrue.ingest.provider.Provider;

/** Translates provider profiles to the Avro contract. */
final class ProviderMapper {

    static ProviderProfile toAvro(Provider p) {
        return new ProviderProfile(p.providerId(), p.name(), p.url(), p.address(), p.logoUrl(), p.signerName(),
                p.signerTitle(), p.approvals().stream().map(a -> new ProviderApproval(
                        dev.accrue.events.ApprovalBody.valueOf(a.body().name()), a.jurisdiction(), a.providerNumber(),
                        a.statement(), a.courseType(), a.level(), a.approvalStart(), a.approvalEnd())).toList(),
                p.updatedAt());
    }

    private ProviderMapper() {
    }
}
