package io.tunelab.trainers.tribuo;

import static io.tunelab.trainers.params.Hyperparameter.integer;
import static io.tunelab.trainers.params.Hyperparameter.real;

import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.trainers.params.Allowed;
import io.tunelab.trainers.params.Hyperparameters;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;

/**
 * A random forest (Breiman, "Random Forests", Machine Learning 45, 2001): bagged CART trees, each
 * split choosing among a random fraction of the features; votes (classification) or averages
 * (regression) the trees. Parameters, defaults and built-in ranges: {@link #CLASSIFICATION},
 * {@link #REGRESSION}, shown in {@code docs/study-files.md}.
 */
public final class RandomForestSpec extends AbstractTrainerSpec {
    /** Tribuo's forests take a share of the features per split in (0, 1): at 1 every split sees every feature (cart). */
    private static final Allowed.Bounds FOREST_SHARE = new Allowed.Bounds(0, false, 1, false);
    static final Hyperparameters REGRESSION = Hyperparameters.of(
            integer("n_trees", 100, "trees in the forest").within(Allowed.AT_LEAST_ONE)
                    .range(IntDistribution.logUniform(10, 200)),
            CartSpec.maxDepth(),
            real("fraction_features", 0.5, "share of features tried at each split; below 1, as Tribuo requires of forests")
                    .within(FOREST_SHARE).range(FloatDistribution.uniform(0.2, 0.9)),
            real("min_child_weight", 5, "least example weight in a leaf (Tribuo's default)")
                    .within(Allowed.POSITIVE).range(FloatDistribution.logUniform(1, 16)));
    static final Hyperparameters CLASSIFICATION = CartSpec.withImpurity(REGRESSION);

    private RandomForestSpec(Search search) {
        super("random_forest", CLASSIFICATION, REGRESSION, search);
    }

    /** A forest with every parameter at its default. */
    public static RandomForestSpec defaults() {
        return new RandomForestSpec(Search.NOTHING);
    }

    @Override
    TribuoTrainerSpec searching(Search search) {
        return new RandomForestSpec(search);
    }

    @Override
    Trainer<Label> classifier(Params p, long seed) {
        int trees = p.integer("n_trees");
        return new RandomForestTrainer<>(CartSpec.tree(p, p.real32("fraction_features"), seed), new VotingCombiner(),
                trees, seed);
    }

    @Override
    Trainer<Regressor> regressor(Params p, long seed) {
        int trees = p.integer("n_trees");
        return new RandomForestTrainer<>(CartSpec.regressionTree(p, p.real32("fraction_features"), seed),
                new AveragingCombiner(), trees, seed);
    }
}
