package io.tunelab.trainers.tribuo;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;

/**
 * A random forest (Breiman, "Random Forests", Machine Learning 45, 2001): bagged CART trees, each
 * split choosing among a random fraction of the features; votes (classification) or averages
 * (regression) the trees.
 *
 * <table>
 * <caption>Parameters and default ranges</caption>
 * <tr><th>name</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code n_trees}</td><td>int [10, 200] log</td><td>trees in the forest</td></tr>
 * <tr><td>{@code max_depth}</td><td>int [2, 20]</td><td>deepest split of each tree</td></tr>
 * <tr><td>{@code fraction_features}</td><td>float [0.2, 0.9]</td><td>share of features tried at each
 *     split; must stay below 1 (Tribuo requires it of forests)</td></tr>
 * <tr><td>{@code min_child_weight}</td><td>float [1, 16] log</td><td>least example weight in a leaf</td></tr>
 * <tr><td>{@code impurity}</td><td>{@code gini, entropy} (classification only)</td><td>split criterion</td></tr>
 * </table>
 */
public final class RandomForestSpec extends AbstractTrainerSpec {
    private static final ParamSpace REGRESSION = ParamSpace.empty()
            .with("n_trees", IntDistribution.logUniform(10, 200))
            .with("max_depth", IntDistribution.uniform(2, 20))
            .with("fraction_features", FloatDistribution.uniform(0.2, 0.9))
            .with("min_child_weight", FloatDistribution.logUniform(1, 16));
    private static final ParamSpace CLASSIFICATION = REGRESSION
            .with("impurity", CategoricalDistribution.of("gini", "entropy"));

    private RandomForestSpec(ParamSpace overrides) {
        super("random_forest", CLASSIFICATION, REGRESSION, overrides);
    }

    public static RandomForestSpec defaults() {
        return new RandomForestSpec(ParamSpace.empty());
    }

    @Override
    TribuoTrainerSpec withOverrides(ParamSpace overrides) {
        return new RandomForestSpec(overrides);
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
