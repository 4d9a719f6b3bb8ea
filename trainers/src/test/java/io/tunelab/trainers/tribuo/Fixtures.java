package io.tunelab.trainers.tribuo;

import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Trial;
import io.tunelab.trainers.tabular.Split;
import io.tunelab.trainers.tabular.Splits;
import io.tunelab.trainers.tabular.Synthetic;
import io.tunelab.trainers.tabular.Table;
import io.tunelab.trainers.tabular.Task;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Shared data and sensible parameters for the Tribuo tests. */
final class Fixtures {
    private static final AtomicInteger STUDIES = new AtomicInteger();
    /** Held strongly so the level sticks: Tribuo logs every bagged tree and SGD run at INFO. */
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(Level.WARNING);
    }

    private Fixtures() {
    }

    static Table classification() {
        return Synthetic.classification(450, 4, 2, 3, 1.5, 11);
    }

    static Table regression() {
        return Synthetic.regression(400, 2, 1.0, 12);
    }

    static Table table(Task task) {
        return task == Task.CLASSIFICATION ? classification() : regression();
    }

    /** Train and test parts of {@code table} (a quarter held out). */
    static Table[] trainTest(Table table) {
        Split split = Splits.holdOut(table, 0.25, 5);
        return new Table[] {table.select(split.train()), table.select(split.test())};
    }

    /** Parameters that train a good model of each family. */
    static Map<String, Object> goodParams(String spec, Task task) {
        Map<String, Object> p = new HashMap<>();
        boolean cls = task == Task.CLASSIFICATION;
        switch (spec) {
            case "linear_sgd" -> {
                p.put("loss", cls ? "log" : "squared");
                p.put("optimizer", "adam");
                p.put("learning_rate", 0.01);
                p.put("epochs", 20);
                p.put("l2", 1e-5);
            }
            case "cart" -> {
                p.put("max_depth", 6);
                p.put("min_child_weight", 2.0);
                p.put("fraction_features", 1.0);
                p.put("impurity", "gini");
            }
            case "random_forest" -> {
                p.put("n_trees", 30);
                p.put("max_depth", 8);
                p.put("fraction_features", 0.6);
                p.put("min_child_weight", 1.0);
                p.put("impurity", "gini");
            }
            case "xgboost" -> {
                p.put("rounds", 60);
                p.put("max_depth", 4);
                p.put("eta", 0.2);
                p.put("subsample", 0.9);
                p.put("colsample", 0.9);
                p.put("min_child_weight", 1.0);
                p.put("lambda", 1.0);
                p.put("alpha", 0.001);
            }
            case "liblinear" -> {
                p.put("c", 1.0);
                p.put("solver", cls ? "l2r_lr" : "l2r_l2loss_svr");
                p.put("epsilon", 0.1);
            }
            case "logistic" -> {
                p.put("c", 1.0);
                p.put("penalty", "l2");
            }
            case "libsvm" -> {
                p.put("c", 10.0);
                p.put("kernel", "rbf");
                p.put("gamma", 0.1);
                p.put("epsilon", 0.1);
            }
            default -> throw new IllegalArgumentException(spec);
        }
        return p;
    }

    /** A running trial of a fresh in-memory study whose parameters are {@code params} (others sampled). */
    static Trial trialWith(Map<String, Object> params) {
        Study study = Study.builder("fixture-" + STUDIES.incrementAndGet()).seed(3).create();
        study.enqueueTrial(params);
        return study.ask();
    }

    /** Trains {@code spec} with good parameters on {@code train}. */
    static TabularModel fit(TribuoTrainerSpec spec, Task task, Table train) {
        Trial trial = trialWith(goodParams(spec.name(), task));
        return task == Task.CLASSIFICATION
                ? TabularModel.fitClassifier(spec.classifier(trial), train, true, "test")
                : TabularModel.fitRegressor(spec.regressor(trial), train, true, "test");
    }
}
