package io.tunelab.cli.registry;

import io.tunelab.cli.wiring.TestCsv;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.registry.Change;
import io.tunelab.tracker.registry.ModelRegistry;
import io.tunelab.tracker.registry.ModelVersion;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import io.tunelab.trainers.callback.Monitor;
import io.tunelab.trainers.djl.train.DjlObjective;
import io.tunelab.trainers.djl.train.DjlObjectiveConfig;
import io.tunelab.trainers.sources.CsvDatasets;
import io.tunelab.trainers.tabular.CsvOptions;
import io.tunelab.trainers.tabular.CsvTables;
import io.tunelab.trainers.tribuo.TribuoObjective;
import io.tunelab.trainers.tribuo.XGBoostSpec;
import io.tunelab.search.study.Objective;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;

/**
 * Studies run from Java as the README's "Registering a model from Java" shows, with the trainers' objectives and no
 * study file: a DJL MLP on {@link TestCsv#regression} (x1, x2, x3 to y) and Tribuo's XGBoost on
 * {@link TestCsv#noisyClasses} (f0 ... f15 to classes c0, c1, c2), in a tracker directory the CLI opens with --storage.
 */
final class JavaRegistration {
    private JavaRegistration() {
    }

    /** Runs study {@code study} of one DJL MLP trial on {@code data} (a {@link TestCsv#regression} file). */
    static void runDjl(Path tracker, String study, Path data) {
        DjlObjective objective = new DjlObjective(CsvDatasets.load(data, CsvOptions.regression("y"), 0.2, 0.2, 3),
                DjlObjectiveConfig.mlp(Map.of(), Map.of("epochs", 2, "batch_size", 32, "n_hidden", 1, "n_neurons", 8,
                        "optimizer", "adam", "learning_rate", 0.01)).withMonitor(Monitor.of("val_rmse")));
        run(tracker, study, Direction.MINIMIZE, objective);
    }

    /** Runs study {@code study} of one Tribuo XGBoost trial on {@code data} (a {@link TestCsv#noisyClasses} file). */
    static void runTribuo(Path tracker, String study, Path data) {
        TribuoObjective objective = TribuoObjective.builder(XGBoostSpec.defaults(),
                CsvTables.read(data, CsvOptions.classification("y"))).build();
        run(tracker, study, objective.direction(), objective);
    }

    private static void run(Path tracker, String study, Direction direction, Objective objective) {
        try (Tracker t = Tracker.open(TrackerConfig.inDirectory(tracker))) {
            Study s = Study.builder(study).storage(t.storage()).direction(direction).seed(1).createOrLoad();
            s.optimize(objective, OptimizeOptions.trials(1));
            FrozenTrial trial = s.trials(EnumSet.allOf(TrialState.class)).get(0);
            if (trial.state() != TrialState.COMPLETE) {
                throw new AssertionError("the trial did not complete: " + trial.message());
            }
        }
    }

    /** The (only) trial's MLmodel file, as read. */
    static io.tunelab.trainers.predict.ModelFormat mlmodel(Path tracker, String study) {
        try (Tracker t = Tracker.open(TrackerConfig.inDirectory(tracker))) {
            long trial = t.storage().trials(t.storage().findStudy(study).orElseThrow().id(), EnumSet.of(TrialState.COMPLETE))
                    .get(0).id();
            return io.tunelab.trainers.predict.ModelFormat.read(Path.of(t.storage().artifacts(trial).stream()
                    .filter(a -> a.name().equals(io.tunelab.trainers.predict.ModelFormat.ARTIFACT)).findFirst().orElseThrow()
                    .uri()));
        }
    }

    /** Removes the (only) trial's MLmodel file, as a trial logged before the trainers logged one has none. */
    static void forgetMlmodel(Path tracker, String study) {
        try (Tracker t = Tracker.open(TrackerConfig.inDirectory(tracker))) {
            long trial = t.storage().trials(t.storage().findStudy(study).orElseThrow().id(), EnumSet.of(TrialState.COMPLETE))
                    .get(0).id();
            t.storage().deleteArtifact(trial, io.tunelab.trainers.predict.ModelFormat.ARTIFACT);
        }
    }

    /** Registers the (only) trial's artifact {@code artifact} as the next version of {@code model}, aliased production. */
    static ModelVersion register(Path tracker, String study, String model, String artifact) {
        try (Tracker t = Tracker.open(TrackerConfig.inDirectory(tracker))) {
            ModelRegistry registry = t.registry();
            if (registry.findModel(model).isEmpty()) {
                registry.createModel(model, "from Java");
            }
            long trial = t.storage().trials(t.storage().findStudy(study).orElseThrow().id(), EnumSet.of(TrialState.COMPLETE))
                    .get(0).id();
            ModelVersion v = registry.createVersion(model, trial, artifact, "best of " + study, "me");
            registry.setAlias(model, "production", v.version(), Change.by("me", "best trial"));
            return v;
        }
    }

    static Path regressionCsv(Path dir) {
        try {
            return TestCsv.regression(dir, 200);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
