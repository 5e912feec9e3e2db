package dev.accrue.credit.catalog;

/** Rounding of clock hours, so sums of doubles print and compare as people expect. */
public final class Hours {

    private static final double EPSILON = 1e-9;

    /** Rounded half-up to 0.01 h, the precision hours are stored and shown in. */
    public static double round(double hours) {
        return Math.round(hours * 100.0) / 100.0;
    }

    /** Continuing Education Units for contact hours, as IACET counts them: 1 CEU = 10 hours. */
    public static double ceu(double hours) {
        return round(hours / 10);
    }

    /** Rounded down to 0.01 h (with a tolerance for binary fractions like 0.1 * 3). */
    public static double floorHundredths(double hours) {
        return Math.floor(hours * 100.0 + EPSILON) / 100.0;
    }

    /** True when the two amounts are the same at the stored precision. */
    public static boolean same(double a, double b) {
        return Math.abs(round(a) - round(b)) < EPSILON;
    }

    private Hours() {
    }
}
