package io.tunelab.tracker.filter;

import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.text.Suggestions;
import io.tunelab.search.trial.FrozenTrial;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves field references against a study's {@link FieldCatalog}: the built-in fields {@code number}, {@code state}
 * ({@code status}), {@code duration} (seconds), {@code start}, {@code end} (UTC times as {@code 2026-01-31T12:00:00.000Z},
 * which compare as text in time order), {@code sampler} and {@code slot}, each also as {@code attributes.NAME} as in
 * MLflow; {@code value} ({@code value1}, {@code values.1}, {@code value_1}, {@code values[1]} for further objectives);
 * a parameter as {@code params.lr} or {@code lr}; a metric series' last value as {@code metrics.loss} (MLflow's
 * meaning), or an aggregate as {@code loss.min}, {@code metrics.loss.last}, {@code loss.max}; a user attribute as
 * {@code user_attr.KEY}, {@code tags.KEY} or {@code user.KEY}. A bare name is a built-in field first, then a
 * parameter (MLflow's {@code attributes.} and {@code params.} prefixes say which; {@link #shadowedParam} notes where
 * a bare name hides a parameter). Names of parameters and metrics no trial has fail with a did-you-mean; user
 * attributes are not checked (a trial without one fails every comparison). Stateless.
 */
public final class FieldResolver {
    /** The built-in fields, as error messages list them. */
    static final List<String> BUILT_IN = List.of("number", "state", "duration", "start", "end", "sampler", "slot");
    private static final Map<String, String> ALIASES = Map.of("status", "state", "start_time", "start", "end_time", "end",
            "trial_number", "number");
    private static final Set<String> USER_PREFIXES = Set.of("user_attr", "user_attrs", "user", "tags", "tag");
    private static final Set<String> PREFIXES = new TreeSet<>(Set.of("params", "metrics", "attributes", "user_attr", "tags"));
    private static final Pattern VALUE = Pattern.compile("values?(?:\\[(\\d+)]|[._]?(\\d+))?");
    private static final Pattern METRIC = Pattern.compile("(?:metrics\\.)?(.+)\\.(last|min|max)");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private FieldResolver() {
    }

    /**
     * The field called {@code reference} (which may be wrapped in double quotes); {@link FilterException}
     * if the catalog knows no such field.
     */
    public static Field resolve(String reference, FieldCatalog catalog) {
        String name = unquoted(reference);
        int dot = name.indexOf('.');
        String prefix = dot > 0 ? name.substring(0, dot).toLowerCase(Locale.ROOT) : "";
        String rest = dot > 0 ? name.substring(dot + 1) : name;
        Field builtIn = builtIn(name, prefix.equals("attributes") ? rest : name);
        if (builtIn != null) {
            return builtIn;
        }
        if (prefix.equals("attributes")) {
            throw unknown(name, "there is no attribute", rest, BUILT_IN, catalog);
        }
        Matcher value = VALUE.matcher(name.toLowerCase(Locale.ROOT));
        if (value.matches()) {
            return value(name, value.group(1) != null ? value.group(1) : value.group(2), catalog);
        }
        if (catalog.params().contains(name) || prefix.equals("params") && catalog.params().contains(rest)) {
            String param = catalog.params().contains(name) ? name : rest;
            return new Field(name, null, r -> normalise(r.trial().params().get(param)));
        }
        if (prefix.equals("params")) {
            throw unknown(name, "no trial has a parameter", rest, catalog.params(), catalog);
        }
        if (USER_PREFIXES.contains(prefix) && !rest.isEmpty()) {
            return new Field(name, null, r -> normalise(r.trial().userAttrs().get(rest)));
        }
        if (prefix.equals("metrics") && catalog.metrics().contains(rest)) {
            return new Field(name, rest, r -> r.metric(rest, "last"));
        }
        Matcher metric = METRIC.matcher(name);
        if (metric.matches() && catalog.metrics().contains(metric.group(1))) {
            String series = metric.group(1);
            String aggregate = metric.group(2);
            return new Field(name, series, r -> r.metric(series, aggregate));
        }
        if (prefix.equals("metrics") || metric.matches()) {
            String series = metric.matches() ? metric.group(1) : rest;
            throw unknown(name, "no trial has a metric", series, catalog.metrics(), catalog);
        }
        if (dot > 0) {
            throw new FilterException("unknown field prefix '" + name.substring(0, dot) + "' in '" + name + "': expected "
                    + String.join(", ", PREFIXES.stream().map(p -> p + ".").toList()) + " or a field without a prefix; "
                    + catalog.describe());
        }
        List<String> candidates = new ArrayList<>(BUILT_IN);
        candidates.addAll(catalog.params());
        throw new FilterException("unknown field '" + name + "'" + Suggestions.didYouMean(name, candidates) + ": "
                + catalog.describe());
    }

