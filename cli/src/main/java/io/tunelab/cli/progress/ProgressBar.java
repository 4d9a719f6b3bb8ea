package io.tunelab.cli.progress;

import io.tunelab.cli.output.Numbers;
import io.tunelab.search.storage.TrialBudget;
import io.tunelab.search.study.Study;
import io.tunelab.search.study.TrialCallback;
import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.TrialState;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * A {@link TrialCallback} that shows the study's finished trials out of its budget (a resumed study's earlier trials
 * and other workers' included: {@code 37/100 trials (12 by this worker)}), the study's best value so far and the
 * estimated time left. It counts exactly the trials that count toward the budget ({@link TrialBudget}): a stale or
 * interrupted trial superseded by its retry is left out, so the retry alone counts. It knows the numbers of the
 * finished trials it counted, this worker's as they finish and the others' from the store, read at most once a
 * {@linkplain #REFRESH second} (for the best value too), so no trial is counted twice. On a terminal it redraws one
 * line, at each finished trial and at each {@link #tick}, so the elapsed time and the ETA move between trials;
 * otherwise (a log file, CI) it prints a line per finished trial. Thread-safe: parallel trials and the ticking thread
 * report through one lock.
 *
 * <p>The ETA is the time the trials so far took per trial times the trials left, as of the last time the study
 * progressed, counting down from then; but never less than that estimate would be if a trial finished now, so a
 * slow trial makes it grow again rather than stop at 0s.
 */
public final class ProgressBar implements TrialCallback {
    private static final int WIDTH = 24;
    /** The least time between two reads of the store. */
    public static final Duration REFRESH = Duration.ofSeconds(1);
    private static final EnumSet<TrialState> FINISHED = EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED,
            TrialState.FAIL);

    private final PrintWriter out;
    private final IntSupplier budget;
    private final int before;
    private final boolean redraw;
    private final Clock clock;
    private final long startMillis;
    /** Numbers of the study's finished trials that count toward the budget, as far as known. */
    private final Set<Integer> finished = new HashSet<>();
    private boolean storeRead;
    private int done;
    private int studyTrials;
    private int pruned;
    private int failed;
    private FrozenTrial best;
    private long refreshedMillis = Long.MIN_VALUE;
    private long progressedMillis;
    private boolean drawn;

    /**
     * @param budget the study's budget of trials as last known (asked for each line, so it must be cheap), or 0 when
     *               only a timeout bounds the study
     * @param before the study's finished trials that count toward its budget when this run began
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
        long now = clock.millis();
        refreshIfDue(study, now);
        if (TrialBudget.counts(trial)) {
            count(trial, now);
        }
        if (trial.state() == TrialState.COMPLETE && trial.values().size() == 1 && Constraints.holds(trial)
                && (best == null || study.direction().better(trial.value(), best.value()))) {
            best = trial;
        }
        String line = line(now);
        if (redraw) {
            out.print("\r" + line);
            drawn = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Counts a trial of this worker's that finished and counts toward the budget. */
    private void count(FrozenTrial trial, long now) {
        done++;
        finished.add(trial.number());
        progressed(now);
        if (trial.state() == TrialState.PRUNED) {
            pruned++;
        } else if (trial.state() == TrialState.FAIL) {
            failed++;
        }
    }

    /**
     * Redraws the line on a terminal with the time now, after reading the store if it was last read {@link #REFRESH}
     * ago or longer (other runs' trials and best value); does nothing otherwise. Called about once a second between
     * trials; a store that cannot be read leaves the line's counts and best as they were.
     */
    public synchronized void tick(StudyView study) {
        if (!redraw) {
            return;
        }
        long now = clock.millis();
        refreshIfDue(study, now);
        out.print("\r" + line(now));
        out.flush();
        drawn = true;
    }

    /** Reads the study's best value and its finished trials from the store, at most once per {@link #REFRESH}. */
    private void refreshIfDue(StudyView study, long now) {
        if (refreshedMillis != Long.MIN_VALUE && now - refreshedMillis < REFRESH.toMillis()) {
            return;
        }
        refreshedMillis = now;
        try {
            List<FrozenTrial> trials = study.trials(FINISHED);
            if (study.directions().size() == 1) {
                // a resumed study's best, or another worker's, counts too: the line shows the study's best
                List<FrozenTrial> complete = trials.stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
                Constraints.bestFeasible(complete, study.direction())
                        .filter(b -> best == null || study.direction().better(b.value(), best.value()))
                        .ifPresent(b -> best = b);
            }
            for (FrozenTrial t : trials) {
                if (TrialBudget.counts(t)) {
                    finished.add(t.number());
                } else {
                    finished.remove(t.number());
                }
            }
            storeRead = true;
            progressed(now);
        } catch (RuntimeException e) {
            // the store is unreachable for now: the line keeps what it showed, and the next refresh tries again
        }
    }

    /**
     * Counts the study's finished trials again: those known by number once the store was read, else this run's on top
     * of those before it; if that is more than shown, the study progressed.
     */
    private void progressed(long now) {
        int trials = storeRead ? finished.size() : before + done;
        if (trials <= studyTrials) {
            return;
        }
        studyTrials = trials;
        progressedMillis = now;
    }

    /** Ends the bar's line (on a terminal). */
    public synchronized void finish() {
        if (redraw && drawn) {
            out.println();
            out.flush();
        }
    }

    synchronized String line(long now) {
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
        long elapsed = now - startMillis;
        s.append(" | ").append(human(Duration.ofMillis(elapsed)));
        int progressed = studyTrials - before;
        if (total > 0 && progressed > 0 && studyTrials < total) {
            long left = total - studyTrials;
            long countdown = (progressedMillis - startMillis) * left / progressed - (now - progressedMillis);
            long ifOneFinishedNow = elapsed * (left - 1) / (progressed + 1);
            s.append(" | ETA ").append(human(Duration.ofMillis(Math.max(countdown, ifOneFinishedNow))));
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
