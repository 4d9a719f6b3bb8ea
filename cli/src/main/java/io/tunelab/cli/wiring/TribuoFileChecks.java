package io.tunelab.cli.wiring;

import static io.tunelab.cli.wiring.TribuoTrainers.SYNTHETIC_CLASSIFICATION;
import static io.tunelab.cli.wiring.TribuoTrainers.SYNTHETIC_REGRESSION;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.error.ProblemList;
import io.tunelab.spec.FitSpec;
import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.spec.StudySpec;
import io.tunelab.trainers.params.Hyperparameter;
import io.tunelab.trainers.params.Hyperparameters;
import io.tunelab.trainers.tribuo.ReadOnlyWhen;
import io.tunelab.trainers.tribuo.TribuoTrainerSpec;
import io.tunelab.trainers.tabular.Synthetic;
import io.tunelab.trainers.tabular.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a study file may give the Tribuo trainers, checked before anything runs (the dry run reads no data): the data
 * set's own options, a synthetic table the generator can make, and no fit option of epoch-wise training. Holds the
 * defaults the trainers read the same options with, so the check and the run cannot disagree. Stateless.
 */
final class TribuoFileChecks {
    /** Rows of a synthetic table unless {@code samples} says otherwise. */
    static final int ROWS = 1000;
    /** Classes of a synthetic classification unless {@code classes} says otherwise. */
    static final int CLASSES = 3;
    /** The classes {@link Synthetic#classification(int, int, long)} can make: one per vertex of its 4 informative features. */
    static final int MOST_CLASSES = 16;
    /** Pure-noise features of a synthetic regression unless {@code extra_features} says otherwise. */
    static final int EXTRA_FEATURES = 2;
    /** Noise of a synthetic regression's target unless {@code noise} says otherwise. */
    static final double NOISE = 1.0;
    /** Cross-validation folds unless {@code folds} says otherwise (and no {@code valid_split} is given). */
    static final int FOLDS = 3;

    private TribuoFileChecks() {
    }

    /**
     * Refuses a data option the data set does not read, a synthetic table the generator cannot make, fewer than two
     * folds, and a hold-out and folds given together.
     */
    static void data(StudySpec spec) {
        String dataset = spec.data().dataset();
        List<String> known = new ArrayList<>();
        if (dataset.equals(SYNTHETIC_CLASSIFICATION)) {
            known.addAll(List.of("samples", "classes", "seed"));
        } else if (dataset.equals(SYNTHETIC_REGRESSION)) {
            known.addAll(List.of("samples", "extra_features", "noise", "seed"));
        } else {
            known.addAll(dataset.equals("csv") ? List.of("path", "target", "task", "categorical")
                    : List.of("target", "task", "categorical"));
        }
        known.addAll(List.of("valid_split", "test_split", "folds"));
        ProblemList problems = new ProblemList();
        problems.check(() -> OptionNames.checkData(spec, "Tribuo's " + dataset, known));
        Map<String, Object> options = spec.data().options();
        DataOptions data = new DataOptions("data", options);
        if (dataset.equals(SYNTHETIC_CLASSIFICATION) || dataset.equals(SYNTHETIC_REGRESSION)) {
            problems.check(() -> data.integer("samples", ROWS, 1, Integer.MAX_VALUE));
        }
        if (dataset.equals(SYNTHETIC_CLASSIFICATION)) {
            problems.check(() -> data.integer("classes", CLASSES, 2, MOST_CLASSES));
        }
        if (dataset.equals(SYNTHETIC_REGRESSION)) {
            problems.check(() -> data.integer("extra_features", EXTRA_FEATURES, 0, Integer.MAX_VALUE));
            problems.check(() -> {
                if (data.number("noise", NOISE) < 0) {
                    throw new CliException("data.noise: expected a standard deviation >= 0, got " + options.get("noise"));
                }
            });
        }
        problems.check(() -> data.integer("folds", FOLDS, 2, Integer.MAX_VALUE));
        if (options.containsKey("valid_split") && options.containsKey("folds")) {
            problems.add("data.folds: validation is either folds-fold cross-validation or a valid_split"
                    + " hold-out; give one of them, got folds=" + options.get("folds") + " and valid_split="
                    + options.get("valid_split"));
        }
        problems.throwIfAny();
    }

    /**
     * Refuses a pruner when each trial is scored on a {@code valid_split} hold-out: a trial then reports one step, and
     * a pruner, which compares trials between steps, would never stop one. Cross-validation reports each fold as a step.
     */
    static void pruner(StudySpec spec) {
        String type = spec.pruner().type();
        if (!type.equals("none") && spec.data().options().containsKey("valid_split")) {
            throw new CliException("pruner.type: " + type + " stops a trial between the steps it reports, but a Tribuo"
                    + " trial scored on the data.valid_split hold-out reports one step, so it would never prune; expected"
                    + " no pruner, or data.folds instead of valid_split (cross-validation reports each fold as a step)");
        }
    }

