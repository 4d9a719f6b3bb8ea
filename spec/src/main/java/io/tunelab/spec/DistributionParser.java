package io.tunelab.spec;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.ExponentialDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.space.InvalidDistributionException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the distribution of one space entry: {@code {uniform: [a, b]}} or {@code {float: [a, b]}}
 * (optional {@code log: true} or {@code step}), {@code {reciprocal: [a, b]}} (log-uniform),
 * {@code {expon: {scale: s}}} (exponential as scipy's {@code expon}, optional {@code loc}),
 * {@code {int: [a, b]}} (optional {@code log} or {@code step}) and {@code {choice: [...]}}.
 *
 * <p>The range rules are the {@code search} distributions' own: this class builds the distribution
 * and, when it refuses, reports its message at the element it concerns. To find that element it
 * builds narrower distributions first (the low bound alone, the high bound alone, the range without a
 * step), so a bad low bound is reported at {@code [0]} and a bad step at {@code step}.
 */
final class DistributionParser {
    /** The keys that name a distribution kind. */
    static final List<String> KINDS = List.of("uniform", "float", "reciprocal", "expon", "int", "choice");
    static final int MAX_CHOICES = 1000;
    private static final Range INT32 = Range.closed(Integer.MIN_VALUE, Integer.MAX_VALUE);

    private DistributionParser() {
    }

    /** The distribution of {@code entry}, or null after recording problems. */
    static Distribution parse(Fields entry) {
        List<String> kinds = KINDS.stream().filter(entry::has).toList();
        if (kinds.isEmpty()) {
            entry.problems().at(entry.node(), entry.path(), "needs one of " + Texts.oneOf(KINDS)
                    + ", e.g. {float: [0.0, 0.5]}");
            return null;
        }
        if (kinds.size() > 1) {
            entry.problems().at(entry.keyNode(kinds.get(1)), entry.path(kinds.get(1)),
                    "give only one of " + Texts.oneOf(KINDS) + ", got " + String.join(" and ", kinds));
            return null;
        }
        String kind = kinds.get(0);
        return switch (kind) {
            case "choice" -> choice(entry);
            case "int" -> integer(entry);
            case "expon" -> expon(entry);
            default -> floating(entry, kind);
        };
    }

    private static Distribution floating(Fields entry, String kind) {
        boolean reciprocal = kind.equals("reciprocal");
        Boolean log = entry.bool("log");
        if (reciprocal && Boolean.FALSE.equals(log)) {
            entry.problems().at(entry.get("log"), entry.path("log"),
                    "reciprocal is log-uniform, so log: false contradicts it; use float for a uniform range");
            return null;
        }
        double[] bounds = bounds(entry, kind, Range.any());
        // step 0 means "no grid" to FloatDistribution; in a file it is a mistake, so it must be > 0 here
        Double step = entry.has("step") ? entry.number("step", Range.positive(), false) : Double.valueOf(0);
        if (bounds == null || step == null || (entry.has("log") && log == null)) {
            return null;
        }
        boolean isLog = reciprocal || Boolean.TRUE.equals(log);
        double low = bounds[0];
        double high = bounds[1];
        List<Attempt> attempts = new ArrayList<>(List.of(
                new Attempt(() -> new FloatDistribution(low, low, isLog, 0), element(entry, kind, 0)),
                new Attempt(() -> new FloatDistribution(high, high, isLog, 0), element(entry, kind, 1)),
                new Attempt(() -> new FloatDistribution(low, high, isLog, 0), whole(entry, kind))));
        if (entry.has("step")) {
            attempts.add(new Attempt(() -> new FloatDistribution(low, high, isLog, step), whole(entry, "step")));
        }
        return firstRefusal(attempts, entry.problems());
    }

    private static Distribution integer(Fields entry) {
        Boolean log = entry.bool("log");
        double[] bounds = bounds(entry, "int", INT32);
        Long step = entry.has("step") ? entry.integer("step", INT32, false) : Long.valueOf(1);
        if (bounds == null || step == null || (entry.has("log") && log == null)) {
            return null;
        }
        boolean isLog = Boolean.TRUE.equals(log);
        int low = (int) bounds[0];
        int high = (int) bounds[1];
        int s = step.intValue();
        List<Attempt> attempts = new ArrayList<>(List.of(
                new Attempt(() -> new IntDistribution(low, low, isLog, 1), element(entry, "int", 0)),
                new Attempt(() -> new IntDistribution(high, high, isLog, 1), element(entry, "int", 1)),
                new Attempt(() -> new IntDistribution(low, high, isLog, 1), whole(entry, "int"))));
        if (entry.has("step")) {
            attempts.add(new Attempt(() -> new IntDistribution(low, high, isLog, s), whole(entry, "step")));
        }
        return firstRefusal(attempts, entry.problems());
    }

    /** {@code {expon: {scale: s, loc: l}}}: scipy's {@code expon(loc=l, scale=s)}, {@code loc} 0 by default. */
    private static Distribution expon(Fields entry) {
        refuseModifiers(entry, "expon", "it has its own law; use reciprocal for a log-uniform range");
        Fields law = Fields.of(entry.get("expon"), entry.path("expon"), entry.problems());
        if (law == null) {
            return null;
        }
        int before = entry.problems().count();
        law.allow(List.of("scale", "loc"));
        Double scale = law.number("scale", Range.positive(), true);
        Double loc = law.number("loc", Range.any(), false);
        if (entry.problems().count() != before) {
            return null;
        }
        double from = loc == null ? 0 : loc;
        return firstRefusal(List.of(new Attempt(() -> new ExponentialDistribution(from, scale), whole(entry, "expon"))),
                entry.problems());
    }

    private static void refuseModifiers(Fields entry, String kind, String advice) {
        for (String modifier : List.of("log", "step")) {
            if (entry.has(modifier)) {
                entry.problems().at(entry.keyNode(modifier), entry.path(modifier),
                        modifier + " does not apply to " + kind + "; " + advice);
            }
        }
    }

    private static Distribution choice(Fields entry) {
        refuseModifiers(entry, "choice", "list the values you want instead");
        SequenceNode list = Values.sequence(entry.get("choice"), entry.path("choice"), entry.problems());
        if (list == null) {
            return null;
        }
        if (list.getValue().size() > MAX_CHOICES) {
            entry.problems().at(list, entry.path("choice"), "has " + list.getValue().size()
                    + " choices, more than the " + MAX_CHOICES + " allowed");
            return null;
        }
        List<Object> choices = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < list.getValue().size(); i++) {
            Node item = list.getValue().get(i);
            Object value = item instanceof ScalarNode s ? Scalars.value(s) : null;
            if (value == null || value instanceof BigInteger) {
                entry.problems().at(item, Paths.index(entry.path("choice"), i),
                        "choices must be strings, numbers or booleans, got " + Values.describe(item));
                ok = false;
            }
            choices.add(value);
        }
        if (!ok) {
            return null;
        }
        // Growing prefixes: the first one refused ends at the offending choice (a duplicate, a NaN).
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            List<Object> prefix = List.copyOf(choices.subList(0, i + 1));
            attempts.add(new Attempt(() -> new CategoricalDistribution(prefix),
                    new Where(list.getValue().get(i), Paths.index(entry.path("choice"), i))));
        }
        attempts.add(new Attempt(() -> new CategoricalDistribution(choices), whole(entry, "choice")));
        return firstRefusal(attempts, entry.problems());
    }

    /** {@code [low, high]}: a list of exactly two numbers within {@code range}. */
    private static double[] bounds(Fields entry, String kind, Range range) {
        SequenceNode list = Values.sequence(entry.get(kind), entry.path(kind), entry.problems());
        if (list == null) {
            return null;
        }
        if (list.getValue().size() != 2) {
            entry.problems().at(list, entry.path(kind), "expected [low, high], got " + list.getValue().size()
                    + (list.getValue().size() == 1 ? " value" : " values"));
            return null;
        }
        double[] out = new double[2];
        boolean ok = true;
        for (int i = 0; i < 2; i++) {
            Node item = list.getValue().get(i);
            String path = Paths.index(entry.path(kind), i);
            Number n;
            if (range == INT32) {
                n = Values.integer(item, path, range, entry.problems());
            } else {
                n = Values.number(item, path, range, entry.problems());
            }
            ok &= n != null;
            out[i] = n == null ? 0 : n.doubleValue();
        }
        return ok ? out : null;
    }

    private static Where element(Fields entry, String kind, int index) {
        return new Where(((SequenceNode) entry.get(kind)).getValue().get(index),
                Paths.index(entry.path(kind), index));
    }

    private static Where whole(Fields entry, String key) {
        return new Where(entry.get(key), entry.path(key));
    }

    /** Builds each attempt in turn; the first refusal is reported where it belongs. */
    private static Distribution firstRefusal(List<Attempt> attempts, Problems problems) {
        Distribution last = null;
        for (Attempt attempt : attempts) {
            try {
                last = attempt.make().get();
            } catch (InvalidDistributionException e) {
                problems.at(attempt.where().node(), attempt.where().path(), e.getMessage());
                return null;
            }
        }
        return last;
    }

    private record Where(Node node, String path) {
    }

    private record Attempt(Supplier<Distribution> make, Where where) {
    }
}
