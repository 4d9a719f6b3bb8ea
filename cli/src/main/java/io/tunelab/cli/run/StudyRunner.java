package io.tunelab.cli.run;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.error.ProblemList;
import io.tunelab.cli.progress.ProgressBar;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.WarmStartSpec;
import io.tunelab.cli.wiring.EffectiveConfiguration;
import io.tunelab.cli.wiring.SearchComponents;
import io.tunelab.cli.wiring.TrainerFactory;
import io.tunelab.tensorboard.export.RunNames;
import io.tunelab.search.exec.SlotPool;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.FailFast;
import io.tunelab.search.study.MultiObjective;
import io.tunelab.search.study.Objective;
import io.tunelab.tensorboard.live.TensorBoardObjective;
import io.tunelab.search.study.Study;
import io.tunelab.search.study.StudyBuilder;
import io.tunelab.search.trial.Direction;
import io.tunelab.tracker.liveness.RetryPolicy;
import io.tunelab.trainers.device.DeviceInventory;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.List;

/**
 * Runs the study a study file describes against a storage: creates it, or resumes it when a study
 * of that name exists (the budget counts the trials it already has, in every process working on
 * it), shows progress, and summarises the best trials. Ctrl-C ends the running trials as FAIL
 * "interrupted" and keeps everything already committed, so running again resumes. Workers on other
 * machines rebuild the same study from the study file stored with it.
 */
public final class StudyRunner {
    /** The message of trials cut short by Ctrl-C. */
    public static final String INTERRUPTED = "interrupted: the run was stopped (Ctrl-C or a termination signal) before"
            + " this trial ended";

    /** Study attribute holding the study file's text, from which workers rebuild the study. */
    public static final String STUDY_FILE = "study_file";
    /** Study attribute: the trial budget. */
    public static final String BUDGET_TRIALS = "budget_trials";
    /** Study attribute: epoch milliseconds after which no worker starts a trial, when the file has a timeout. */
    public static final String DEADLINE = "deadline_epoch_ms";

    private final StudySpec spec;
    private final String specText;
    private final TrialStorage storage;
    private final List<TrainerFactory> trainers;
    private final DeviceInventory devices;
    private final ResumeCheck resume;
    private String resumedBy = "run the study again";

    public StudyRunner(StudySpec spec, String specText, TrialStorage storage, List<TrainerFactory> trainers,
                       DeviceInventory devices) {
        this.spec = spec;
        this.specText = specText;
        this.storage = storage;
        this.trainers = trainers;
        this.devices = devices;
        this.resume = new ResumeCheck(spec, storage, trainers);
    }

    /**
     * Names what the user ran, for the line a stopped run ends with ({@code To resume, RESUME.}): {@code tunelab run FILE}
     * again, or another worker. Returns this runner.
     */
    public StudyRunner resumedBy(String resume) {
        this.resumedBy = resume;
        return this;
    }

    /**
     * Creates the study the file names, or loads it and updates its budget and study file, and
     * records the file, the budget, the deadline (now + timeout) and the retry policy as study attributes:
     * a trial whose worker dies is retried up to {@code heartbeat.max_retries} times (2 unless the file
     * says otherwise), by whichever process reaps it.
     * A new run begins: a recorded {@code fail_fast} stop is cleared, and the rule judges the trials from here on
     * (see {@link FailFast#restart}).
     *
     * @throws CliException when the study exists and its stored file names another metric or trainer: its trials'
     *                      values would not compare with the new ones (other directions are refused by the study itself);
     *                      or when the file searches a parameter from another type of distribution than the study's
     *                      trials recorded
     */
    public Study create(boolean parallel) {
        checkResumable();
        // read before this file is stored; the run says a changed space itself, so the study need not warn again
        Study study = builder(parallel).warnOnSpaceChange(spaceChange().isEmpty()).createOrLoad();
        FailFast.restart(study);
        storage.setStudySystemAttr(study.studyId(), STUDY_FILE, specText);
        storage.setStudySystemAttr(study.studyId(), BUDGET_TRIALS, spec.budget().trials());
        new RetryPolicy(spec.heartbeat().maxRetries()).recordOn(storage, study.studyId());
        if (spec.budget().timeout() != null) {
            storage.setStudySystemAttr(study.studyId(), DEADLINE,
                    System.currentTimeMillis() + spec.budget().timeout().toMillis());
        }
        return study;
    }

    /**
     * Refuses the file when the study it names exists in the storage and {@link #create} would refuse to resume it: other
     * metrics, another trainer, other directions, or a parameter of another type of distribution ({@link ResumeCheck}).
     * Only reads the storage, so a dry run can ask it.
     *
     * @throws CliException saying what differs, as {@link #create} does
     */
    public void checkResumable() {
        resume.check();
    }

