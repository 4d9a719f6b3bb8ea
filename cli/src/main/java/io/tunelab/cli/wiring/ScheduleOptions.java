package io.tunelab.cli.wiring;

import io.tunelab.cli.error.CliException;
import io.tunelab.spec.FitSpec;
import io.tunelab.trainers.djl.train.ParamNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of a study file's {@code fit.schedule} as the DJL trainers' fixed parameters: each option's names (Keras's
 * and the book's spellings), which schedule reads it, and the values it takes. An option the chosen schedule does not
 * read ({@code s} of a cosine schedule) is refused rather than ignored. Stateless.
 */
final class ScheduleOptions {

    /** One option: the parameter it sets, the names a file may give it, and the least value (exclusive or not). */
    private record Option(String param, List<String> names, double least, boolean strict, boolean whole) {
        boolean admits(double v) {
            return (strict ? v > least : v >= least) && (!whole || v == Math.rint(v));
        }

        String expected() {
            return (whole ? "a whole number " : "a number ") + (strict ? "> " : ">= ") + (int) least;
        }
    }

    private static final Option S = new Option(ParamNames.LR_DECAY_EPOCHS, List.of("s", "decay_epochs"), 0, true, false);
    private static final Option POWER = new Option(ParamNames.LR_POWER, List.of("power", "c"), 0, true, false);
    private static final Option RATE = new Option(ParamNames.LR_DECAY_RATE, List.of("rate", "factor", "decay_rate"), 0, true,
            false);
    private static final Option PATIENCE = new Option(ParamNames.LR_PATIENCE, List.of("patience"), 0, false, true);
    private static final Option MIN_LR = new Option(ParamNames.LR_MIN, List.of("min_lr", "lr_min"), 0, false, false);
    private static final Option WARMUP = new Option(ParamNames.WARMUP_EPOCHS, List.of("warmup_epochs"), 0, false, false);
    private static final List<Option> ALL = List.of(S, POWER, RATE, PATIENCE, MIN_LR, WARMUP);

    /** What each schedule reads (every one can be preceded by a warm-up). */
    private static final Map<String, List<Option>> READS = Map.of(
            "constant", List.of(WARMUP),
            "warmup", List.of(WARMUP),
            "power", List.of(S, POWER, WARMUP),
            "exponential", List.of(S, RATE, WARMUP),
            "piecewise", List.of(RATE, WARMUP),
            "plateau", List.of(RATE, PATIENCE, MIN_LR, WARMUP),
            "one-cycle", List.of(WARMUP),
            "cosine", List.of(MIN_LR, WARMUP));

    private ScheduleOptions() {
    }

    /**
     * The schedule's options by parameter name.
     *
     * @throws CliException naming {@code fit.schedule.NAME}: an unknown option, one the schedule does not read, or a value
     *                      out of its range
     */
    static Map<String, Object> params(FitSpec.Schedule schedule) {
        List<Option> reads = READS.getOrDefault(schedule.type(), List.of(WARMUP));
        Map<String, Object> params = new LinkedHashMap<>();
        schedule.options().forEach((name, value) -> {
            Option option = ALL.stream().filter(o -> o.names().contains(name)).findFirst().orElseThrow(() ->
                    new CliException("fit.schedule." + name + ": unknown schedule option; expected s, power, rate,"
                            + " patience, min_lr or warmup_epochs"));
            if (!reads.contains(option)) {
                throw new CliException("fit.schedule." + name + ": the " + schedule.type() + " schedule does not read "
                        + name + ", so it would be ignored; it reads " + String.join(", ",
                        reads.stream().map(o -> o.names().get(0)).toList()));
            }
            if (!(value instanceof Number n) || !option.admits(n.doubleValue())) {
                throw new CliException("fit.schedule." + name + ": expected " + option.expected() + ", got " + value);
            }
            params.put(option.param(), value);
        });
        return params;
    }
}
