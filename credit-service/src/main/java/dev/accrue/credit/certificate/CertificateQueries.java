package dev.accrue.credit.certificate;

import dev.accrue.credit.catalog.SessionDefinition;
import java.util.Optional;

/** What the certificate API reads; every instance holds every certificate and session. */
public interface CertificateQueries {

    Optional<Certificate> certificate(String certificateId);

    /** The certificate's session, for its time zone; empty when unknown. */
    Optional<SessionDefinition> session(String sessionId);
}
