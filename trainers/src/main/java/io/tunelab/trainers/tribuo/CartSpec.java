package io.tunelab.trainers.tribuo;

import static io.tunelab.trainers.params.Hyperparameter.choice;
import static io.tunelab.trainers.params.Hyperparameter.integer;
import static io.tunelab.trainers.params.Hyperparameter.real;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.params.Allowed;
import io.tunelab.trainers.params.Hyperparameter;
import io.tunelab.trainers.params.Hyperparameters;
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
 * Regression trees split on mean squared error. Parameters, defaults and built-in ranges: {@link #CLASSIFICATION},
 * {@link #REGRESSION}, shown in {@code docs/study-files.md}.
 */
public final class CartSpec extends AbstractTrainerSpec {
    /** Tribuo's own default: no depth limit. */
    static final int UNLIMITED_DEPTH = Integer.MAX_VALUE;

    static final Hyperparameters REGRESSION = Hyperparameters.of(
            maxDepth(),
            real("min_child_weight", 5, "least example weight in a leaf (Tribuo's default)")
                    .within(Allowed.POSITIVE).range(FloatDistribution.logUniform(1, 32)),
            real("fraction_features", 1, "share of features tried at each split").within(Allowed.SHARE)
                    .range(FloatDistribution.uniform(0.3, 1.0)));
    static final Hyperparameters CLASSIFICATION = withImpurity(REGRESSION);

    private CartSpec(Search search) {
        super("cart", CLASSIFICATION, REGRESSION, search);
    }

    /** A tree with every parameter at its default. */
    public static CartSpec defaults() {
        return new CartSpec(Search.NOTHING);
    }

    @Override
    TribuoTrainerSpec searching(Search search) {
        return new CartSpec(search);
    }

    /** {@code max_depth}, unlimited by default. */
    static Hyperparameter maxDepth() {
        return integer("max_depth", UNLIMITED_DEPTH, "deepest split").note("unlimited").within(Allowed.AT_LEAST_ONE)
                .range(IntDistribution.uniform(2, 20));
    }

    /** {@code catalogue} followed by the classification split criterion. */
    static Hyperparameters withImpurity(Hyperparameters catalogue) {
        return catalogue.plus(choice("impurity", "gini", "split criterion: gini or entropy").oneOf("gini", "entropy")
                .range(CategoricalDistribution.of("gini", "entropy")));
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
