package io.tunelab.trainers.tribuo;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.trial.Trial;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.tabular.Task;
import java.util.Map;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/**
 * What every {@link TribuoTrainerSpec} shares: default ranges per task, validated overrides, and binding
 * the space to a trial. Subclasses state their defaults and build trainers from {@link Params}.
 */
abstract class AbstractTrainerSpec implements TribuoTrainerSpec {
    private final String name;
    private final ParamSpace classification;
    private final ParamSpace regression;
    private final ParamSpace overrides;

    /**
     * @param name           the family's name
     * @param classification default ranges of the parameters read for classification
     * @param regression     default ranges of the parameters read for regression
     * @param overrides      ranges replacing defaults of the same name
     */
    AbstractTrainerSpec(String name, ParamSpace classification, ParamSpace regression, ParamSpace overrides) {
        this.name = name;
        this.classification = classification;
        this.regression = regression;
        this.overrides = overrides;
    }

    /** The same family with these overrides. */
    abstract TribuoTrainerSpec withOverrides(ParamSpace overrides);

    abstract Trainer<Label> classifier(Params params, long seed);

    abstract Trainer<Regressor> regressor(Params params, long seed);

    @Override
    public final String name() {
        return name;
    }

    /** The default ranges for {@code task}. */
    final ParamSpace defaults(Task task) {
        return task == Task.CLASSIFICATION ? classification : regression;
    }

    @Override
    public final ParamSpace space(Task task) {
        ParamSpace defaults = defaults(task);
        ParamSpace applicable = ParamSpace.empty();
        for (Map.Entry<String, Distribution> e : overrides.ranges().entrySet()) {
            if (defaults.contains(e.getKey())) {
                applicable = applicable.with(e.getKey(), e.getValue());
            }
        }
        return defaults.overriddenBy(applicable);
    }

    @Override
    public final Trainer<Label> classifier(Trial trial) {
        return classifier(space(Task.CLASSIFICATION).bind(trial), trial.seed());
    }

    @Override
    public final Trainer<Regressor> regressor(Trial trial) {
        return regressor(space(Task.REGRESSION).bind(trial), trial.seed());
    }

    @Override
    public final TribuoTrainerSpec with(String param, Distribution distribution) {
        Distribution known = defaults(Task.CLASSIFICATION).ranges().get(param);
        if (known == null) {
            known = defaults(Task.REGRESSION).ranges().get(param);
        }
        if (known == null) {
            throw new TrainersException(name() + " has no parameter '" + param + "'; its parameters are "
                    + defaults(Task.CLASSIFICATION).ranges().keySet() + " (classification) and "
                    + defaults(Task.REGRESSION).ranges().keySet() + " (regression)");
        }
        if (known.getClass() != distribution.getClass()) {
            throw new TrainersException(name() + " parameter '" + param + "' is drawn from a "
                    + known.getClass().getSimpleName() + " (default " + known.describe() + "), got "
                    + distribution.describe());
        }
        return withOverrides(overrides.with(param, distribution));
    }

    @Override
    public final TribuoTrainerSpec fixed(String param, Object value) {
        return with(param, ParamSpace.empty().fixed(param, value).get(param));
    }

    @Override
    public String toString() {
        return name() + space(Task.CLASSIFICATION);
    }
}
