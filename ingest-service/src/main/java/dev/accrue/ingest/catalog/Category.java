package dev.accrue.ingest.catalog;

/** What a course's content covers; each board's rule file maps these to its own categories (credit-service). */
public enum Category {
    GENERAL, LAW_AND_ETHICS, CULTURAL_DIVERSITY, SUICIDE_PREVENTION, DOMESTIC_VIOLENCE, MEDICAL_ERRORS,
    SUPERVISION, TELEHEALTH, HIV_AIDS, LAWS_AND_RULES, ETHICS, ETHICS_AND_BOUNDARIES, PROFESSIONAL_BOUNDARIES,
    HUMAN_TRAFFICKING, JURISPRUDENCE
}
