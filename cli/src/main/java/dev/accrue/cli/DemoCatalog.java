package dev.accrue.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Courses the demo providers offer: every content category appears, and each board finds credit it accepts.
 * An approval is a body, or a body and a state ({@code STATE_BOARD/FL} is the Florida board's).
 */
final class DemoCatalog {

    record Course(String courseId, String title, double hours, Map<String, Double> categories, List<String> bodies) {
    }

    static final List<Course> COURSES = List.of(
            new Course("ETH-101", "Law and Ethics in Clinical Practice", 6, Map.of("LAW_AND_ETHICS", 6.0), List.of("APA", "ASWB_ACE", "CAMFT")),
            new Course("SUI-201", "Suicide Risk Assessment and Management", 6, Map.of("SUICIDE_PREVENTION", 6.0), List.of("APA", "NBCC", "ASWB_ACE")),
            new Course("CUL-110", "Cultural Humility in Therapy", 3, Map.of("CULTURAL_DIVERSITY", 3.0), List.of("NBCC", "STATE_BOARD/TX")),
            new Course("TEL-120", "Telehealth Best Practices", 3, Map.of("TELEHEALTH", 3.0), List.of("ASWB_ACE", "IACET")),
            new Course("HIV-130", "HIV/AIDS: Clinical Considerations", 7, Map.of("HIV_AIDS", 7.0), List.of("APA", "NASW")),
            new Course("SUP-300", "Clinical Supervision Essentials", 6, Map.of("SUPERVISION", 6.0), List.of("NBCC", "ASWB_ACE", "STATE_BOARD/OH")),
            new Course("DV-140", "Domestic Violence Screening", 2, Map.of("DOMESTIC_VIOLENCE", 2.0), List.of("STATE_BOARD/FL", "ASWB_ACE")),
            new Course("MED-150", "Preventing Medical Errors", 2, Map.of("MEDICAL_ERRORS", 2.0), List.of("STATE_BOARD/FL")),
            new Course("CBT-210", "CBT for Anxiety Disorders", 6, Map.of("GENERAL", 6.0), List.of("APA", "NBCC", "IACET", "STATE_BOARD/NY")),
            new Course("TRM-220", "Trauma-Informed Care", 4, Map.of("GENERAL", 3.0, "ETHICS", 1.0), List.of("APA", "ASWB_ACE", "NBCC", "NASW/OH")),
            new Course("BND-230", "Ethics and Professional Boundaries", 3, Map.of("ETHICS_AND_BOUNDARIES", 3.0), List.of("STATE_BOARD/FL", "STATE_BOARD/NY", "NBCC")),
            new Course("LAW-160", "Florida Laws and Rules", 3, Map.of("LAWS_AND_RULES", 3.0), List.of("STATE_BOARD/FL")));

    /** A provider's profile: its name, address, signer, and the APA and ASWB statements its certificates print. */
    static Map<String, Object> providerProfile(String provider) {
        String name = provider.equals("acme") ? "Acme Behavioral Health Institute" : "Northwind Counseling Academy";
        return Map.of("name", name, "address", provider.equals("acme") ? "100 Main Street\nSacramento, CA 95814"
                        : "8 Harbor Way\nColumbus, OH 43215",
                "signerName", provider.equals("acme") ? "Dana Reyes, PhD" : "Sam Okafor, LISW-S",
                "signerTitle", "Director of Continuing Education",
                "approvals", List.of(
                        Map.of("body", "APA", "providerNumber", "APA-" + provider.toUpperCase(Locale.ROOT),
                                "statement", name + " is approved by the American Psychological Association to sponsor"
                                        + " continuing education for psychologists. " + name + " maintains responsibility"
                                        + " for this program and its content."),
                        Map.of("body", "ASWB_ACE", "providerNumber", provider.equals("acme") ? "1789" : "1790",
                                "statement", name + " is approved as an ACE provider to offer social work continuing"
                                        + " education by the Association of Social Work Boards (ASWB).",
                                "courseType", "Clinical", "level", "Intermediate",
                                "approvalStart", "2025-03-01", "approvalEnd", "2028-03-01")));
    }

    /** Boards and the licence types the demo gives them, from ../shared/DOMAIN.md. */
    static final Map<String, List<String>> BOARDS = Map.of(
            "CA-BBS", List.of("LMFT", "LCSW", "LPCC"),
            "TX-LPC", List.of("LPC"),
            "FL-491", List.of("LMHC", "LCSW", "LMFT"),
            "NY-LMHC", List.of("LMHC"),
            "OH-CSWMFT", List.of("LISW", "LMFT"));

    static final List<String> GIVEN = List.of("Ana", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines",
            "Jamal", "Keiko", "Liam", "Maya", "Noah", "Olga", "Priya", "Quinn", "Rosa", "Sam", "Tariq");
    static final List<String> FAMILY = List.of("Garcia", "Nguyen", "Smith", "Okafor", "Kowalski", "Haddad", "Tanaka",
            "Murphy", "Silva", "Cohen", "Patel", "Johansson", "Reyes", "Kim", "Novak");
    static final List<String> ZONES = List.of("America/Los_Angeles", "America/Chicago", "America/New_York");

    private DemoCatalog() {
    }
}
