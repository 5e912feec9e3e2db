package dev.accrue.credit.catalog;

import java.util.List;

/** Clock hours in one content category. */
public record CategoryHours(Category category, double hours) {

    /**
     * The categories scaled by awarded / full hours, for partial awards. Rounded down to 0.01 h so
     * scaled categories never add up to more than the award.
     */
    public static List<CategoryHours> scale(List<CategoryHours> categories, double awardedHours, double fullHours) {
        if (fullHours <= 0 || awardedHours >= fullHours) {
            return List.copyOf(categories);
        }
        double factor = awardedHours / fullHours;
        return categories.stream()
                .map(c -> new CategoryHours(c.category(), Hours.floorHundredths(c.hours() * factor)))
                .toList();
    }
}
