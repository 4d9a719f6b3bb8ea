package io.tunelab.cli;

import io.tunelab.cli.output.Numbers;
import io.tunelab.cli.output.TextTable;
import io.tunelab.search.space.Distribution;
import io.tunelab.spec.BudgetSpec;
import io.tunelab.spec.FitSpec;
import io.tunelab.spec.ParallelSpec;
import io.tunelab.spec.SamplerSpec;
import io.tunelab.spec.StudySpec;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** A few aligned lines that say what a study file asks for: objective, sampler, pruner, budget, ... */
final class StudyFileSummary {
    private final StudySpec spec;

    StudyFileSummary(StudySpec spec) {
        this.spec = spec;
    }

    void print(PrintWriter out) {
        List<String> objectives = new ArrayList<>();
        for (int i = 0; i < spec.directions().size(); i++) {
            objectives.add(spec.directions().get(i).name().toLowerCase(Locale.ROOT) + " " + spec.metrics().get(i));
        }
        List<List<Object>> rows = List.of(
                List.of("objective", String.join(", ", objectives) + (spec.constraints().isEmpty() ? ""
                        : " subject to " + spec.constraints().stream().map(Object::toString).collect(Collectors.joining(", ")))),
                List.of("sampler", sampler(spec.sampler(), spec.parallel().workers())),
                List.of("pruner", spec.pruner().type() + parenthesised(spec.pruner().options())),
                List.of("budget", budget(spec.budget())),
                List.of("parallel", parallel(spec.parallel())),
                List.of("trainer", spec.trainer().name() + parenthesised(spec.trainer().options())),
                List.of("data", spec.data().dataset() + parenthesised(spec.data().options())),
                List.of("fit", fit(spec.fit(), spec.space().distributions())));
        new TextTable(List.of("", ""), rows).printRows(out, "  ");
    }

    /** The sampler's type, seed and options, and the two settings that change how it works: determinism, warm start. */
    private static String sampler(SamplerSpec sampler, int workers) {
        return sampler.type() + " (seed " + sampler.seed() + options(sampler.options())
                + (sampler.deterministicWith(workers) ? ", deterministic" : "")
                + (sampler.warmStart() == null ? "" : ", warm start from '" + sampler.warmStart().study() + "' (weight "
                + sampler.warmStart().weight() + ")") + ")";
    }

    private static String options(Map<String, Object> options) {
        return options.isEmpty() ? "" : ", " + join(options);
    }

    private static String parenthesised(Map<String, Object> options) {
        return options.isEmpty() ? "" : " (" + join(options) + ")";
    }

    private static String join(Map<String, Object> options) {
        return options.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String fromSpace(Distribution searched, Object fit) {
        return searched.describe() + " from the space" + (fit == null ? "" : ", not fit's " + fit);
    }

    static String budget(BudgetSpec budget) {
        List<String> parts = new ArrayList<>();
        budget.maxTrials().ifPresent(n -> parts.add(Numbers.count(n, "trial")));
        budget.maxDuration().ifPresent(d -> parts.add("timeout " + duration(d)));
        return String.join(", ", parts) + (parts.size() == 2 ? ", whichever comes first" : "");
    }

    static String duration(Duration d) {
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    private static String parallel(ParallelSpec p) {
        String devices = switch (p.devices()) {
            case AUTO -> "devices chosen automatically";
            case CPU -> "CPU";
            case LIST -> p.slots().stream().map(Object::toString).collect(Collectors.joining(", "));
        };
        return Numbers.count(p.workers(), "worker") + " on " + devices;
    }

    /**
     * The fit section; a value the space also names is shown as the space's, which the trials read instead
     * ({@code epochs choice[5] from the space, not fit's 2}).
     */
    private static String fit(FitSpec fit, Map<String, Distribution> space) {
        List<String> parts = new ArrayList<>();
        if (space.containsKey("epochs")) {
            parts.add("epochs " + fromSpace(space.get("epochs"), fit.epochs()));
        } else if (fit.epochs() != null) {
            parts.add(Numbers.count(fit.epochs(), "epoch"));
        }
        if (space.containsKey("batch_size")) {
            parts.add("batch size " + fromSpace(space.get("batch_size"), fit.batchSize()));
        } else if (fit.batchSize() != null) {
            parts.add("batch size " + fit.batchSize());
        }
        if (fit.earlyStopping() != null) {
            FitSpec.EarlyStopping es = fit.earlyStopping();
            parts.add("early stopping on " + es.monitor() + " (patience " + (space.containsKey("patience")
                    ? fromSpace(space.get("patience"), es.patience()) : es.patience()) + ", min delta "
                    + (space.containsKey("min_delta") ? fromSpace(space.get("min_delta"), es.minDelta()) : es.minDelta())
                    + (es.restoreBest() ? ", restore best" : "") + ")");
        } else if (space.containsKey("patience")) {
            parts.add("patience " + fromSpace(space.get("patience"), null));
        }
        if (fit.schedule() != null) {
            parts.add(fit.schedule().type() + " schedule" + parenthesised(fit.schedule().options()));
        }
        return parts.isEmpty() ? "trainer defaults" : String.join(", ", parts);
    }
}
