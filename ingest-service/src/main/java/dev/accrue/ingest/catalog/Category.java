package dev.accrue.ingest.catalog;

/** Content categories that licensing boards set minimum hours for. */
public enum Category {
    GENERAL, LAW_AND_ETHICS, CULTURAL_DIVERSITY, SUICIDE_PREVENTION, DOMESTIC_VIOLENCE, MEDICAL_ERRORS,
    SUPERVISION, TELEHEALTH, HIV_AIDS, LAWS_AND_RULES
}
