package io.tunelab.trainers.tribuo;

import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/**
 * Gradient-boosted trees with XGBoost (Chen and Guestrin, "XGBoost: A Scalable Tree Boosting
 * System", KDD 2016) through Tribuo; needs the native OpenMP runtime ({@code libgomp1}). Each
 * trial's booster uses one thread, since trials already run in parallel, one per execution slot.
 * Squared error for regression, softmax for classification.
 *
 * <table>
 * <caption>Parameters and default ranges</caption>
 * <tr><th>name</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code rounds}</td><td>int [20, 300] log</td><td>boosting rounds (trees)</td></tr>
 * <tr><td>{@code max_depth}</td><td>int [2, 10]</td><td>depth of each tree</td></tr>
 * <tr><td>{@code eta}</td><td>float [0.01, 0.5] log</td><td>learning rate (shrinkage)</td></tr>
 * <tr><td>{@code subsample}</td><td>float [0.5, 1]</td><td>share of rows each tree sees</td></tr>
 * <tr><td>{@code colsample}</td><td>float [0.5, 1]</td><td>share of features each tree sees</td></tr>
 * <tr><td>{@code min_child_weight}</td><td>float [0.1, 10] log</td><td>least hessian weight in a leaf</td></tr>
 * <tr><td>{@code lambda}</td><td>float [1e-3, 10] log</td><td>L2 penalty on leaf weights</td></tr>
 * <tr><td>{@code alpha}</td><td>float [1e-4, 1] log</td><td>L1 penalty on leaf weights</td></tr>
 * </table>
 */
public final class XGBoostSpec extends AbstractTrainerSpec {
    private static final int THREADS = 1;
    private static final double GAMMA = 0;
    private static final ParamSpace SPACE = ParamSpace.empty()
            .with("rounds", IntDistribution.logUniform(20, 300))
            .with("max_depth", IntDistribution.uniform(2, 10))
            .with("eta", FloatDistribution.logUniform(0.01, 0.5))
            .with("subsample", FloatDistribution.uniform(0.5, 1.0))
            .with("colsample", FloatDistribution.uniform(0.5, 1.0))
            .with("min_child_weight", FloatDistribution.logUniform(0.1, 10))
            .with("lambda", FloatDistribution.logUniform(1e-3, 10))
            .with("alpha", FloatDistribution.logUniform(1e-4, 1));

    private XGBoostSpec(ParamSpace overrides) {
        super("xgboost", SPACE, SPACE, overrides);
    }

    public static XGBoostSpec defaults() {
        return new XGBoostSpec(ParamSpace.empty());
    }

    @Override
    TribuoTrainerSpec withOverrides(ParamSpace overrides) {
        return new XGBoostSpec(overrides);
    }

    @Override
    Trainer<Label> classifier(Params p, long seed) {
        return new XGBoostClassificationTrainer(p.integer("rounds"), p.real("eta"), GAMMA, p.integer("max_depth"),
                p.real("min_child_weight"), p.real("subsample"), p.real("colsample"), p.real("lambda"), p.real("alpha"),
                THREADS, true, seed);
    }

    @Override
    Trainer<Regressor> regressor(Params p, long seed) {
        return new XGBoostRegressionTrainer(XGBoostRegressionTrainer.RegressionType.LINEAR, p.integer("rounds"),
                p.real("eta"), GAMMA, p.integer("max_depth"), p.real("min_child_weight"), p.real("subsample"),
                p.real("colsample"), p.real("lambda"), p.real("alpha"), THREADS, true, seed);
    }
}
