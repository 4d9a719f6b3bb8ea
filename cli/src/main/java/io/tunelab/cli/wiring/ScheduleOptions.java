package io.tunelab.cli.wiring;

import io.tunelab.cli.error.CliException;
import io.tunelab.spec.FitSpec;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.djl.train.DjlHyperparameters;
import io.tunelab.trainers.djl.train.ParamNames;
import io.tunelab.trainers.params.Hyperparameter;
import io.tunelab.trainers.schedule.PiecewiseEpochs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of a study file's {@code fit.schedule} as the DJL trainers' fixed parameters: each option's names (Keras's
 * and the book's spellings), which schedule reads it, and the values it takes. An option the chosen schedule does not
 * read ({@code s} of a cosine schedule) is refused rather than ignored. Stateless.
 */
final class ScheduleOptions {

    /**
     * One option: the parameter it sets and the names a file may give it. Its values are the ones the trainer admits for
     * that parameter ({@link DjlHyperparameters#CATALOGUE}), so the file is refused what a trial would fail on.
     */
    private record Option(String param, List<String> names) {
        private Hyperparameter hyperparameter() {
            return DjlHyperparameters.CATALOGUE.get(param);
        }

        boolean admits(Object value) {
            Hyperparameter h = hyperparameter();
            if (h.kind() == Hyperparameter.Kind.LIST) {
                return true; // checked together with the other list ({@link #piecewise})
            }
            if (!(value instanceof Number n) || h.kind() == Hyperparameter.Kind.INT && n.doubleValue() != Math.rint(n.doubleValue())) {
                return false;
            }
            try {
                h.admit(value);
                return true;
            } catch (TrainersException e) {
                return false;
            }
        }

        String expected() {
            Hyperparameter h = hyperparameter();
            return (h.kind() == Hyperparameter.Kind.INT ? "a whole number " : "a number ") + h.allowed().describe();
        }
    }

    private static final Option S = new Option(ParamNames.LR_DECAY_EPOCHS, List.of("s", "decay_epochs"));
    private static final Option POWER = new Option(ParamNames.LR_POWER, List.of("power", "c"));
    private static final Option RATE = new Option(ParamNames.LR_DECAY_RATE, List.of("rate", "factor", "decay_rate"));
    private static final Option PATIENCE = new Option(ParamNames.LR_PATIENCE, List.of("patience"));
    private static final Option MIN_LR = new Option(ParamNames.LR_MIN, List.of("min_lr", "lr_min"));
    private static final Option WARMUP = new Option(ParamNames.WARMUP_EPOCHS, List.of("warmup_epochs"));
    private static final Option BOUNDARIES = new Option(ParamNames.LR_BOUNDARIES, List.of("boundaries", "lr_boundaries"));
    private static final Option VALUES = new Option(ParamNames.LR_VALUES, List.of("values", "lr_values"));
    private static final List<Option> ALL = List.of(S, POWER, RATE, PATIENCE, MIN_LR, WARMUP, BOUNDARIES, VALUES);

    /** What each schedule reads (every one can be preceded by a warm-up). */
    private static final Map<String, List<Option>> READS = Map.of(
            "constant", List.of(WARMUP),
            "warmup", List.of(WARMUP),
            "power", List.of(S, POWER, WARMUP),
            "exponential", List.of(S, RATE, WARMUP),
            "piecewise", List.of(BOUNDARIES, VALUES, RATE, WARMUP),
            "plateau", List.of(RATE, PATIENCE, MIN_LR, WARMUP),
            "one_cycle", List.of(WARMUP),
            "cosine", List.of(MIN_LR, WARMUP));

    private ScheduleOptions() {
    }

    /** The schedule's options by parameter name, for training of any length ({@link #params(FitSpec.Schedule, Integer)}). */
    static Map<String, Object> params(FitSpec.Schedule schedule) {
        return params(schedule, null);
    }

    /**
     * The schedule's options by parameter name.
     *
     * @param epochs the file's {@code fit.epochs}, or null when it gives none
     * @throws CliException naming {@code fit.schedule.NAME}: an unknown option, one the schedule does not read, or a value
     *                      out of its range; piecewise {@code boundaries} and {@code values} that are not both given, that
     *                      {@link PiecewiseEpochs#of} refuses, with {@code rate} (which they replace), or with a boundary at
     *                      or after {@code epochs} (its value would never be used)
     */
    static Map<String, Object> params(FitSpec.Schedule schedule, Integer epochs) {
        List<Option> reads = READS.getOrDefault(schedule.type(), List.of(WARMUP));
        Map<String, Object> params = new LinkedHashMap<>();
        schedule.options().forEach((name, value) -> {
            Option option = ALL.stream().filter(o -> o.names().contains(name)).findFirst().orElseThrow(() ->
                    new CliException("fit.schedule." + name + ": unknown schedule option; expected s, power, rate,"
                            + " patience, min_lr, warmup_epochs, boundaries or values"));
            if (!reads.contains(option)) {
                throw new CliException("fit.schedule." + name + ": the " + schedule.type() + " schedule does not read "
                        + name + ", so it would be ignored; it reads " + String.join(", ",
                        reads.stream().map(o -> o.names().get(0)).toList()));
            }
            if (!option.admits(value)) {
                throw new CliException("fit.schedule." + name + ": expected " + option.expected() + ", got " + value);
            }
            params.put(option.param(), value);
        });
        if (params.containsKey(BOUNDARIES.param()) || params.containsKey(VALUES.param())) {
            piecewise(schedule, params, epochs);
        }
        return params;
    }

    /** Checks piecewise {@code boundaries} and {@code values} given in {@code schedule}, read into {@code params}. */
    private static void piecewise(FitSpec.Schedule schedule, Map<String, Object> params, Integer epochs) {
        String example = "e.g. boundaries: [5, 15], values: [0.01, 0.005, 0.001] (Keras's PiecewiseConstantDecay, in"
                + " epochs)";
        for (Option[] pair : new Option[][] {{BOUNDARIES, VALUES}, {VALUES, BOUNDARIES}}) {
            if (!params.containsKey(pair[1].param())) {
                throw new CliException("fit.schedule." + given(schedule, pair[0]) + ": given without "
                        + pair[1].names().get(0) + "; expected both, " + example);
            }
        }
        if (params.containsKey(RATE.param())) {
            throw new CliException("fit.schedule." + given(schedule, RATE) + ": the piecewise schedule with values does not"
                    + " read rate, so it would be ignored; expected values alone, or rate without boundaries and values");
        }
        PiecewiseEpochs piecewise;
        try {
            piecewise = PiecewiseEpochs.of(params.get(BOUNDARIES.param()), params.get(VALUES.param()),
                    "fit.schedule." + given(schedule, BOUNDARIES), "fit.schedule." + given(schedule, VALUES));
        } catch (TrainersException e) {
            throw new CliException(e.getMessage());
        }
        List<Long> boundaries = piecewise.boundaries();
        if (epochs != null && !boundaries.isEmpty() && boundaries.get(boundaries.size() - 1) >= epochs) {
            throw new CliException("fit.schedule." + given(schedule, BOUNDARIES) + ": epoch " + boundaries.get(boundaries.size() - 1)
                    + " is not before fit.epochs " + epochs + ", so values[" + boundaries.size() + "] would never be used;"
                    + " expected epochs below " + epochs + " (boundaries count epochs; Keras's count steps)");
        }
    }

    /** The name the file gives {@code option} (one of its spellings). */
    private static String given(FitSpec.Schedule schedule, Option option) {
        return option.names().stream().filter(schedule.options()::containsKey).findFirst().orElse(option.names().get(0));
    }
}
