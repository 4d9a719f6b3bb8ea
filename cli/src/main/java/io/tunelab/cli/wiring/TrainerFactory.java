package io.tunelab.cli.wiring;

import io.tunelab.spec.StudySpec;
import io.tunelab.search.study.Objective;
import io.tunelab.trainers.predict.Predictor;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the objective for the trainers it handles, from a validated study file: the data set named
 * in {@code data}, the fit options in {@code fit}, the metric named in {@code metric}.
 */
public interface TrainerFactory {

    /** Whether this factory builds the trainer called {@code name} (e.g. {@code tribuo-xgboost}). */
    boolean handles(String name);

    /**
     * The effective configuration of the study file's trials: every hyperparameter the trainer reads, and
     * whether it is searched or fixed, and from where. Reads no data.
     *
     * @throws io.tunelab.cli.CliException naming the field when the file asks for something the trainer
     *         cannot run (see {@link EffectiveConfiguration#resolve}), or names data or a metric it cannot read
     */
    EffectiveConfiguration configuration(StudySpec spec);

    /**
     * What a run says before {@link #create} loads the study's data, when the file does not say it all: which copy of a
     * built-in data set trains ({@code Data: fashion-mnist from /usr/share/datasets/fashion-mnist}), or that it is being
     * downloaded. Empty by default.
     */
    default Optional<String> dataSource(StudySpec spec) {
        return Optional.empty();
    }

    /**
     * The trainer's objective; checks the file as {@link #configuration} does and loads data now, so
     * problems surface before the first trial.
     */
    Objective create(StudySpec spec);

    /**
     * The objective for trials that run {@code cpuThreadsPerTrial} at a time per core share (see
     * {@code SlotPlan}); trainers whose engine has a process-wide thread pool size it from this. By
     * default the count is not used.
     */
    default Objective create(StudySpec spec, int cpuThreadsPerTrial) {
        return create(spec);
    }

    /**
     * The names of the metrics and numeric user attributes every trial of {@code spec} reports (what a
     * study file's {@code constraints} may name, besides its {@code metric}), or empty when the trainer
     * cannot say; then a constraint on a name a trial does not report fails that trial when it ends.
     */
    default Optional<Set<String>> reportedNames(StudySpec spec) {
        return Optional.empty();
    }

    /**
     * The step of the first value a trial reports to the pruner, which counts warm-up steps from it: 1 by default,
     * for trainers that report epoch {@code e} as step {@code e} (epochs count from 1, as Keras's logs print them); 0
     * for trainers that report fold {@code f} of a cross-validation as step {@code f}, from 0.
     */
    default int firstStep() {
        return 1;
    }

    /**
     * The {@link io.tunelab.trainers.predict.ModelFormat#flavor() flavor} of the models this trainer logs and
     * {@link #load}s, by which a model version registered from Java (no study file) finds its loader.
     */
    String flavor();

    /** Name of the trial artifact holding the trained model (what a model version points at). */
    String modelArtifact();

    /** Loads a model file this trainer saved, ready to serve. */
    Predictor load(Path artifact);

    /**
     * Per-example scores of a model this trainer loaded ({@link #load}) on the held-out test split of the study file's
     * data (1 for a correct class and 0 for a wrong one, or minus the squared error for regression), in a fixed
     * order, so two models can be compared example by example. The model stays open: its caller closes it.
     *
     * @throws io.tunelab.trainers.TrainersException when the model cannot score that data
     */
    double[] testScores(StudySpec spec, Predictor model);

    /**
     * Which rows of the study file's data its held-out test split holds, in the order of {@link #testScores}, so that
     * two models' scores can be paired on the rows neither trained on; empty when the trainer cannot say.
     */
    default Optional<TestRows> testRows(StudySpec spec) {
        return Optional.empty();
    }
}
