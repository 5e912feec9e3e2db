package dev.accrue.search.catalog;

import java.util.List;

/** The distinct category names of a list of category hours, in first-seen order. */
public final class CategoryNames {

    public static List<String> of(List<CategoryHours> hours) {
        return hours.stream().map(CategoryHours::category).distinct().toList();
    }

    private CategoryNames() {
    }
}
