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

/**
 * A {@link TrialCallback} that shows trials done out of the budget, the study's best value so far (a resumed
 * study's earlier trials and other workers' included) and the estimated time left. On a terminal it redraws one
 * line; otherwise (a log file, CI) it prints a line per finished trial. Thread-safe: parallel trials report through one lock.
 */
public final class ProgressBar implements TrialCallback {
    private static final int WIDTH = 24;

    private final PrintWriter out;
    private final int total;
    private final boolean redraw;
    private final Clock clock;
    private final long startMillis;
    private int done;
    private int pruned;
    private int failed;
    private FrozenTrial best;
    private boolean seeded;

    /**
     * @param total  trials this run will start, or 0 when only a timeout bounds it
     * @param redraw whether to redraw one line (a terminal) instead of printing a line per trial
     */
    public ProgressBar(PrintWriter out, int total, boolean redraw, Clock clock) {
        this.out = out;
        this.total = total;
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
        if (total > 0) {
            int filled = (int) Math.round(WIDTH * Math.min(1.0, done / (double) total));
            s.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
            s.append(done).append('/').append(Math.max(total, done)).append(" trials");
        } else {
            s.append(done).append(" trials");
        }
        if (pruned > 0 || failed > 0) {
            s.append(" (").append(pruned).append(" pruned, ").append(failed).append(" failed)");
        }
        if (best != null) {
            s.append(" | best ").append(Numbers.compact(best.value())).append(" (trial ").append(best.number()).append(')');
        }
        long elapsed = clock.millis() - startMillis;
        s.append(" | ").append(human(Duration.ofMillis(elapsed)));
        if (total > 0 && done > 0 && done < total) {
            long eta = elapsed * (total - done) / done;
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
