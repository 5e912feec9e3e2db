package dev.accrue.credit.compliance;

/** What a board asks in the cycle that ends in a licence's first renewal. */
public record FirstRenewal(Kind kind, double hours) {

    public enum Kind {
        /** The full cycle hours, as in any other cycle. */
        NONE,
        /** No CE is required (FL, NY). */
        EXEMPT,
        /** {@code hours} instead of the cycle hours (CA: 18 under older rules). */
        REDUCED
    }
}
