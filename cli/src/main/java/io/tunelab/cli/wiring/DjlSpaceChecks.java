package io.tunelab.cli.wiring;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.error.ProblemList;
import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.spec.FitSpec;
import io.tunelab.spec.StudySpec;
import io.tunelab.trainers.djl.train.DjlHyperparameters;
import io.tunelab.trainers.djl.train.ParamNames;
import io.tunelab.trainers.params.Hyperparameter;

/**
 * Checks of a DJL study file's space that need more than one parameter's entry: a per-layer width a trial never reads
 * because no trial has that many hidden layers, a learning rate a piecewise schedule's values replace. Stateless.
 */
final class DjlSpaceChecks {
    private static final Hyperparameter PER_LAYER = DjlHyperparameters.CATALOGUE.get(ParamNames.N_UNITS_PER_LAYER);

    private DjlSpaceChecks() {
    }

    /**
     * Refuses a width {@code n_units_l{k}} for a layer no trial has: an MLP reads {@code n_units_lk} only when
     * {@code n_hidden > k}, and the space's {@code n_hidden} (or its default) is never more than {@code k}.
     *
     * @throws CliException naming each such field, the most hidden layers the space allows and its largest layer index
     */
    static void layers(StudySpec spec) {
        Distribution counter = spec.space().distributions().get(ParamNames.N_HIDDEN);
        int most = counter == null ? ((Number) DjlHyperparameters.CATALOGUE.defaultOf(ParamNames.N_HIDDEN)).intValue()
                : most(counter);
        ProblemList problems = new ProblemList();
        for (String name : spec.space().distributions().keySet()) {
            if (!PER_LAYER.matches(name) || name.equals(PER_LAYER.name())) {
                continue;
            }
            int layer = Integer.parseInt(name.substring(PER_LAYER.name().indexOf("{i}")));
            if (layer >= most) {
                problems.add("space." + name + ": " + spec.trainer().name() + " reads " + name + " only in trials"
                        + " with n_hidden > " + layer + ", but n_hidden is " + (counter == null ? most + " (the default)"
                        : "at most " + most + " (" + counter.describe() + ")") + ", so it would be ignored; "
                        + (most == 0 ? "no trial has a hidden layer" : "the largest layer index the space allows is "
                        + (most - 1) + " (" + ParamNames.neuronsOfLayer(most) + ")") + ". Widen n_hidden or leave " + name + " out");
            }
        }
        problems.throwIfAny();
    }

    /**
     * Refuses a searched {@code learning_rate} when the file's piecewise schedule gives its {@code values}: they are the
     * rates, so every trial would train alike whatever learning rate it was given.
     *
     * @throws CliException naming {@code space.learning_rate} and the values that replace it
     */
    static void piecewiseRates(StudySpec spec) {
        FitSpec.Schedule schedule = spec.fit().schedule();
        if (givesPiecewiseValues(schedule) && spec.space().distributions().containsKey(ParamNames.LEARNING_RATE)) {
            Object given = schedule.options().getOrDefault("values", schedule.options().get("lr_values"));
            throw new CliException("space." + ParamNames.LEARNING_RATE + ": fit.schedule.values " + given + " are the"
                    + " piecewise schedule's learning rates, so learning_rate would be ignored and every trial train"
                    + " alike; leave learning_rate out of the space, or drop boundaries and values to decay it by rate");
        }
    }

    /** Whether {@code schedule} (null for none) is piecewise with its own values, which replace the learning rate. */
    static boolean givesPiecewiseValues(FitSpec.Schedule schedule) {
        return schedule != null && schedule.type().equals("piecewise")
                && (schedule.options().containsKey("values") || schedule.options().containsKey("lr_values"));
    }

    /** The largest number of layers {@code counter} gives; unbounded for a distribution that is not of whole numbers. */
    private static int most(Distribution counter) {
        if (counter instanceof IntDistribution d) {
            return d.high();
        }
        if (counter instanceof CategoricalDistribution c) {
            return c.choices().stream().filter(Number.class::isInstance).mapToInt(v -> ((Number) v).intValue()).max()
                    .orElse(Integer.MAX_VALUE);
        }
        return Integer.MAX_VALUE;
    }
}
