package dev.accrue.credit.catalog;

/**
 * What a course's content covers. Boards set minimums in their own categories, and each board's rule
 * file says which of these count toward each: CA's "law and ethics" is not FL's "ethics and boundaries".
 */
public enum Category {
    GENERAL, LAW_AND_ETHICS, CULTURAL_DIVERSITY, SUICIDE_PREVENTION, DOMESTIC_VIOLENCE, MEDICAL_ERRORS, SUPERVISION,
    TELEHEALTH, HIV_AIDS, LAWS_AND_RULES, ETHICS, ETHICS_AND_BOUNDARIES, PROFESSIONAL_BOUNDARIES, HUMAN_TRAFFICKING,
    JURISPRUDENCE
}
