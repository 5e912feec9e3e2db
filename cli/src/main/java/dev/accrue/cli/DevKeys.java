package dev.accrue.cli;

/** The documented development keys of the services' {@code local} profile (see docs/CONVENTIONS.md). */
final class DevKeys {
    static final String ADMIN = "dev-admin-key";
    static final String ANALYST = "dev-analyst-key";
    static final String PROVIDER_ACME = "dev-provider-acme-key";
    static final String PROVIDER_NORTHWIND = "dev-provider-northwind-key";

    private DevKeys() {
    }
}
