package dev.accrue.search.reporting.elastic;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Board roster exports ({@code accrue.search.reports.*}).
 *
 * @param maxLines        the most licences one export of one offering to one state may list: its lines are built
 *                        and stored in one piece, so a larger roster is refused rather than exhausting memory
 * @param fallbackTimeZone where completion dates of a session without a time zone (self-study) are taken
 * @param professionCodes CE Broker profession code per {@code BOARD/LICENSETYPE} (e.g. {@code FL-491/LMHC}); a
 *                        licence type without an entry is reported as it is
 * @param subjectCodes    CE Broker subject area code per content category for partial credit; a category without
 *                        an entry is reported by its name
 */
@ConfigurationProperties("accrue.search.reports")
public record ReportingProperties(
        @DefaultValue("10000") int maxLines,
        @DefaultValue("America/New_York") String fallbackTimeZone,
        Map<String, String> professionCodes,
        Map<String, String> subjectCodes) {

    public ReportingProperties {
        professionCodes = professionCodes == null ? Map.of() : Map.copyOf(professionCodes);
        subjectCodes = subjectCodes == null ? Map.of() : Map.copyOf(subjectCodes);
    }

    public String professionCode(String board, String licenseType) {
        return professionCodes.getOrDefault(board + "/" + licenseType, licenseType);
    }

    public String subjectCode(String category) {
        return subjectCodes.getOrDefault(category, category);
    }
}
