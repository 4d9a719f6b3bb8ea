package io.tunelab.cli.progress;

import io.tunelab.cli.output.Numbers;
import io.tunelab.search.study.Study;
import io.tunelab.search.study.TrialCallback;
import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * A {@link TrialCallback} that shows the study's trials out of its budget (a resumed study's earlier trials and
 * other workers' included: {@code 37/100 trials (12 by this worker)}), the study's best value so far and the
 * estimated time left. The study-wide count costs no query: trial numbers are gap-free per study, so the highest
 * number seen tells how many trials the study has at least. On a terminal it redraws one line; otherwise (a log
 * file, CI) it prints a line per finished trial. Thread-safe: parallel trials report through one lock.
 */
public final class ProgressBar implements TrialCallback {
    private static final int WIDTH = 24;

    private final PrintWriter out;
    private final IntSupplier budget;
    private final int before;
    private final boolean redraw;
    private final Clock clock;
    private final long startMillis;
    private int done;
    private int studyTrials;
    private int pruned;
    private int failed;
    private FrozenTrial best;
    private boolean seeded;

    /**
     * @param budget the study's budget of trials as last known (asked for each line, so it must be cheap), or 0 when
     *               only a timeout bounds the study
     * @param before the study's trials when this run began
     * @param redraw whether to redraw one line (a terminal) instead of printing a line per trial
     */
    public ProgressBar(PrintWriter out, IntSupplier budget, int before, boolean redraw, Clock clock) {
        this.out = out;
        this.budget = budget;
        this.before = before;
        this.studyTrials = before;
        this.redraw = redraw;
        this.clock = clock;
        this.startMillis = clock.millis();
    }

    @Override
    public synchronized void afterTrial(Study study, FrozenTrial trial) {
        if (!seeded && study.directions().size() == 1) {
            // a resumed study's best, or another worker's, counts from the start: the line shows the study's best
            best = Constraints.bestFeasible(study.trials(EnumSet.of(TrialState.COMPLETE)), study.direction()).orElse(null);
        }
        seeded = true;
        done++;
        studyTrials = Math.max(studyTrials, trial.number() + 1);
        if (trial.state() == TrialState.PRUNED) {
            pruned++;
        } else if (trial.state() == TrialState.FAIL) {
            failed++;
        } else if (trial.state() == TrialState.COMPLETE && trial.values().size() == 1 && Constraints.holds(trial)
                && (best == null || study.direction().better(trial.value(), best.value()))) {
            best = trial;
        }
        String line = line();
        if (redraw) {
            out.print("\r" + line);
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Ends the bar's line (on a terminal). */
    public synchronized void finish() {
        if (redraw && done > 0) {
            out.println();
            out.flush();
        }
    }

    synchronized String line() {
        StringBuilder s = new StringBuilder();
        int total = budget.getAsInt();
        if (total > 0) {
            int filled = (int) Math.round(WIDTH * Math.min(1.0, studyTrials / (double) total));
            s.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
            s.append(studyTrials).append('/').append(Math.max(total, studyTrials)).append(" trials");
        } else {
            s.append(studyTrials).append(" trials");
        }
        boolean others = studyTrials - before > done;
        if (others || pruned > 0 || failed > 0) {
            s.append(" (").append(others ? done + " by this worker" : "");
            if (pruned > 0 || failed > 0) {
                s.append(others ? "; of them " : "").append(pruned).append(" pruned, ").append(failed).append(" failed");
            }
            s.append(')');
        }
        if (best != null) {
            s.append(" | best ").append(Numbers.compact(best.value())).append(" (trial ").append(best.number()).append(')');
        }
        long elapsed = clock.millis() - startMillis;
        s.append(" | ").append(human(Duration.ofMillis(elapsed)));
        int progressed = studyTrials - before;
        if (total > 0 && progressed > 0 && studyTrials < total) {
            long eta = elapsed * (total - studyTrials) / progressed;
            s.append(" | ETA ").append(human(Duration.ofMillis(eta)));
        }
        return s.toString();
    }

    /** {@code 1h02m}, {@code 3m10s}, {@code 42s}. */
    static String human(Duration d) {
        long s = d.toSeconds();
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return s + "s";
    }
}
