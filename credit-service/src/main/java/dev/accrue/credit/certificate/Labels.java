package dev.accrue.credit.certificate;

import dev.accrue.credit.catalog.ApprovalBody;
import dev.accrue.credit.catalog.Category;

/** How certificates name approvals and content categories to people, instead of the contract's symbols. */
public final class Labels {

    /** {@code APA}, {@code ASWB ACE}, {@code State board (FL)}, {@code NASW (OH)}. */
    public static String approval(ApprovalBody body, String jurisdiction) {
        String name = switch (body) {
            case ASWB_ACE -> "ASWB ACE";
            case STATE_BOARD -> "State board";
            default -> body.name();
        };
        return jurisdiction == null ? name : name + " (" + jurisdiction + ")";
    }

    public static String category(Category category) {
        return switch (category) {
            case GENERAL -> "General";
            case LAW_AND_ETHICS -> "Law and ethics";
            case CULTURAL_DIVERSITY -> "Cultural diversity";
            case SUICIDE_PREVENTION -> "Suicide prevention";
            case DOMESTIC_VIOLENCE -> "Domestic violence";
            case MEDICAL_ERRORS -> "Prevention of medical errors";
            case SUPERVISION -> "Supervision";
            case TELEHEALTH -> "Telehealth";
            case HIV_AIDS -> "HIV/AIDS";
            case LAWS_AND_RULES -> "Laws and rules";
            case ETHICS -> "Ethics";
            case ETHICS_AND_BOUNDARIES -> "Ethics and boundaries";
            case PROFESSIONAL_BOUNDARIES -> "Professional boundaries";
            case HUMAN_TRAFFICKING -> "Human trafficking";
            case JURISPRUDENCE -> "Jurisprudence";
        };
    }

    private Labels() {
    }
}