    /**
     * The notice that the study resumes with another search space than its stored study file searched ({@link
     * ResumeCheck#spaceChange}), or empty. Read once, before {@link #create} stores this file, and kept: the run and the
     * dry run say it.
     */
    public Optional<String> spaceChange() {
        return resume.spaceChange();
    }

    /** Loads the existing study, as a worker joining it does; its attributes are left as they are. */
    public Study load(boolean parallel) {
        return builder(parallel).load();
    }

    private StudyBuilder builder(boolean parallel) {
        StudyBuilder builder = Study.builder(spec.study())
                .storage(storage)
                .directions(spec.directions().toArray(Direction[]::new))
                .seed(spec.sampler().seed())
                .deterministicWindow(spec.sampler().deterministicWith(spec.parallel().workers())
                        ? Math.max(StudyBuilder.DEFAULT_DETERMINISTIC_WINDOW, spec.parallel().workers()) : 0)
                .sampler(SearchComponents.sampler(spec.sampler(), spec.space(), configuration().searchSpace(), parallel))
                .pruner(SearchComponents.pruner(spec.pruner(), trainer(spec, trainers).firstStep()));
        WarmStartSpec warm = spec.sampler().warmStart();
        if (warm != null) {
            StudyRecord earlier = storage.findStudy(warm.study()).orElseThrow(() -> new CliException(
                    "sampler.warm_start.study: no study named '" + warm.study() + "' in this storage to warm-start from"));
            builder.warmStartFrom(Study.builder(earlier.name()).storage(storage)
                    .directions(earlier.directions().toArray(Direction[]::new)).load(), warm.weight(),
                    configuration().searchSpace());
        }
        return builder;
    }

    /**
     * The objective of the file's trainer; the file is checked against the trainer first. With
     * {@code fit.tensorboard_dir}, each trial also writes its scalars there, one run directory per trial in the
     * study's folder ({@code DIR/STUDY/trial-NNNN}).
     */
    public MultiObjective objective() {
        return withStudyFile(trainer(spec, trainers).create(spec));
    }

    /** The objective of the file's trainer for trials running on {@code plan}'s slots. */
    public MultiObjective objective(SlotPlan plan) {
        return withStudyFile(trainer(spec, trainers).create(spec, plan.cpuThreadsPerTrial()));
    }

    /**
     * {@code objective} with what the study file adds around any trainer: constraints, the values of every metric,
     * then {@code fit.tensorboard_dir}, which writes them all, each with its direction, as an export does.
     */
    private MultiObjective withStudyFile(Objective objective) {
        MultiObjective values = new StudyFileObjective(constrained(objective, trainer(spec, trainers)), spec.metrics());
        String tensorboardDir = spec.fit().tensorboardDir();
        return tensorboardDir == null ? values
                : new TensorBoardObjective(values, java.nio.file.Path.of(tensorboardDir), spec.study(), spec.directions(),
                        Clock.systemUTC());
    }

    /**
     * The objective storing the file's constraint values with each completed trial, when it has
     * constraints; checks first that the trainer reports what they name.
     */
    private Objective constrained(Objective objective, TrainerFactory trainer) {
        if (spec.constraints().isEmpty()) {
            return objective;
        }
        ConstraintObjective.check(spec, trainer);
        return new ConstraintObjective(objective, spec.constraints(), spec.metrics().get(0));
    }

    /** What the file's trials search and fix, checked against the trainer; reads no data. */
    public EffectiveConfiguration configuration() {
        return configuration(spec, trainers);
    }

    /**
     * What {@code spec}'s trials search and fix, checked against its trainer among {@code trainers}, as are
     * the names its constraints and later metrics read (when the trainer says what it reports), and whether
     * {@code fit.tensorboard_dir} can be written ({@link WritableDirectory}); reads no data.
     *
     * @throws CliException with every problem found (a {@link ProblemList.Found} when there are several)
     */
    public static EffectiveConfiguration configuration(StudySpec spec, List<TrainerFactory> trainers) {
        TrainerFactory trainer = trainer(spec, trainers);
        ProblemList problems = new ProblemList();
        Optional<EffectiveConfiguration> configuration = problems.get(() -> trainer.configuration(spec));
        problems.check(() -> ConstraintObjective.check(spec, trainer));
        problems.check(() -> StudyFileObjective.check(spec, trainer));
        if (spec.fit().tensorboardDir() != null) {
            problems.check(() -> WritableDirectory.check("fit.tensorboard_dir", spec.fit().tensorboardDir(),
                    RunNames.studyFolder(spec.study()), "a directory the trials can write TensorBoard event files in"
                    + " (created when missing)"));
        }
        problems.throwIfAny();
        return configuration.orElseThrow();
    }

