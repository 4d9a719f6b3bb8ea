package io.tunelab.cli.run;

import io.tunelab.cli.progress.ProgressBar;
import io.tunelab.search.study.Study;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A daemon thread redrawing a run's {@link ProgressBar} once a second on a terminal, so its elapsed time, ETA and best
 * move between trials; off a terminal it does nothing. Thread-safe: {@link #stop} may be called from a shutdown hook
 * and again from the run.
 */
final class ProgressTicker {
    private final ScheduledExecutorService executor;

    private ProgressTicker(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /** Starts redrawing {@code bar} over {@code study} when {@code terminal}, else a ticker that does nothing. */
    static ProgressTicker start(ProgressBar bar, Study study, boolean terminal) {
        if (!terminal) {
            return new ProgressTicker(null);
        }
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tunelab-progress");
            t.setDaemon(true);
            return t;
        });
        long period = ProgressBar.REFRESH.toMillis();
        ticker.scheduleAtFixedRate(() -> bar.tick(study), period, period, TimeUnit.MILLISECONDS);
        return new ProgressTicker(ticker);
    }

    /** Stops redrawing; a no-op when stopped already or never started. */
    void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
