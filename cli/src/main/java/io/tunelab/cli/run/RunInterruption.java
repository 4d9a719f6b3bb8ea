package io.tunelab.cli.run;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run does when Ctrl-C (or a termination signal) stops it: its shutdown hook ends the trials running here as
 * FAIL {@value StudyRunner#INTERRUPTED} and says which of them are retried. Stateless.
 */
final class RunInterruption {
    private RunInterruption() {
    }

    /**
     * The shutdown hook of a run of {@code study}: stops {@code ticker}, abandons the trials running here and says what
     * became of them on {@code out}.
     */
    static Thread hook(Study study, TrialStorage storage, ProgressTicker ticker, String resume, PrintWriter out) {
        return new Thread(() -> {
            ticker.stop();
            List<Integer> running = study.runningHere();
            study.abandonRunning(StudyRunner.INTERRUPTED);
            List<List<Integer>> retries = retries(storage, study.studyId(), running);
            sayStopped(running, retries.get(1), resume, out);
        }, "tunelab-interrupt");
    }

    /**
     * What a run stopped by Ctrl-C (or a termination signal) says of the trials it was running: they end as FAIL,
     * interrupted (by this run's hook or, when it ends them first, by the storage's own exit hook). Those in {@code
     * notRetried} were not enqueued again (max_retries reached, or no retry policy); the others are, within the study's
     * max_retries, whether the storage could already tell or not (its exit hook may close it first), so a worker and a
     * run stopped alike say the same. The last line says how to resume: {@code To resume, RESUME.}, naming what the user
     * ran ({@link StudyRunner#resumedBy}).
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
}
