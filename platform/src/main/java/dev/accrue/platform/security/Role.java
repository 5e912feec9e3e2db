package dev.accrue.platform.security;

/** What an API key may do. */
public enum Role {
    /** A provider organisation: writes its own catalog, licensees and attendance. */
    PROVIDER,
    /** Reads analytics. */
    ANALYST,
    /** Everything, across providers. */
    ADMIN
}
