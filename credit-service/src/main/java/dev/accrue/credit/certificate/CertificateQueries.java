package dev.accrue.credit.certificate;

import dev.accrue.credit.catalog.ProviderProfile;
import dev.accrue.credit.catalog.SessionDefinition;
import java.util.Optional;

/** What the certificate API reads; every instance holds every certificate, session and provider profile. */
public interface CertificateQueries {

    Optional<Certificate> certificate(String certificateId);

    /** The provider's profile, for what certificates print about it; empty when it has none yet. */
    Optional<ProviderProfile> provider(String providerId);

    /** The certificate's session, for its time zone; empty when unknown. */
    Optional<SessionDefinition> session(String sessionId);
}