    /**
     * A note when {@code reference} is a bare built-in field ({@code start}, {@code end}, {@code sampler}...) that is
     * also the name of one of the study's parameters: the bare name keeps its attribute meaning, and MLflow's prefixed
     * form reaches the parameter. Empty otherwise (a prefixed or quoted name, or no such parameter).
     */
    public static Optional<String> shadowedParam(String reference, FieldCatalog catalog) {
        String name = unquoted(reference);
        if (name.indexOf('.') >= 0 || !catalog.params().contains(name) || builtIn(name, name) == null) {
            return Optional.empty();
        }
        return Optional.of("note: '" + name + "' is the trial attribute; write params." + name + " for the parameter");
    }

    private static String unquoted(String reference) {
        return reference.length() >= 2 && reference.startsWith("\"") && reference.endsWith("\"")
                ? reference.substring(1, reference.length() - 1).replace("\\\"", "\"") : reference;
    }

    /** "unknown field 'metrics.val_acc': no trial has a metric 'val_acc' (did you mean 'metrics.val_accuracy'?); ...". */
    private static FilterException unknown(String name, String what, String wrong, Collection<String> known,
                                           FieldCatalog catalog) {
        int at = name.lastIndexOf(wrong);
        String hint = Suggestions.closest(wrong, known)
                .map(c -> " (did you mean '" + name.substring(0, at) + c + name.substring(at + wrong.length()) + "'?)").orElse("");
        return new FilterException("unknown field '" + name + "': " + what + " '" + wrong + "'" + hint + "; "
                + catalog.describe());
    }

    private static Field builtIn(String name, String candidate) {
        String key = candidate.toLowerCase(Locale.ROOT);
        key = ALIASES.getOrDefault(key, key);
        Function<FrozenTrial, Object> read = switch (key) {
            case "number" -> t -> (double) t.number();
            case "state" -> t -> t.state().name();
            case "duration" -> FieldResolver::duration;
            case "start" -> t -> time(t.start());
            case "end" -> t -> time(t.end());
            case "sampler" -> Sampler::label;
            case "slot" -> t -> text(t.systemAttrs().get("slot"));
            default -> null;
        };
        return read == null ? null : new Field(name, null, r -> read.apply(r.trial()));
    }

    private static Field value(String name, String digits, FieldCatalog catalog) {
        int index = digits == null ? 0 : Integer.parseInt(digits);
        if (index >= Math.max(1, catalog.objectives())) {
            throw new FilterException("field '" + name + "': the study has " + catalog.objectives()
                    + " objective value(s), numbered from 0");
        }
        return new Field(name, null, r -> index < r.trial().values().size() ? r.trial().values().get(index) : null);
    }

    private static Object duration(FrozenTrial t) {
        if (t.start() == null || t.end() == null) {
            return null;
        }
        return Duration.between(t.start(), t.end()).toNanos() / 1e9;
    }

    private static String time(Instant at) {
        return at == null ? null : TIME.format(at);
    }

    private static Object normalise(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        return text(v);
    }

    private static String text(Object v) {
        return v == null ? null : String.valueOf(v);
    }
}
