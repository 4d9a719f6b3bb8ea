package io.tunelab.cli.run;

import io.tunelab.cli.CliException;
import io.tunelab.cli.output.Table;
import io.tunelab.cli.progress.ProgressBar;
import io.tunelab.cli.spec.StudySpec;
import io.tunelab.cli.wiring.SearchComponents;
import io.tunelab.cli.wiring.TrainerFactory;
import io.tunelab.search.exec.SlotPool;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.Objective;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * Runs the study a study file describes against a storage: creates it, or resumes it when a study
 * of that name exists (the budget counts the trials already finished), shows progress, and prints a
 * summary of the best trials. Ctrl-C ends the running trials as FAIL "interrupted" and keeps
 * everything already committed, so running again resumes.
 */
public final class StudyRunner {
    /** The message of trials cut short by Ctrl-C. */
    public static final String INTERRUPTED = "interrupted: the run was stopped (Ctrl-C) before this trial ended";

    private final StudySpec spec;
    private final TrialStorage storage;
    private final List<TrainerFactory> trainers;
    private final int gpus;

    public StudyRunner(StudySpec spec, TrialStorage storage, List<TrainerFactory> trainers, int gpus) {
        this.spec = spec;
        this.storage = storage;
        this.trainers = trainers;
        this.gpus = gpus;
    }

    /** Opens (creates or resumes) the study the file names, with its sampler and pruner. */
    public Study open() {
        return Study.builder(spec.study())
                .storage(storage)
                .directions(spec.directions().toArray(Direction[]::new))
                .seed(spec.sampler().seed())
                .sampler(SearchComponents.sampler(spec.sampler(), spec.space(), spec.parallel().workers() > 1))
                .pruner(SearchComponents.pruner(spec.pruner()))
                .createOrLoad();
    }

    /** The objective of the file's trainer. */
    public Objective objective() {
        return trainers.stream().filter(t -> t.handles(spec.trainer().name())).findFirst()
                .orElseThrow(() -> new CliException("trainer: no trainer named '" + spec.trainer().name()
                        + "' in this build"))
                .create(spec);
    }

    /** Trials still to run: the budget minus trials already finished in earlier runs (0 = timeout only). */
    public int remainingTrials(Study study) {
        if (spec.budget().trials() == 0) {
            return 0;
        }
        int finished = study.trials(EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL)).size();
        return Math.max(0, spec.budget().trials() - finished);
    }

    /** Runs the study to its budget; returns it for the summary. */
    public Study run(PrintWriter out, boolean terminal) {
        Objective objective = objective();
        Study study = open();
        int remaining = remainingTrials(study);
        if (spec.budget().trials() > 0 && remaining == 0) {
            out.println("Study '" + spec.study() + "' already has its " + spec.budget().trials() + " trials.");
            return study;
        }
        SlotPool slots = SlotPlan.of(spec.parallel(), gpus);
        int before = study.trials().size();
        out.println((before == 0 ? "Running study '" : "Resuming study '") + spec.study() + "' ("
                + (before == 0 ? "" : before + " trials so far, ") + (remaining > 0 ? remaining + " to run" : "until "
                + spec.budget().timeout()) + ") on " + slots.slots());
        out.flush();
        ProgressBar bar = new ProgressBar(out, remaining, terminal, Clock.systemUTC());
        Thread hook = new Thread(() -> study.abandonRunning(INTERRUPTED), "tunelab-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            OptimizeOptions options = new OptimizeOptions(remaining, spec.budget().timeout(), slots, List.of(),
                    List.of(bar));
            study.optimize(objective, options);
        } finally {
            bar.finish();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook is running
            }
        }
        return study;
    }

    /** The best trials (up to {@code n}, best first; the Pareto front for several objectives) as a table. */
    public static Table summary(Study study, int n) {
        List<FrozenTrial> best;
        if (study.isMultiObjective()) {
            best = study.bestTrials();
        } else {
            Direction d = study.direction();
            best = new ArrayList<>(study.trials(EnumSet.of(TrialState.COMPLETE)));
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
        return new Table(columns, rows);
    }
}
