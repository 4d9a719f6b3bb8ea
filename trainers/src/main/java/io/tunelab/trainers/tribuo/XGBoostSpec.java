package io.tunelab.trainers.tribuo;

import static io.tunelab.trainers.params.Hyperparameter.integer;
import static io.tunelab.trainers.params.Hyperparameter.real;

import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.trainers.params.Allowed;
import io.tunelab.trainers.params.Hyperparameters;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/**
 * Gradient-boosted trees with XGBoost (Chen and Guestrin, "XGBoost: A Scalable Tree Boosting
 * System", KDD 2016) through Tribuo; needs the native OpenMP runtime ({@code libgomp1}). Each
 * trial's booster uses one thread, since trials already run in parallel, one per execution slot.
 * Squared error for regression, softmax for classification. Parameters, defaults (XGBoost's own, and
 * 100 rounds) and built-in ranges: {@link #PARAMETERS}, shown in {@code docs/study-files.md}.
 */
public final class XGBoostSpec extends AbstractTrainerSpec {
    private static final int THREADS = 1;
    private static final double GAMMA = 0;
    static final Hyperparameters PARAMETERS = Hyperparameters.of(
            integer("rounds", 100, "boosting rounds (trees)").within(Allowed.AT_LEAST_ONE).range(IntDistribution.logUniform(20, 300)),
            integer("max_depth", 6, "depth of each tree").within(Allowed.AT_LEAST_ONE).range(IntDistribution.uniform(2, 10)),
            real("eta", 0.3, "learning rate (shrinkage)").within(Allowed.POSITIVE).range(FloatDistribution.logUniform(0.01, 0.5)),
            real("subsample", 1, "share of rows each tree sees").within(Allowed.SHARE).range(FloatDistribution.uniform(0.5, 1.0)),
            real("colsample", 1, "share of features each tree sees").within(Allowed.SHARE).range(FloatDistribution.uniform(0.5, 1.0)),
            real("min_child_weight", 1, "least hessian weight in a leaf")
                    .within(Allowed.NON_NEGATIVE).range(FloatDistribution.logUniform(0.1, 10)),
            real("lambda", 1, "L2 penalty on leaf weights").within(Allowed.NON_NEGATIVE).range(FloatDistribution.logUniform(1e-3, 10)),
            real("alpha", 0, "L1 penalty on leaf weights").within(Allowed.NON_NEGATIVE).range(FloatDistribution.logUniform(1e-4, 1)));

    private XGBoostSpec(Search search) {
        super("xgboost", PARAMETERS, PARAMETERS, search);
    }

    /** Boosting with every parameter at its default. */
    public static XGBoostSpec defaults() {
        return new XGBoostSpec(Search.NOTHING);
    }

    @Override
    TribuoTrainerSpec searching(Search search) {
        return new XGBoostSpec(search);
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