    /**
     * Refuses a CSV file that does not exist, whose header lacks the {@code target} or a {@code categorical} column, whose
     * target holds a word in a regression or looks continuous in a classification ({@link
     * CsvFileChecks.Head#checkClassTarget}), or (with {@code categorical} given) that holds a word in another column, which
     * the trainers read as numbers (every row of a file of reasonable size, read once for all these checks, else its first
     * rows: {@link CsvFileChecks.Head#checkNumbers}); synthetic data sets pass. Quoted header names are unquoted.
     */
    static void csvHeader(StudySpec spec) {
        String dataset = spec.data().dataset();
        DataOptions data = new DataOptions("data", spec.data().options());
        if (dataset.equals(SYNTHETIC_CLASSIFICATION) || dataset.equals(SYNTHETIC_REGRESSION)) {
            return;
        }
        String field = dataset.equals("csv") ? "data.path" : "data.dataset";
        CsvFileChecks.Head head = CsvFileChecks.head(field, Path.of(dataset.equals("csv") ? data.required("path") : dataset));
        Map<String, List<String>> named = new LinkedHashMap<>();
        named.put("data.target", List.of(data.required("target")));
        named.put("data.categorical", data.texts("categorical"));
        head.checkNamed(named);
        head.checkNumbers(data, TribuoTrainers.task(dataset, data) == Task.REGRESSION);
    }

    /**
     * Refuses a space parameter the trainer reads only for some choices of another ({@link TribuoTrainerSpec#readOnlyWhen})
     * when the space can never choose one of them: LIBSVM's {@code gamma} with {@code kernel} fixed to {@code linear}, as
     * the DJL trainers refuse {@code momentum} with {@code optimizer} fixed to {@code adam}. The choices the space can
     * make are its own choices of the selector, else its built-in range with {@code include: defaults}, else its default.
     */
    static void readers(StudySpec spec, TribuoTrainerSpec family, Hyperparameters catalogue) {
        Map<String, Distribution> space = spec.space().distributions();
        ProblemList problems = new ProblemList();
        for (String name : space.keySet()) {
            Optional<ReadOnlyWhen> when = family.readOnlyWhen(name);
            if (when.isEmpty() || catalogue.find(when.get().selector()).isEmpty()) {
                continue;
            }
            String selector = when.get().selector();
            Hyperparameter h = catalogue.find(selector).orElseThrow();
            Distribution d = space.containsKey(selector) ? space.get(selector)
                    : spec.space().includesDefaults() && h.hasRange() ? h.range() : null;
            List<Object> choices = d instanceof CategoricalDistribution c
                    ? c.choices().stream().flatMap(v -> h.allowed().admit(v).stream()).distinct().toList()
                    : List.of(h.defaultValue());
            List<String> readers = when.get().choices();
            if (choices.stream().noneMatch(readers::contains)) {
                String shown = String.join(", ", choices.stream().map(String::valueOf).toList());
                problems.add("space." + name + ": " + (choices.size() == 1 ? "the " + selector + ", " + shown
                        + (d == null ? " (the default)," : ",") + " never reads" : "none of the " + selector + " choices the"
                        + " space can make (" + shown + ") reads") + " '" + name + "', so it would be ignored; only "
                        + String.join(", ", readers) + (readers.size() == 1 ? " reads" : " read") + " it: give " + selector + " "
                        + (readers.size() == 1 ? "that one" : "one of them") + ", or leave " + name + " out");
            }
        }
        problems.throwIfAny();
    }

    /** Refuses the fit options of epoch-wise training, which a Tribuo trainer would ignore. */
    static void fit(StudySpec spec) {
        FitSpec fit = spec.fit();
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("epochs", fit.epochs());
        given.put("batch_size", fit.batchSize());
        given.put("early_stopping", fit.earlyStopping());
        given.put("schedule", fit.schedule());
        given.put("checkpoint_every", fit.checkpointEvery());
        ProblemList problems = new ProblemList();
        given.forEach((key, value) -> {
            if (value != null) {
                problems.add("fit." + key + ": " + spec.trainer().name() + " trains no epochs, so it would"
                        + " ignore " + key + "; only the DJL trainers read epochs, batch_size, early_stopping, schedule and"
                        + " checkpoint_every (Tribuo trainers read fit.summaries and fit.tensorboard_dir)");
            }
        });
        problems.throwIfAny();
    }
}
