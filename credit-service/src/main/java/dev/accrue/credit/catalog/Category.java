package dev.accrue.credit.catalog;

/** A content category that licensing boards set minimums for. */
public enum Category {
    GENERAL, LAW_AND_ETHICS, CULTURAL_DIVERSITY, SUICIDE_PREVENTION, DOMESTIC_VIOLENCE, MEDICAL_ERRORS, SUPERVISION,
    TELEHEALTH, HIV_AIDS, LAWS_AND_RULES
}
