package io.tunelab.trainers.tribuo;

import static io.tunelab.trainers.params.Hyperparameter.integer;
import static io.tunelab.trainers.params.Hyperparameter.real;

import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.trainers.TrainersException;
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
    static final Hyperparameters REGRESSION = Hyperparameters.of(
            integer("n_trees", 100, "trees in the forest").range(IntDistribution.logUniform(10, 200)),
            CartSpec.maxDepth(),
            real("fraction_features", 0.5, "share of features tried at each split; below 1, as Tribuo requires of forests")
                    .range(FloatDistribution.uniform(0.2, 0.9)),
            real("min_child_weight", 5, "least example weight in a leaf (Tribuo's default)")
                    .range(FloatDistribution.logUniform(1, 16)));
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
        return new RandomForestTrainer<>(CartSpec.tree(p, fractionFeatures(p), seed), new VotingCombiner(),
                trees, seed);
    }

    @Override
    Trainer<Regressor> regressor(Params p, long seed) {
        int trees = p.integer("n_trees");
        return new RandomForestTrainer<>(CartSpec.regressionTree(p, fractionFeatures(p), seed),
                new AveragingCombiner(), trees, seed);
    }

    /**
     * {@code fraction_features}, which Tribuo's forests need in (0, 1): at 1 every split sees every feature, and
     * Tribuo refuses the forest with a message that names neither the parameter nor the value.
     */
    private static float fractionFeatures(Params p) {
        double f = p.real("fraction_features");
        if (!(f > 0 && f < 1)) {
            throw new TrainersException("fraction_features: a random forest needs a share of the features per split "
                    + "above 0 and below 1 (at 1 every split sees every feature: that is the cart trainer), got " + f);
        }
        return (float) f;
    }
}
