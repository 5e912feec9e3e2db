package dev.accrue.ingest.licensee;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LicenseeTenancyTest {

    @Test
    void attendanceInAProvidersSessionMayNameTheLicenseesThatProviderOwns() {
        assertThat(LicenseeTenancy.mayAttend("acme", "acme")).isTrue();
    }

    @Test
    void itMayNotNameAnotherProvidersLicensee() {
        assertThat(LicenseeTenancy.mayAttend("northwind", "acme")).isFalse();
    }

    @Test
    void aLicenseeWithoutOwnerIsNamedByNoSessionUntilAnAdminAssignsIt() {
        assertThat(LicenseeTenancy.mayAttend(null, "acme")).isFalse();
    }

    @Test
    void anUnknownLicenseeAndAnotherProvidersReadTheSameInTheDirectory() {
        assertThat(LicenseeDirectory.attendable(null, "acme")).isFalse();
        assertThat(LicenseeDirectory.attendable(new LicenseeDirectory.Entry("j@example.org", "northwind"), "acme")).isFalse();
        assertThat(LicenseeDirectory.attendable(new LicenseeDirectory.Entry("j@example.org", "acme"), "acme")).isTrue();
    }
}
