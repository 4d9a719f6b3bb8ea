package io.tunelab.trainers.tribuo;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.trial.Trial;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.params.Hyperparameter;
import io.tunelab.trainers.params.Hyperparameters;
import io.tunelab.trainers.tabular.Task;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/**
 * What every {@link TribuoTrainerSpec} shares: a catalogue per task (defaults, built-in ranges), the
 * parameters searched by request, and binding them to a trial. Subclasses state their catalogues and
 * build trainers from {@link Params}.
 */
abstract class AbstractTrainerSpec implements TribuoTrainerSpec {
    /** User attribute holding the parameters a trial read at their defaults, as the DJL objective records them. */
    static final String FIXED_PARAMS = "fixed_params";

    private final String name;
    private final Hyperparameters classification;
    private final Hyperparameters regression;
    private final Search search;

    /**
     * What a spec searches: the named ranges, and whether the rest, but for {@code notBuiltIn} (suggested by the
     * caller's space), are searched over their built-in ranges.
     */
    record Search(ParamSpace named, boolean builtInRanges, Set<String> notBuiltIn) {
        static final Search NOTHING = new Search(ParamSpace.empty(), false, Set.of());

        Search {
            notBuiltIn = Set.copyOf(notBuiltIn);
        }
    }

    /**
     * @param name           the family's name
     * @param classification the parameters read for classification
     * @param regression     the parameters read for regression
     * @param search         what is searched rather than left at its default
     */
    AbstractTrainerSpec(String name, Hyperparameters classification, Hyperparameters regression, Search search) {
        this.name = name;
        this.classification = classification;
        this.regression = regression;
        this.search = search;
    }

    /** The same family searching {@code search}. */
    abstract TribuoTrainerSpec searching(Search search);

    abstract Trainer<Label> classifier(Params params, long seed);

    abstract Trainer<Regressor> regressor(Params params, long seed);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Hyperparameters hyperparameters(Task task) {
        return task == Task.CLASSIFICATION ? classification : regression;
    }

    @Override
    public final ParamSpace space(Task task) {
        Hyperparameters catalogue = hyperparameters(task);
        ParamSpace space = ParamSpace.empty();
        if (search.builtInRanges()) {
            for (Map.Entry<String, Distribution> e : catalogue.ranges().entrySet()) {
                if (!search.notBuiltIn().contains(e.getKey())) {
                    space = space.with(e.getKey(), e.getValue());
                }
            }
        }
        for (Map.Entry<String, Distribution> e : search.named().ranges().entrySet()) {
            if (catalogue.find(e.getKey()).isPresent()) {
                space = space.with(e.getKey(), e.getValue());
            }
        }
        return space;
    }

    @Override
    public final Trainer<Label> classifier(Trial trial) {
        Params params = new Params(classification, space(Task.CLASSIFICATION), trial);
        Trainer<Label> trainer = classifier(params, trial.seed());
        trial.setUserAttr(FIXED_PARAMS, params.defaulted());
        return trainer;
    }

    @Override
    public final Trainer<Regressor> regressor(Trial trial) {
        Params params = new Params(regression, space(Task.REGRESSION), trial);
        Trainer<Regressor> trainer = regressor(params, trial.seed());
        trial.setUserAttr(FIXED_PARAMS, params.defaulted());
        return trainer;
    }

    @Override
    public final TribuoTrainerSpec with(String param, Distribution distribution) {
        Hyperparameter known = classification.find(param).or(() -> regression.find(param))
                .orElseThrow(() -> new TrainersException(name() + " has no parameter '" + param + "'; its parameters are "
                        + classification.names() + " (classification) and " + regression.names() + " (regression)"));
        if (!known.accepts(distribution)) {
            throw new TrainersException(name() + " parameter '" + param + "' is " + known.describeKind()
                    + Optional.ofNullable(known.range()).map(r -> " (built-in range " + r.describe() + ")").orElse("")
                    + ", so it cannot be drawn from " + distribution.describe());
        }
        return searching(new Search(search.named().with(param, distribution), search.builtInRanges(), search.notBuiltIn()));
    }

    @Override
    public final TribuoTrainerSpec fixed(String param, Object value) {
        return with(param, ParamSpace.empty().fixed(param, value).get(param));
    }

    @Override
    public final TribuoTrainerSpec withBuiltInRangesBut(Set<String> suggestedByCaller) {
        return searching(new Search(search.named(), true, suggestedByCaller));
    }

    @Override
    public String toString() {
        return name() + space(Task.CLASSIFICATION);
    }
}
