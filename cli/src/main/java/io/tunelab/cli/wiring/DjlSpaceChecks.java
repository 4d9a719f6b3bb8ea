package io.tunelab.cli.wiring;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.error.ProblemList;
import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.spec.Condition;
import io.tunelab.spec.FitSpec;
import io.tunelab.spec.SpaceParameter;
import io.tunelab.spec.StudySpec;
import io.tunelab.trainers.djl.train.DjlHyperparameters;
import io.tunelab.trainers.djl.train.ParamNames;
import io.tunelab.trainers.params.Hyperparameter;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks of a DJL study file's space that need more than one parameter's entry: a per-layer width a trial never reads
 * because no trial has that many hidden layers, an {@code n_neurons} the per-layer widths of every layer override, a
 * learning rate a piecewise schedule's values replace. Stateless.
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
        int most = mostLayers(spec);
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
     * Refuses a searched {@code n_neurons} when the space gives every hidden layer its own width ({@link #widthOfEveryLayer}):
     * a layer's own width overrides {@code n_neurons}, so no trial would read it. As in Keras, where a layer's width is
     * either one shared value or one per layer, the file says one or the other.
     *
     * @throws CliException naming {@code space.n_neurons}, the widths that win over it, and what to leave out
     */
    static void neuronsBesideWidths(StudySpec spec) {
        int most = mostLayers(spec);
        if (most == 0 || !spec.space().distributions().containsKey(ParamNames.N_NEURONS) || !widthOfEveryLayer(spec)) {
            return;
        }
        String widths = most == 1 ? ParamNames.neuronsOfLayer(1)
                : ParamNames.neuronsOfLayer(1) + " to " + ParamNames.neuronsOfLayer(most);
        throw new CliException("space." + ParamNames.N_NEURONS + ": every hidden layer a trial can have has its own width ("
                + widths + "), and a layer's own width wins over n_neurons, so no trial would read n_neurons; leave"
                + " n_neurons out of the space, or leave the per-layer widths out to search one width for every layer");
    }

    /**
     * Whether the space gives each hidden layer any trial can have its own width ({@code n_units_l{k}}), suggested whenever
     * the layer exists (without a condition, or only on {@code n_hidden} reaching that layer, as {@code per_layer} makes
     * it), so that no trial reads {@code n_neurons}.
     */
    static boolean widthOfEveryLayer(StudySpec spec) {
        int most = mostLayers(spec);
        if (most == Integer.MAX_VALUE) {
            return false;
        }
        Map<String, SpaceParameter> byName = new HashMap<>();
        spec.space().parameters().forEach(p -> byName.put(p.name(), p));
        for (int layer = 0; layer < most; layer++) {
            SpaceParameter width = byName.get(ParamNames.neuronsOfLayer(layer + 1));
            int index = layer;
            if (width == null || !width.conditions().stream().allMatch(c -> holdsForLayer(c, index))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code condition} holds in every trial that has hidden layer {@code layer} (from 0). */
    private static boolean holdsForLayer(Condition condition, int layer) {
        if (!condition.parameter().equals(ParamNames.N_HIDDEN) || !(condition.operands().get(0) instanceof Number n)) {
            return false;
        }
        return condition.operator() == Condition.Operator.GT && n.doubleValue() <= layer
                || condition.operator() == Condition.Operator.GE && n.doubleValue() <= layer + 1;
    }

    /** The most hidden layers a trial of the space has: its n_hidden's largest value, else n_hidden's default. */
    private static int mostLayers(StudySpec spec) {
        Distribution counter = spec.space().distributions().get(ParamNames.N_HIDDEN);
        return counter == null ? ((Number) DjlHyperparameters.CATALOGUE.defaultOf(ParamNames.N_HIDDEN)).intValue()
                : most(counter);
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
