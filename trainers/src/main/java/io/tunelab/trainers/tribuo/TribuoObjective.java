package io.tunelab.trainers.tribuo;

import io.tunelab.search.study.Objective;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.Trial;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.data.DatasetFingerprint;
import io.tunelab.trainers.eval.CrossValidation;
import io.tunelab.trainers.eval.Metric;
import io.tunelab.trainers.tabular.Split;
import io.tunelab.trainers.tabular.Table;
import io.tunelab.trainers.tabular.Task;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/**
 * The objective of a search over a Tribuo model family: each trial builds a trainer from its
 * suggested parameters ({@link TribuoTrainerSpec}), scores it by k-fold cross-validation or on a hold-out
 * split ({@link Validation}; per-fold scores are reported for pruning, see {@link CrossValidation}),
 * and returns the mean score. Each fold fits its own {@link io.tunelab.trainers.tabular.FeatureEncoder}
 * on its training part only. Then, unless disabled, it refits on the whole training table
 * (scikit-learn's {@code refit=True}), evaluates on the test table if one was given (user attribute
 * {@code test_evaluation}) and attaches the model as artifacts ({@link TribuoModels#logArtifacts}); with
 * {@link Builder#summaries}, it also logs the refitted model's confusion matrix and feature importances.
 *
 * <p>Also sets the user attributes {@code trainer}, {@code metric}, {@code validation},
 * {@code dataset} and {@code dataset_fingerprint} (as {@link DatasetFingerprint#toMap()}). Immutable and
 * thread-safe: trials may run in parallel. Build the study with {@link #direction()}.
 */
public final class TribuoObjective implements Objective {
    private final TribuoTrainerSpec spec;
    private final Table train;
    private final Table test;
    private final Metric metric;
    private final Validation validation;
    private final boolean standardize;
    private final boolean refit;
    private final Path modelDir;
    private final boolean summaries;
    private final DatasetFingerprint fingerprint;
    private final List<Split> splits;

    private TribuoObjective(Builder b) {
        this.spec = b.spec;
        this.train = b.train;
        this.test = b.test;
        this.metric = b.metric == null ? Metric.defaultFor(train.task()) : b.metric;
        this.validation = b.validation;
        this.standardize = b.standardize;
        this.refit = b.refit;
        this.modelDir = b.modelDir;
        this.summaries = b.summaries;
        if (metric.task() != train.task()) {
            throw new TrainersException("metric " + metric + " scores " + metric.task() + " but table '" + train.name()
                    + "' has a " + train.task() + " target");
        }
        if (test != null && !test.columnNames().equals(train.columnNames())) {
            throw new TrainersException("test table columns " + test.columnNames() + " differ from training columns "
                    + train.columnNames());
        }
        this.fingerprint = train.fingerprint();
        this.splits = validation.splits(train);
    }

    /** An objective training {@code spec}'s models on {@code train}; 3-fold CV with seed 0 by default. */
    public static Builder builder(TribuoTrainerSpec spec, Table train) {
        return new Builder(spec, train);
    }

    /** The direction a study must optimise this objective's metric in. */
    public Direction direction() {
        return metric.direction();
    }

    public Metric metric() {
        return metric;
    }

    @Override
    public double evaluate(Trial trial) throws Exception {
        trial.setUserAttr("trainer", spec.name());
        trial.setUserAttr("metric", metric.name().toLowerCase(Locale.ROOT));
        trial.setUserAttr("validation", validation.describe());
        trial.setUserAttr("dataset", train.name());
        trial.setUserAttr("dataset_fingerprint", fingerprint.toMap());
        Function<Table, TabularModel> fit = fitter(trial);
        CrossValidation.Result cv = CrossValidation.run(trial, splits.size(), fold -> {
            Split split = splits.get(fold);
            return score(fit.apply(train.select(split.train())), train.select(split.test()));
        });
        if (refit) {
            TabularModel model = fit.apply(train);
            if (test != null) {
                trial.setUserAttr("test_evaluation", model.evaluate(test));
            }
            if (summaries) {
                TribuoSummaries.log(trial, model, test);
            }
            String trainer = "tribuo-" + spec.name().replace('_', '-');
            if (modelDir == null) {
                TribuoModels.logArtifacts(trial, model, trainer);
            } else {
                TribuoModels.logArtifacts(trial, model, modelDir.resolve("trial-" + trial.number()), trainer);
            }
        }
        return cv.mean();
    }

    private Function<Table, TabularModel> fitter(Trial trial) {
        String source = "tunelab table '" + train.name() + "' " + fingerprint;
        return switch (train.task()) {
            case CLASSIFICATION -> {
                Trainer<Label> trainer = spec.classifier(trial);
                yield table -> TabularModel.fitClassifier(trainer, table, standardize, source);
            }
            case REGRESSION -> {
                Trainer<Regressor> trainer = spec.regressor(trial);
                yield table -> TabularModel.fitRegressor(trainer, table, standardize, source);
            }
        };
    }

    private double score(TabularModel model, Table held) {
        return train.task() == Task.CLASSIFICATION
                ? metric.score(held.labels(), model.predictClasses(held), train.classes().size())
                : metric.score(held.targets(), model.predictValues(held));
    }

    /** Configures a {@link TribuoObjective}. Not thread-safe. */
    public static final class Builder {
        private final TribuoTrainerSpec spec;
        private final Table train;
        private Table test;
        private Metric metric;
        private Validation validation = Validation.kFold(3, 0);
        private boolean standardize = true;
        private boolean refit = true;
        private Path modelDir;
        private boolean summaries;

        private Builder(TribuoTrainerSpec spec, Table train) {
            this.spec = Objects.requireNonNull(spec, "spec");
            this.train = Objects.requireNonNull(train, "train");
        }

        /** The score to optimise; accuracy or RMSE by default. */
        public Builder metric(Metric m) {
            this.metric = Objects.requireNonNull(m, "metric");
            return this;
        }

        public Builder validation(Validation v) {
            this.validation = Objects.requireNonNull(v, "validation");
            return this;
        }

        /** A test table to evaluate the refitted model on; its columns must match the training table's. */
        public Builder test(Table t) {
            this.test = t;
            return this;
        }

        /** Whether numeric features are standardised (true by default). */
        public Builder standardize(boolean s) {
            this.standardize = s;
            return this;
        }

        /** Whether each trial refits on all training rows, evaluates on the test table and saves the model (true by default). */
        public Builder refit(boolean r) {
            this.refit = r;
            return this;
        }

        /**
         * Keeps each trial's model files in {@code dir/trial-N} besides attaching them as artifacts
         * (by default they are written to a temporary directory that is deleted once attached).
         */
        public Builder modelDir(Path dir) {
            this.modelDir = dir;
            return this;
        }

        /**
         * Whether each refitted model logs its summaries (the test confusion matrix of a
         * classifier, feature importances where the model has them); false by default.
         */
        public Builder summaries(boolean on) {
            this.summaries = on;
            return this;
        }

        public TribuoObjective build() {
            return new TribuoObjective(this);
        }
    }
}
