package io.tunelab.dashboard.query;

import io.tunelab.dashboard.data.MetricSummary;
import io.tunelab.search.trial.FrozenTrial;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves field references such as {@code number}, {@code state}, {@code value1}, {@code params.lr},
 * {@code lr}, {@code val_loss.min}, {@code metrics.loss.last} or {@code user.note} against a study's
 * {@link FieldCatalog}. A bare name is a built-in field first, then a parameter. Stateless.
 */
public final class FieldResolver {
    private static final Pattern VALUE = Pattern.compile("value(?:s?\\[(\\d+)]|(\\d+))?");
    private static final Pattern METRIC = Pattern.compile("(?:metrics\\.)?(.+)\\.(last|min|max)");

    private FieldResolver() {
    }

    /**
     * The field called {@code reference} (which may be wrapped in double quotes); {@link FilterException}
     * if the catalog knows no such field.
     */
    public static Field resolve(String reference, FieldCatalog catalog) {
        String name = reference.length() >= 2 && reference.startsWith("\"") && reference.endsWith("\"")
                ? reference.substring(1, reference.length() - 1).replace("\\\"", "\"") : reference;
        switch (name.toLowerCase(Locale.ROOT)) {
            case "number":
                return new Field(name, null, r -> (double) r.trial().number());
            case "state":
                return new Field(name, null, r -> r.trial().state().name());
            case "duration":
                return new Field(name, null, r -> duration(r.trial()));
            case "slot":
                return new Field(name, null, r -> text(r.trial().systemAttrs().get("slot")));
            default:
                break;
        }
        Matcher value = VALUE.matcher(name);
        if (value.matches()) {
            String digits = value.group(1) != null ? value.group(1) : value.group(2);
            int index = digits == null ? 0 : Integer.parseInt(digits);
            if (index >= Math.max(1, catalog.objectives())) {
                throw new FilterException("field '" + name + "': the study has " + catalog.objectives()
                        + " objective value(s), numbered from 0");
            }
            return new Field(name, null, r -> index < r.trial().values().size() ? r.trial().values().get(index) : null);
        }
        String param = name.startsWith("params.") ? name.substring("params.".length()) : name;
        if (catalog.params().contains(param)) {
            return new Field(name, null, r -> normalise(r.trial().params().get(param)));
        }
        if (name.startsWith("user.") && name.length() > 5) {
            String key = name.substring(5);
            return new Field(name, null, r -> normalise(r.trial().userAttrs().get(key)));
        }
        Matcher metric = METRIC.matcher(name);
        if (metric.matches() && catalog.metrics().contains(metric.group(1))) {
            String series = metric.group(1);
            String aggregate = metric.group(2);
            return new Field(name, series, r -> {
                MetricSummary s = r.metric(series);
                return s == null ? null : s.get(aggregate);
            });
        }
        throw new FilterException("unknown field '" + name + "': " + catalog.describe());
    }

    private static Object duration(FrozenTrial t) {
        if (t.start() == null || t.end() == null) {
            return null;
        }
        return Duration.between(t.start(), t.end()).toNanos() / 1e9;
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
