package dev.accrue.credit.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads rule files: plain YAML maps read with SnakeYAML's safe constructor (no arbitrary types).
 * Every rule file starts with {@code version}, {@code effectiveDate} and {@code source}.
 */
public final class YamlRules {

    private final String name;
    private final Map<String, Object> values;

    private YamlRules(String name, Map<String, Object> values) {
        this.name = name;
        this.values = values;
    }

    /** Reads a classpath resource such as {@code rules/credit/credit-2025.1.yaml}. */
    public static YamlRules classpath(String resource) {
        try (InputStream in = YamlRules.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Rule file " + resource + " is missing from the classpath");
            }
            Map<String, Object> map = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return new YamlRules(resource, map);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rule file " + resource, e);
        }
    }

    /** The files a rule index lists under {@code key}. */
    public static List<String> index(String indexResource, String key) {
        return classpath(indexResource).strings(key);
    }

    public RuleFile file() {
        return new RuleFile(string("version"), date("effectiveDate"), string("source").trim());
    }

    public String string(String key) {
        return require(key).toString();
    }

    public double number(String key, double fallback) {
        Object value = values.get(key);
        return value == null ? fallback : ((Number) value).doubleValue();
    }

    public boolean bool(String key, boolean fallback) {
        Object value = values.get(key);
        return value == null ? fallback : (Boolean) value;
    }

    public LocalDate date(String key) {
        return toDate(require(key));
    }

    @SuppressWarnings("unchecked")
    public List<String> strings(String key) {
        Object value = values.get(key);
        return value == null ? List.of() : ((List<Object>) value).stream().map(Object::toString).toList();
    }

    @SuppressWarnings("unchecked")
    public YamlRules section(String key) {
        return new YamlRules(name + "#" + key, (Map<String, Object>) require(key));
    }

    @SuppressWarnings("unchecked")
    public List<YamlRules> sections(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        return ((List<Map<String, Object>>) value).stream().map(m -> new YamlRules(name + "#" + key, m)).toList();
    }

    public Map<String, Object> raw() {
        return values;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    private Object require(String key) {
        Object value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("Rule file " + name + " needs '" + key + "'");
        }
        return value;
    }

    // YAML reads an unquoted 2025-01-01 as a timestamp; quoted, as text. Both mean a day.
    private static LocalDate toDate(Object value) {
        if (value instanceof Date date) {
            return date.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }
}
