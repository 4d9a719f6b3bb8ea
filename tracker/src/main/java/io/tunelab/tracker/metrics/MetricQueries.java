package io.tunelab.tracker.metrics;

import io.tunelab.search.trial.MetricPoint;
import java.util.List;
import java.util.Map;

/**
 * The read side of per-step metric series, for the dashboard, the registry and the storage port: full
 * series, step ranges at full resolution, min/max-preserving downsampling, per-series summaries
 * (latest, min, max) and cursor reads of new points. Points are written through the tracking store's
 * {@code logMetrics}; these reads see what it has flushed.
 *
 * <p>Thread-safe. Results are immutable (the arrays of {@link SeriesColumns} belong to the caller). A
 * trial or series that does not exist has no points: its reads are empty, not NOT_FOUND. Bad arguments
 * throw a {@code TrackerException} of kind INVALID; an unreachable database, UNAVAILABLE.
 */
public interface MetricQueries {

    /** Names of the trial's series, alphabetically. */
    List<String> names(long trialId);

    /** Every point of a series, ordered by step, then wall time, then logging order. */
    default List<MetricPoint> series(long trialId, String name) {
        return series(trialId, name, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** Every point of a series with {@code fromStep <= step <= toStep}, in step order (a zoomed view). */
    List<MetricPoint> series(long trialId, String name, long fromStep, long toStep);

    /** At most {@code maxPoints} (2 or more) points of a series keeping each bucket's min and max (see {@link Downsampler}). */
    default List<MetricPoint> downsampled(long trialId, String name, int maxPoints) {
        return downsampled(trialId, name, maxPoints, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** A step range of a series downsampled to at most {@code maxPoints} (2 or more) points. */
    List<MetricPoint> downsampled(long trialId, String name, int maxPoints, long fromStep, long toStep);

    /**
     * Every point of a series with {@code fromStep <= step <= toStep} as columns in step order (ties: wall
     * time, then logging order); empty columns if there is no such series. Cheaper than
     * {@link #series(long, String, long, long)} for long series.
     */
    SeriesColumns columns(long trialId, String name, long fromStep, long toStep);

    /**
     * Points of every series of a trial written after cursor {@code after} (0 for the beginning), in
     * writing order, at most {@code limit} (1 or more): a live view polls with the returned cursor and
     * gets only what is new.
     */
    MetricPage after(long trialId, long after, int limit);

    /** Summaries of every series of a trial, by name. */
    List<SeriesSummary> summaries(long trialId);

    /** The summary of one metric for every trial of a study that logged it, keyed by trial id (a table column). */
    Map<Long, SeriesSummary> column(long studyId, String name);

    /** Every metric name logged in a study, alphabetically. */
    List<String> studyMetricNames(long studyId);
}
