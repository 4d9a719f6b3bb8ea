package io.tunelab.trainers.tribuo;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.trainers.TrainersException;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.Entropy;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.dtree.impurity.LabelImpurity;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

/**
 * A single CART decision tree (Breiman et al., <i>Classification and Regression Trees</i>, 1984).
 *
 * <table>
 * <caption>Parameters and default ranges</caption>
 * <tr><th>name</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code max_depth}</td><td>int [2, 20]</td><td>deepest split</td></tr>
 * <tr><td>{@code min_child_weight}</td><td>float [1, 32] log</td><td>least example weight in a leaf</td></tr>
 * <tr><td>{@code fraction_features}</td><td>float [0.3, 1]</td><td>share of features tried at each split</td></tr>
 * <tr><td>{@code impurity}</td><td>{@code gini, entropy} (classification only)</td><td>split criterion</td></tr>
 * </table>
 * Regression trees split on mean squared error.
 */
public final class CartSpec extends AbstractTrainerSpec {
    private static final ParamSpace REGRESSION = ParamSpace.empty()
            .with("max_depth", IntDistribution.uniform(2, 20))
            .with("min_child_weight", FloatDistribution.logUniform(1, 32))
            .with("fraction_features", FloatDistribution.uniform(0.3, 1.0));
    private static final ParamSpace CLASSIFICATION = REGRESSION
            .with("impurity", CategoricalDistribution.of("gini", "entropy"));

    private CartSpec(ParamSpace overrides) {
        super("cart", CLASSIFICATION, REGRESSION, overrides);
    }

    public static CartSpec defaults() {
        return new CartSpec(ParamSpace.empty());
    }

    @Override
    TribuoTrainerSpec withOverrides(ParamSpace overrides) {
        return new CartSpec(overrides);
    }

    @Override
    Trainer<Label> classifier(Params p, long seed) {
        return tree(p, p.real32("fraction_features"), seed);
    }

    @Override
    Trainer<Regressor> regressor(Params p, long seed) {
        return regressionTree(p, p.real32("fraction_features"), seed);
    }

    /** A classification tree; random forests reuse it with their own feature fraction. */
    static CARTClassificationTrainer tree(Params p, float fractionFeatures, long seed) {
        String impurity = p.choice("impurity");
        LabelImpurity criterion = switch (impurity) {
            case "gini" -> new GiniIndex();
            case "entropy" -> new Entropy();
            default -> throw new TrainersException("parameter 'impurity' has no choice '" + impurity
                    + "'; expected gini or entropy");
        };
        return new CARTClassificationTrainer(p.integer("max_depth"), p.real32("min_child_weight"), 0f,
                fractionFeatures, false, criterion, seed);
    }

    /** A regression tree; random forests reuse it with their own feature fraction. */
    static CARTRegressionTrainer regressionTree(Params p, float fractionFeatures, long seed) {
        return new CARTRegressionTrainer(p.integer("max_depth"), p.real32("min_child_weight"), 0f, fractionFeatures,
                false, new MeanSquaredError(), seed);
    }
}
