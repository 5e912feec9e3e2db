package dev.accrue.search.reporting;

/** Credit the board cannot be told of, and why: an export lists it so the provider can fix the profile. */
public record Unreportable(String awardId, String licenseeId, double hours, String reason) {
}