    /** The trainer {@code spec} names, among {@code trainers}. */
    public static TrainerFactory trainer(StudySpec spec, List<TrainerFactory> trainers) {
        return trainers.stream().filter(t -> t.handles(spec.trainer().name())).findFirst()
                .orElseThrow(() -> new CliException("trainer: no trainer named '" + spec.trainer().name()
                        + "' in this build"));
    }

    /** What the run says before {@link #objective} loads the data ({@link TrainerFactory#dataSource}), if anything. */
    public Optional<String> dataSource() {
        return trainer(spec, trainers).dataSource(spec);
    }

    /**
     * The slots of the file's {@code parallel} section on this machine.
     *
     * @throws CliException when a listed slot names a GPU this machine does not have
     */
    public SlotPlan plan() {
        return SlotPlan.of(spec.parallel(), devices);
    }

    /** The slots of the file's {@code parallel} section on this machine (see {@link #plan()}). */
    public SlotPool slots() {
        return plan().slots();
    }

    /** What a run stopped by Ctrl-C says of the trials it was running: see {@link RunInterruption#sayStopped}. */
    static void sayStopped(List<Integer> running, List<Integer> notRetried, String resume, PrintWriter out) {
        RunInterruption.sayStopped(running, notRetried, resume, out);
    }

    /**
     * Runs trials on {@code slots} until the study as a whole has its budget of trials (counting earlier runs and
     * other workers; the budget stored with the study is read again before each trial is claimed, so that {@code
     * tunelab create} raising or lowering it reaches running workers) and no other worker's trial may still need a
     * retry, or the deadline passes, or the study's first {@code fail_fast} trials (of every process) all fail with
     * the same error (then the reason is recorded: see {@link RunSummary#failedFast}; a study already stopped so runs nothing
     * here until {@link #create} begins a new run). Ctrl-C ends this process's running trials as FAIL {@value
     * #INTERRUPTED}; the storage enqueues their retries at once as it does for stale trials (older trials: run
     * again, the study first enqueues them, see {@link InterruptedTrials}), which DJL trials with {@code
     * checkpoint_every} resume.
     *
     * @param deadlineMillis epoch milliseconds after which no trial starts, or 0 for none
     */
    public Study run(Study study, MultiObjective objective, SlotPool slots, long deadlineMillis, PrintWriter out,
                     boolean terminal) {
        int budget = spec.budget().trials();
        List<Integer> interrupted = InterruptedTrials.retry(storage, study);
        if (!interrupted.isEmpty()) {
            out.println("Re-running " + interrupted.size() + " interrupted trial(s): " + interrupted + ".");
        }
        if (FailFast.recordedReason(study).isPresent()) {
            out.println("Study '" + spec.study() + "' was stopped by its fail_fast rule; no trial runs here.");
            out.flush();
            return study;
        }
        BudgetStanding standing = BudgetStanding.of(study);
        Duration timeout = deadlineMillis == 0 ? null : Duration.ofMillis(deadlineMillis - System.currentTimeMillis());
        // a full budget with unsettled trials (e.g. one whose worker was killed) still has work: reaping and retrying it
        boolean full = budget > 0 && standing.toRun(budget) == 0 && storage.unsettledTrials(study.studyId()) == 0;
        if (full || (timeout != null && (timeout.isNegative() || timeout.isZero()))) {
            out.println("Study '" + spec.study() + "' already has its " + (full
                    ? budget + " trials." : "time: its deadline has passed."));
            out.flush();
            return study;
        }
        out.println((standing.started() == 0 ? "Running study '" : "Resuming study '") + spec.study() + "' ("
                + standing.describe(budget) + ") on " + slots.slots());
        spaceChange().ifPresent(out::println);
        out.flush();
        FailFast failFast = new FailFast(spec.failFast());
        StoredBudget budgetNow = new StoredBudget(storage, study.studyId(), budget);
        ProgressBar bar = new ProgressBar(out, budgetNow::last, standing.finished(), terminal, Clock.systemUTC());
        ProgressTicker ticker = ProgressTicker.start(bar, study, terminal);
        Thread hook = RunInterruption.hook(study, storage, ticker, resumedBy, out);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            new BudgetCompletion(storage, out).optimize(study, objective, budget, budgetNow, deadlineMillis, slots,
                    List.of(bar, failFast), () -> failFast.reason().isPresent());
        } finally {
            ticker.stop();
            bar.finish();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook is running
            }
        }
        return study;
    }
}
