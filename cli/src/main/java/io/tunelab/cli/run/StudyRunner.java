package io.tunelab.cli.run;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.error.ProblemList;
import io.tunelab.cli.output.TextTable;
import io.tunelab.cli.progress.ProgressBar;
import io.tunelab.spec.SpecValidationException;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;
import io.tunelab.spec.WarmStartSpec;
import io.tunelab.cli.wiring.EffectiveConfiguration;
import io.tunelab.cli.wiring.SearchComponents;
import io.tunelab.cli.wiring.TrainerFactory;
import io.tunelab.tensorboard.export.RunNames;
import io.tunelab.search.exec.SlotPool;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.FailFast;
import io.tunelab.search.study.MultiObjective;
import io.tunelab.search.study.ParameterKinds;
import io.tunelab.search.study.Objective;
import io.tunelab.tensorboard.live.TensorBoardObjective;
import io.tunelab.search.study.Study;
import io.tunelab.search.study.StudyBuilder;
import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.liveness.RetryPolicy;
import io.tunelab.trainers.device.DeviceInventory;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
    private Optional<String> spaceChange;
    private String resume = "run the study again";

    public StudyRunner(StudySpec spec, String specText, TrialStorage storage, List<TrainerFactory> trainers,
                       DeviceInventory devices) {
        this.spec = spec;
        this.specText = specText;
        this.storage = storage;
        this.trainers = trainers;
        this.devices = devices;
    }

    /**
     * Names what the user ran, for the line a stopped run ends with ({@code To resume, RESUME.}): {@code tunelab run FILE}
     * again, or another worker. Returns this runner.
     */
    public StudyRunner resumedBy(String resume) {
        this.resume = resume;
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
        spaceChange();
        Study study = builder(parallel).createOrLoad();
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
     * metrics, another trainer, other directions, or a parameter of another type of distribution. Only reads the storage,
     * so a dry run can ask it.
     *
     * @throws CliException saying what differs, as {@link #create} does
     */
    public void checkResumable() {
        storage.findStudy(spec.study()).ifPresent(existing -> {
            checkSameObjective(existing);
            if (!existing.directions().equals(spec.directions())) {
                throw new CliException("study '" + spec.study() + "' was created with directions " + existing.directions()
                        + ", not " + spec.directions() + "; give the study a new name to run this file, or keep the"
                        + " stored direction to resume it");
            }
            checkSameKinds(existing);
        });
    }

    /**
     * The notice that the study resumes with another search space than its stored study file searched ({@link
     * SpaceChange}), or empty when it is new, searches the same space, or its stored file cannot be read. Read once,
     * before {@link #create} stores this file, and kept.
     */
    public Optional<String> spaceChange() {
        if (spaceChange == null) {
            spaceChange = storage.findStudy(spec.study()).flatMap(existing -> storedSpec(existing).flatMap(stored -> {
                Map<String, Distribution> before;
                try {
                    before = configuration(stored, trainers).searchSpace();
                } catch (RuntimeException e) {
                    return Optional.empty();
                }
                return SpaceChange.notice(spec.study(), before, configuration().searchSpace(),
                        storage.trials(existing.id(), EnumSet.complementOf(EnumSet.of(TrialState.WAITING))));
            }));
        }
        return spaceChange;
    }

    /** The study file stored with {@code existing}, or empty when it has none that still parses. */
    private static Optional<StudySpec> storedSpec(StudyRecord existing) {
        if (!(existing.systemAttrs().get(STUDY_FILE) instanceof String text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new StudySpecParser().parseStored(text, "study file of '" + existing.name() + "'"));
        } catch (SpecValidationException e) {
            return Optional.empty();
        }
    }

    /** Refuses resuming {@code existing} with other metrics or another trainer than its stored study file names. */
    private void checkSameObjective(StudyRecord existing) {
        Optional<StudySpec> storedFile = storedSpec(existing);
        if (storedFile.isEmpty()) {
            return;
        }
        StudySpec stored = storedFile.get();
        String what = !stored.metrics().equals(spec.metrics()) ? (spec.metrics().size() == 1 ? "metric " : "metrics ")
                + String.join(", ", stored.metrics()) + ", not " + String.join(", ", spec.metrics())
                : !stored.trainer().name().equals(spec.trainer().name())
                ? "trainer " + stored.trainer().name() + ", not " + spec.trainer().name() : null;
        if (what != null) {
            throw new CliException("study '" + spec.study() + "' was created with " + what + "; its trials' values would"
                    + " not compare with the new ones. Give the study a new name to run this file, or keep the stored"
                    + " settings to resume it");
        }
    }

    /**
     * Refuses resuming {@code existing} with a parameter whose distribution is of another type than its trials
     * recorded (or a categorical with other choices): every new trial would fail on it ({@link ParameterKinds}).
     */
    private void checkSameKinds(StudyRecord existing) {
        ParameterKinds kinds = ParameterKinds.of(storage.trials(existing.id(), EnumSet.allOf(TrialState.class)));
        configuration().searchSpace().forEach((name, distribution) -> {
            String refusal = kinds.refusal(name, distribution, -1);
            if (refusal != null) {
                throw new CliException((spec.space().distributions().containsKey(name) ? "space." : "") + name + ": this file searches "
                        + distribution.describe() + ", but " + refusal + ", or run this file as a new study");
            }
        });
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
        return new StudyFileObjective(withStudyFile(trainer(spec, trainers).create(spec)), spec.metrics());
    }

    /** The objective of the file's trainer for trials running on {@code plan}'s slots. */
    public MultiObjective objective(SlotPlan plan) {
        return new StudyFileObjective(withStudyFile(trainer(spec, trainers).create(spec, plan.cpuThreadsPerTrial())),
                spec.metrics());
    }

    /** {@code objective} with what the study file adds around any trainer: constraints, then {@code fit.tensorboard_dir}. */
    private Objective withStudyFile(Objective objective) {
        Objective constrained = constrained(objective, trainer(spec, trainers));
        String tensorboardDir = spec.fit().tensorboardDir();
        return tensorboardDir == null ? constrained
                : new TensorBoardObjective(constrained, java.nio.file.Path.of(tensorboardDir), spec.study(),
                        spec.directions().get(0), Clock.systemUTC());
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

    /**
     * What a run stopped by Ctrl-C (or a termination signal) says of the trials it was running: they end as FAIL,
     * interrupted (by this run's hook or, when it ends them first, by the storage's own exit hook). Those in {@code
     * notRetried} were not enqueued again (max_retries reached, or no retry policy); the others are, within the study's
     * max_retries, whether the storage could already tell or not (its exit hook may close it first), so a worker and a
     * run stopped alike say the same. The last line says how to resume: {@code To resume, RESUME.}, naming what the user
     * ran ({@link #resumedBy}).
     */
    static void sayStopped(List<Integer> running, List<Integer> notRetried, String resume, PrintWriter out) {
        out.println();
        if (running.isEmpty()) {
            out.println("Stopped; no trial was running.");
        } else {
            // retried or not known yet (the storage's exit hook may close it first): one wording, true of both
            List<Integer> retries = running.stream().filter(n -> !notRetried.contains(n)).toList();
            out.println("Stopped: trial(s) " + running + " recorded as FAIL, interrupted."
                    + (retries.isEmpty() ? "" : " Within the study's max_retries, retries of " + retries + " with the same"
                    + " parameters are enqueued (the interrupted trials no longer count toward the budget): other workers"
                    + " of the study run them, or the next run does.")
                    + (notRetried.isEmpty() ? "" : " " + notRetried + " not retried (max_retries reached or no retry"
                    + " policy)."));
        }
        out.println("To resume, " + resume + ".");
        out.flush();
    }

    /**
     * Which of the trials numbered {@code numbers} are retried ({@code retried_by}) and which are not (their message
     * says "not retried"), as {@code [retried, notRetried]}; both empty when the storage cannot say (its exit hook closed
     * it first).
     */
    static List<List<Integer>> retries(TrialStorage storage, long studyId, List<Integer> numbers) {
        List<Integer> retried = new ArrayList<>();
        List<Integer> notRetried = new ArrayList<>();
        try {
            for (int n : numbers) {
                FrozenTrial t = storage.trialByNumber(studyId, n);
                if (t.systemAttrs().containsKey("retried_by")) {
                    retried.add(n);
                } else if (t.message() != null && t.message().contains("not retried")) {
                    notRetried.add(n);
                }
            }
        } catch (RuntimeException closed) {
            return List.of(List.of(), List.of());
        }
        return List.of(retried, notRetried);
    }

    /**
     * Runs trials on {@code slots} until the study as a whole has its budget of trials (counting earlier runs and
     * other workers; the budget stored with the study is read again before each trial is claimed, so that {@code
     * tunelab create} raising or lowering it reaches running workers) and no other worker's trial may still need a
     * retry, or the deadline passes, or the study's first {@code fail_fast} trials (of every process) all fail with
     * the same error (then the reason is recorded: see {@link #failedFast}; a study already stopped so runs nothing
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
        int counted = study.trials().size();
        Duration timeout = deadlineMillis == 0 ? null : Duration.ofMillis(deadlineMillis - System.currentTimeMillis());
        // a full budget with unsettled trials (e.g. one whose worker was killed) still has work: reaping and retrying it
        boolean full = budget > 0 && counted >= budget && storage.unsettledTrials(study.studyId()) == 0;
        if (full || (timeout != null && (timeout.isNegative() || timeout.isZero()))) {
            out.println("Study '" + spec.study() + "' already has its " + (full
                    ? budget + " trials." : "time: its deadline has passed."));
            out.flush();
            return study;
        }
        BudgetStanding standing = BudgetStanding.of(study);
        out.println((standing.started() == 0 ? "Running study '" : "Resuming study '") + spec.study() + "' ("
                + standing.describe(budget) + ") on " + slots.slots());
        if (standing.started() > 0) {
            spaceChange().ifPresent(out::println);
        }
        out.flush();
        FailFast failFast = new FailFast(spec.failFast());
        StoredBudget budgetNow = new StoredBudget(storage, study.studyId(), budget);
        ProgressBar bar = new ProgressBar(out, budgetNow::last, counted, terminal, Clock.systemUTC());
        ScheduledExecutorService ticker = terminal ? ticker(bar, study) : null;
        Thread hook = new Thread(() -> {
            if (ticker != null) {
                ticker.shutdownNow();
            }
            List<Integer> running = study.runningHere();
            study.abandonRunning(INTERRUPTED);
            List<List<Integer>> retries = retries(storage, study.studyId(), running);
            sayStopped(running, retries.get(1), resume, out);
        }, "tunelab-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            new BudgetCompletion(storage, out).optimize(study, objective, budget, budgetNow, deadlineMillis, slots,
                    List.of(bar, failFast), () -> failFast.reason().isPresent());
        } finally {
            if (ticker != null) {
                ticker.shutdownNow();
            }
            bar.finish();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook is running
            }
        }
        return study;
    }

    /** A daemon thread redrawing {@code bar} once a second, so its elapsed time, ETA and best move between trials. */
    private static ScheduledExecutorService ticker(ProgressBar bar, Study study) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tunelab-progress");
            t.setDaemon(true);
            return t;
        });
        long period = ProgressBar.REFRESH.toMillis();
        ticker.scheduleAtFixedRate(() -> bar.tick(study), period, period, TimeUnit.MILLISECONDS);
        return ticker;
    }

    /**
     * Why the study stopped before its budget, when its first {@code fail_fast} trials all failed alike
     * (see {@link FailFast}): the lines to print, with what to do.
     */
    public static java.util.Optional<String> failedFast(Study study) {
        return FailFast.recordedReason(study).map(reason -> "study '" + study.name() + "' stopped: " + reason
                + System.lineSeparator() + "Fix what the message names (the trainer's options, the data, the study file)"
                + " and run again: the study resumes to its budget. `fail_fast: 0` in the study file turns this check off.");
    }

    /**
     * Why the run counts as failed when no trial of the study completed and at least one failed: how many failed and the
     * first failure's message, with what to do; empty otherwise (a study with a COMPLETE trial, or only pruned ones).
     */
    public static java.util.Optional<String> nothingCompleted(Study study) {
        List<FrozenTrial> trials = study.trials();
        List<FrozenTrial> failed = trials.stream().filter(t -> t.state() == TrialState.FAIL)
                .sorted(Comparator.comparingInt(FrozenTrial::number)).toList();
        if (failed.isEmpty() || trials.stream().anyMatch(t -> t.state() == TrialState.COMPLETE)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("no trial of study '" + study.name() + "' completed: " + failed.size() + " failed;"
                + " the first (trial " + failed.get(0).number() + "): " + failed.get(0).message());
    }

    /**
     * One line of counts: {@code Study 'x': 12 complete, 3 pruned, 0 failed.}, with
     * {@code 12 complete (4 violating a constraint)} when some COMPLETE trials are infeasible.
     */
    public static String counts(Study study) {
        Map<TrialState, Long> counts = study.trials().stream().collect(
                Collectors.groupingBy(FrozenTrial::state, () -> new EnumMap<>(TrialState.class), Collectors.counting()));
        List<FrozenTrial> complete = study.trials(EnumSet.of(TrialState.COMPLETE));
        int infeasible = complete.size() - Constraints.feasible(complete).size();
        return "Study '" + study.name() + "': " + counts.getOrDefault(TrialState.COMPLETE, 0L) + " complete"
                + (infeasible == 0 ? "" : " (" + infeasible + " violating a constraint)") + ", "
                + counts.getOrDefault(TrialState.PRUNED, 0L) + " pruned, " + counts.getOrDefault(TrialState.FAIL, 0L)
                + " failed.";
    }

    /**
     * The best trials (up to {@code n}, best first; the Pareto front for several objectives) as a table,
     * among the trials whose constraints hold (empty when none does).
     */
    public static TextTable summary(Study study, int n) {
        List<FrozenTrial> best;
        if (study.isMultiObjective()) {
            best = study.bestTrials();
        } else {
            Direction d = study.direction();
            best = new ArrayList<>(Constraints.feasible(study.trials(EnumSet.of(TrialState.COMPLETE))));
            best.sort(Comparator.comparingDouble(t -> d.asLoss(t.value())));
            best = best.subList(0, Math.min(n, best.size()));
        }
        List<String> params = new ArrayList<>();
        best.forEach(t -> t.params().keySet().stream().filter(p -> !params.contains(p)).forEach(params::add));
        List<String> columns = new ArrayList<>(List.of("trial"));
        for (int i = 0; i < study.directions().size(); i++) {
            columns.add(study.directions().size() == 1 ? "value" : "value_" + i);
        }
        columns.addAll(params);
        List<List<Object>> rows = new ArrayList<>();
        for (FrozenTrial t : best) {
            List<Object> row = new ArrayList<>();
            row.add(t.number());
            t.values().forEach(row::add);
            params.forEach(p -> row.add(t.params().get(p)));
            rows.add(row);
        }
        return new TextTable(columns, rows);
    }
}
