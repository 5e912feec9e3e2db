package dev.accrue.search.catalog;

/** Credit hours in one content category (category names are the Avro enum symbols, e.g. LAW_AND_ETHICS). */
public record CategoryHours(String category, double hours) {
}
