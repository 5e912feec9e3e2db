package dev.accrue.search.it;

import co.elastic.clients.json.JsonData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The analytics questions worked out in plain Java from raw documents: attendance events as indexed (with their
 * session's fields) and awards at their latest revision. Participations and enrolments are derived here the way
 * the API documents them (a licensee's first JOINED or SELF_STUDY_COMPLETED of a session, of a course), so a
 * test can hold the endpoints, which read the derived indices, to these answers.
 */
final class RawAnswers {

    /** A question's range and filters, read from its query string. */
    record Question(LocalDate from, LocalDate to, Map<String, String> filters) {

        static Question parse(String query) {
            Map<String, String> params = new HashMap<>();
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], kv[1]);
            }
            LocalDate from = LocalDate.parse(params.remove("from"));
            LocalDate to = LocalDate.parse(params.remove("to"));
            return new Question(from, to, params);
        }

        Optional<String> get(String name) {
            return Optional.ofNullable(filters.get(name));
        }

        boolean inRange(Object time) {
            LocalDate day = day(time);
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    record Attending(String licenseeId, String courseKey, String providerId, String format, List<String> categories,
                     List<String> bodies, Instant at) {
    }

    private final List<Attending> participations;
    private final List<Attending> enrolments;
    private final List<Map<String, Object>> awards;

    RawAnswers(List<Map<String, Object>> attendance, List<Map<String, Object>> awards) {
        List<Map<String, Object>> attending = attendance.stream()
                .filter(a -> Boolean.TRUE.equals(a.get("sessionResolved")))
                .filter(a -> List.of("JOINED", "SELF_STUDY_COMPLETED").contains(a.get("type")))
                .sorted(Comparator.comparing(a -> Instant.parse((String) a.get("occurredAt")))).toList();
        this.participations = first(attending, a -> a.get("licenseeId") + "|" + a.get("sessionId"));
        this.enrolments = first(attending, a -> a.get("licenseeId") + "|" + a.get("courseKey"));
        this.awards = awards;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(JsonData source) {
        return source.to(Map.class);
    }

    private static List<Attending> first(List<Map<String, Object>> byTime, Function<Map<String, Object>, String> key) {
        Map<String, Attending> first = new LinkedHashMap<>();
        byTime.forEach(a -> first.putIfAbsent(key.apply(a), attending(a)));
        return List.copyOf(first.values());
    }

    @SuppressWarnings("unchecked")
    private static Attending attending(Map<String, Object> a) {
        return new Attending((String) a.get("licenseeId"), (String) a.get("courseKey"), (String) a.get("providerId"),
                (String) a.get("format"), (List<String>) a.get("categories"), (List<String>) a.get("bodies"),
                Instant.parse((String) a.get("occurredAt")));
    }

    private static boolean matches(Attending a, Question q) {
        return q.inRange(a.at().toString()) && q.get("providerId").map(a.providerId()::equals).orElse(true)
                && q.get("format").map(a.format()::equals).orElse(true)
                && q.get("category").map(a.categories()::contains).orElse(true)
                && q.get("body").map(a.bodies()::contains).orElse(true);
    }

    @SuppressWarnings("unchecked")
    private boolean matches(Map<String, Object> award, Question q) {
        return q.inRange(award.get("completedAt")) && q.get("providerId").map(award.get("providerId")::equals).orElse(true)
                && q.get("format").map(award.get("format")::equals).orElse(true)
                && q.get("category").map(((List<String>) award.get("categories"))::contains).orElse(true)
                && q.get("body").map(award.get("body")::equals).orElse(true);
    }

    /** The award's hours, or only the filtered category's share of them. */
    @SuppressWarnings("unchecked")
    private static double hours(Map<String, Object> award, Optional<String> category) {
        if (category.isEmpty()) {
            return ((Number) award.get("hours")).doubleValue();
        }
        return ((List<Map<String, Object>>) award.get("categoryHours")).stream()
                .filter(c -> c.get("category").equals(category.get()))
                .mapToDouble(c -> ((Number) c.get("hours")).doubleValue()).sum();
    }

    private List<Attending> participations(Question q) {
        return participations.stream().filter(p -> matches(p, q)).toList();
    }

    private List<Attending> enrolments(Question q) {
        return enrolments.stream().filter(p -> matches(p, q)).toList();
    }

    private List<Map<String, Object>> awards(Question q) {
        return awards.stream().filter(a -> matches(a, q)).toList();
    }

    /** Every day of the range with its value, as the trends endpoint lists them. */
    Map<String, Double> trend(String metric, Question q) {
        Map<String, Double> days = new LinkedHashMap<>();
        for (LocalDate d = q.from(); !d.isAfter(q.to()); d = d.plusDays(1)) {
            days.put(d.toString(), 0.0);
        }
        switch (metric) {
            case "attendances" -> participations(q).forEach(p -> days.merge(day(p.at().toString()).toString(), 1.0, Double::sum));
            case "activeLicensees" -> participations(q).stream().collect(Collectors.groupingBy(p -> day(p.at().toString()),
                    Collectors.mapping(Attending::licenseeId, Collectors.toSet())))
                    .forEach((d, people) -> days.put(d.toString(), (double) people.size()));
            case "creditHours" -> awards(q).forEach(a -> days.merge(day(a.get("completedAt")).toString(),
                    hours(a, q.get("category")), Double::sum));
            case "awards" -> awards(q).stream().filter(a -> Boolean.TRUE.equals(a.get("earned")))
                    .forEach(a -> days.merge(day(a.get("completedAt")).toString(), 1.0, Double::sum));
            default -> throw new IllegalArgumentException(metric);
        }
        return days;
    }

    /** Attendances, credit hours and active licensees of the whole range. */
    List<Double> summary(Question q) {
        return List.of((double) participations(q).size(), awards(q).stream().mapToDouble(a -> hours(a, q.get("category"))).sum(),
                (double) participations(q).stream().map(Attending::licenseeId).distinct().count());
    }

    /** "courseKey=value", most first, then by key; ten at most. */
    List<String> topCourses(String by, Question q) {
        Map<String, Double> values = new TreeMap<>();
        if (by.equals("attendees")) {
            enrolments(q).forEach(e -> values.merge(e.courseKey(), 1.0, Double::sum));
        } else {
            awards(q).forEach(a -> values.merge((String) a.get("courseKey"), hours(a, q.get("category")), Double::sum));
        }
        return ranked(values, 10).stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    /** "key hours attendees" per category or format, most hours first, then most attendees, then by key. */
    @SuppressWarnings("unchecked")
    List<String> breakdown(String field, Question q) {
        Map<String, Double> hours = new HashMap<>();
        for (Map<String, Object> a : awards(q)) {
            if (field.equals("format")) {
                hours.merge((String) a.get("format"), hours(a, q.get("category")), Double::sum);
            } else {
                ((List<String>) a.get("categories")).forEach(c -> hours.merge(c, hours(a, Optional.of(c)), Double::sum));
            }
        }
        Map<String, Set<String>> people = new HashMap<>();
        for (Attending p : participations(q)) {
            (field.equals("format") ? List.of(p.format()) : p.categories())
                    .forEach(k -> people.computeIfAbsent(k, x -> new HashSet<>()).add(p.licenseeId()));
        }
        Set<String> keys = new TreeSet<>(hours.keySet());
        keys.addAll(people.keySet());
        q.get("category").filter(c -> !field.equals("format")).ifPresent(c -> keys.retainAll(Set.of(c)));
        return keys.stream()
                .sorted(Comparator.comparingDouble((String k) -> hours.getOrDefault(k, 0.0)).reversed()
                        .thenComparing(Comparator.comparingInt((String k) -> people.getOrDefault(k, Set.of()).size()).reversed())
                        .thenComparing(Comparator.naturalOrder()))
                .map(k -> k + " " + hours.getOrDefault(k, 0.0) + " " + people.getOrDefault(k, Set.of()).size()).toList();
    }

    /** "key joined earned" per course or provider, most joined first, then by key; twenty at most. */
    List<String> completion(String group, Question q) {
        Function<String, String> ofCourse = courseKey -> group.equals("course") ? courseKey : courseKey.split("/")[0];
        Map<String, Set<String>> joined = new TreeMap<>();
        enrolments(q).forEach(e -> joined.computeIfAbsent(ofCourse.apply(e.courseKey()), x -> new HashSet<>()).add(e.licenseeId()));
        Map<String, Set<String>> earned = new HashMap<>();
        awards(q).stream().filter(a -> Boolean.TRUE.equals(a.get("earned"))).forEach(a -> earned
                .computeIfAbsent(ofCourse.apply((String) a.get("courseKey")), x -> new HashSet<>()).add((String) a.get("licenseeId")));
        Map<String, Double> counts = new TreeMap<>();
        joined.forEach((k, v) -> counts.put(k, (double) v.size()));
        return ranked(counts, 20).stream().map(e -> e.getKey() + " " + e.getValue().longValue() + " "
                + earned.getOrDefault(e.getKey(), Set.of()).size()).toList();
    }

    private static List<Map.Entry<String, Double>> ranked(Map<String, Double> values, int limit) {
        return values.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(limit).toList();
    }

    static Map<String, Double> buckets(JsonNode trend) {
        Map<String, Double> days = new LinkedHashMap<>();
        trend.get("buckets").forEach(b -> days.put(b.get("start").asString(), b.get("value").asDouble()));
        return days;
    }

    static List<String> courses(JsonNode topCourses) {
        List<String> courses = new ArrayList<>();
        topCourses.get("courses").forEach(c -> courses.add(c.get("courseKey").asString() + "=" + c.get("value").asDouble()));
        return courses;
    }

    static List<String> rows(JsonNode breakdown) {
        List<String> rows = new ArrayList<>();
        breakdown.get("items").forEach(r -> rows.add(r.get("key").asString() + " " + r.get("creditHours").asDouble() + " "
                + r.get("attendees").asLong()));
        return rows;
    }

    static List<String> completion(JsonNode completion) {
        List<String> rows = new ArrayList<>();
        completion.get("rows").forEach(r -> rows.add(r.get("key").asString() + " " + r.get("joined").asLong() + " "
                + r.get("earned").asLong()));
        return rows;
    }

    private static LocalDate day(Object time) {
        return LocalDate.ofInstant(Instant.parse((String) time), ZoneOffset.UTC);
    }
}
