package io.tunelab.dashboard.data;

import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.tracker.query.ChangeQueries;
import io.tunelab.tracker.query.ChangeQueries.ChangedTrial;
import io.tunelab.tracker.query.ChangeQueries.SeriesGrowth;
import io.tunelab.tracker.query.ChangeQueries.TrialActivity;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * The change feed of a tracker database, from its own cursors instead of re-reading every trial. A
 * refresh (at most once per {@code minInterval}) asks the database only what moved:
 * <ol>
 *   <li>each study's change counter; for studies whose counter moved, the trial rows with
 *       {@code change_seq} above the last one seen (trials created, claimed or finished);</li>
 *   <li>the child-row counts of the trials it knows to be RUNNING (parameters, intermediate values and
 *       attributes are written without moving the change counter);</li>
 *   <li>series with points whose {@code point_id} is above the point cursor. The scan starts a couple
 *       of seconds behind the newest id seen, because writers in other processes may commit ids out of
 *       order; a series is reported again only when its point count moved.</li>
 * </ol>
 * A study's attributes (its user attributes among them) are written without moving its counter either: each
 * {@link #since} and each {@link #watch} reads the study's attributes and stamps them when they differ from the last
 * ones read. A page reads the cursor, then the study (which watches it), so the baseline its stream is compared with
 * is no later than what the page shows: a change made before the stream's first request is a change after its cursor.
 * Each thing that changed is stamped with the next number of this feed's own sequence; a cursor is such
 * a number. The sequence starts at a base taken from the wall clock at construction, so a cursor kept
 * by a browser from an earlier dashboard process is almost always outside this feed's range and gets
 * {@code reset}. Thread-safe (one lock; snapshots of changed trials are loaded outside it).
 */
final class TrackerChangeFeed {
    private static final long RESCAN_NANOS = 2_000_000_000L;
    private static final long MAX_RETRY_SECONDS = 10;

    private final ChangeQueries queries;
    private final long minIntervalNanos;
    private final LongFunction<Map<String, Object>> studyAttrs;
    private final long base;
    private final Map<Long, StudyFeed> studies = new HashMap<>();
    private final Map<Long, Long> runningStudy = new HashMap<>();
    private final Map<Long, TrialActivity> activity = new HashMap<>();
    private final Map<Long, Changes.MetricUpdate> series = new HashMap<>();
    /** Per study, when a refresh last saw one of its running trials report an intermediate value (they carry no time). */
    private final Map<Long, Instant> reportSeen = new HashMap<>();
    private final ArrayDeque<long[]> pointMarks = new ArrayDeque<>();
    private long seq;
    private long pointScanFrom = -1;
    private long newestPoint;
    private long lastRefresh = Long.MIN_VALUE;
    private long rowsRead;
    /** The last refresh's failure while it is not retried yet, with the failures in a row; null after a refresh succeeded. */
    private RuntimeException failure;
    private int failures;

    /** Per study: the last change counter seen, and the stamps of changed trials and series. */
    private static final class StudyFeed {
        long counter;
        final Map<Long, Long> trialStamp = new HashMap<>();
        final TreeMap<Long, Long> trialsByStamp = new TreeMap<>();
        final Map<Long, Long> seriesStamp = new HashMap<>();
        final TreeMap<Long, Long> seriesByStamp = new TreeMap<>();
        Map<String, Object> attrs;
        long attrsStamp;

        StudyFeed(long counter) {
            this.counter = counter;
        }
    }

    /**
     * @param studyAttrs a study's attributes as stored now; throws NOT_FOUND for an unknown study id
     */
    TrackerChangeFeed(ChangeQueries queries, long minIntervalMillis, LongFunction<Map<String, Object>> studyAttrs) {
        this.queries = queries;
        this.minIntervalNanos = minIntervalMillis * 1_000_000L;
        this.studyAttrs = studyAttrs;
        this.base = System.currentTimeMillis() * 1000;
        this.seq = base;
    }

    /**
     * Refreshes if the last refresh is older than the minimum interval; returns the current cursor. After a refresh
     * failed (the database unreachable or slow), the next one waits {@link #retryDelayNanos}, 1 s doubling to
     * {@value #MAX_RETRY_SECONDS} s: meanwhile every caller (each open stream, each tick) gets that failure again without
     * asking the database, so an outage costs the database one attempt per delay, not one per caller.
     *
     * @throws RuntimeException the failure of the last refresh, until its retry is due
     */
    synchronized long cursor() {
        long now = System.nanoTime();
        if (failure != null && now - lastRefresh < retryDelayNanos()) {
            throw failure;
        }
        if (lastRefresh == Long.MIN_VALUE || failure != null || now - lastRefresh >= minIntervalNanos) {
            try {
                refresh(now);
                failure = null;
                failures = 0;
            } catch (RuntimeException e) {
                failure = e;
                failures++;
                throw e;
            } finally {
                lastRefresh = System.nanoTime();
            }
        }
        return seq;
    }

    /** How long after the last failed refresh the next one waits: 1 s, doubling with each failure in a row, up to a cap. */
    private long retryDelayNanos() {
        return Math.min(MAX_RETRY_SECONDS, 1L << Math.min(failures - 1, 5)) * 1_000_000_000L;
    }

    /**
     * When this feed, refreshed now if due, last saw a running trial of the study report an intermediate value (within
     * one refresh interval of the report), or null if it has not since it started.
     */
    synchronized Instant reportSeen(long studyId) {
        cursor();
        return reportSeen.get(studyId);
    }

    /** Rows the feed's queries returned so far (for tests: a refresh must read only what changed). */
    synchronized long rowsRead() {
        return rowsRead;
    }

    /**
     * Reads the study's attributes now and stamps them if they differ from the last ones read: a reader that took the
     * cursor before this call is told of any later change by {@link #since}, even when its first call comes later.
     *
     * @throws RuntimeException NOT_FOUND for an unknown study (see the constructor), or the last refresh's failure
     */
    void watch(long studyId) {
        Map<String, Object> attrs = studyAttrs.apply(studyId);
        synchronized (this) {
            cursor();
            // a study created after the last refresh is new to the next one too: it finds every trial changed
            noteAttrs(studies.computeIfAbsent(studyId, id -> new StudyFeed(0)), attrs);
        }
    }

    /** Takes {@code attrs} as the study's latest attributes; returns the cursor, moved on when they differ from the last read. */
    private long noteAttrs(StudyFeed feed, Map<String, Object> attrs) {
        if (!attrs.equals(feed.attrs)) {
            if (feed.attrs != null) {
                feed.attrsStamp = ++seq;
            }
            feed.attrs = attrs;
        }
        return seq;
    }

    /** Changes of one study after {@code cursor}; the changed trials' snapshots and the study's attributes are read now. */
    Changes since(long studyId, long cursor) {
        long current;
        List<Long> trialIds;
        List<Changes.MetricUpdate> metrics = new ArrayList<>();
        boolean study;
        synchronized (this) {
            if (failure != null && System.nanoTime() - lastRefresh < retryDelayNanos()) {
                throw failure; // the database is not asked again before the retry is due (see cursor())
            }
        }
        Map<String, Object> attrs = studyAttrs.apply(studyId);
        synchronized (this) {
            current = cursor();
            StudyFeed feed = studies.get(studyId);
            if (feed == null) {
                return new Changes(current, false, List.of(), List.of());
            }
            current = noteAttrs(feed, attrs);
            if (cursor < base || cursor > current) {
                return new Changes(current, true, List.of(), List.of());
            }
            study = feed.attrsStamp > cursor;
            trialIds = List.copyOf(feed.trialsByStamp.tailMap(cursor, false).values());
            for (long seriesId : feed.seriesByStamp.tailMap(cursor, false).values()) {
                metrics.add(series.get(seriesId));
            }
        }
        List<FrozenTrial> trials = trialIds.isEmpty() ? List.of() : queries.trials(studyId, trialIds);
        synchronized (this) {
            rowsRead += trials.size();
        }
        return new Changes(current, false, trials, metrics, study);
    }

    private void refresh(long now) {
        boolean first = pointScanFrom < 0;
        long firstPoint = first ? queries.lastPointId() : pointScanFrom;
        Map<Long, Long> counters = queries.counters();
        rowsRead += counters.size();
        for (Map.Entry<Long, Long> e : counters.entrySet()) {
            long studyId = e.getKey();
            StudyFeed feed = studies.get(studyId);
            if (feed == null && first) {
                studies.put(studyId, new StudyFeed(e.getValue()));
                for (TrialActivity a : queries.activity(studyId)) {
                    rowsRead++;
                    track(a);
                }
                continue;
            }
            if (feed == null) {
                feed = new StudyFeed(0);
                studies.put(studyId, feed);
            }
            if (e.getValue() > feed.counter) {
                List<ChangedTrial> changed = queries.changedTrials(studyId, feed.counter);
                rowsRead += changed.size();
                for (ChangedTrial t : changed) {
                    stamp(feed.trialStamp, feed.trialsByStamp, t.trialId());
                    if (t.state().isFinished()) {
                        runningStudy.remove(t.trialId());
                        activity.remove(t.trialId());
                    } else {
                        runningStudy.put(t.trialId(), studyId);
                    }
                }
                feed.counter = e.getValue();
            }
        }
        if (!runningStudy.isEmpty()) {
            for (TrialActivity a : queries.activity(runningStudy.keySet())) {
                rowsRead++;
                TrialActivity before = activity.put(a.trialId(), a);
                if (before != null && !before.equals(a)) {
                    StudyFeed feed = studies.get(a.studyId());
                    stamp(feed.trialStamp, feed.trialsByStamp, a.trialId());
                    if (a.intermediates() != before.intermediates()) {
                        reportSeen.put(a.studyId(), Instant.now());
                    }
                }
                runningStudy.put(a.trialId(), a.studyId());
            }
        }
        if (first) {
            // only now: a first refresh that failed half-way is a first refresh again, not one that finds every trial new
            pointScanFrom = firstPoint;
            newestPoint = firstPoint;
        } else {
            readPoints(now);
        }
    }

    private void track(TrialActivity a) {
        runningStudy.put(a.trialId(), a.studyId());
        activity.put(a.trialId(), a);
    }

    private void readPoints(long now) {
        List<SeriesGrowth> grown = queries.grownSince(pointScanFrom);
        rowsRead += grown.size();
        for (SeriesGrowth g : grown) {
            newestPoint = Math.max(newestPoint, g.lastPointId());
            Changes.MetricUpdate before = series.get(g.seriesId());
            if (before != null && before.count() == g.count()) {
                continue;
            }
            series.put(g.seriesId(), new Changes.MetricUpdate(g.trialId(), g.number(), g.name(), g.count(), g.lastStep()));
            StudyFeed feed = studies.get(g.studyId());
            if (feed != null) {
                stamp(feed.seriesStamp, feed.seriesByStamp, g.seriesId());
            }
        }
        pointMarks.addLast(new long[] {now, newestPoint});
        while (pointMarks.size() > 1 && now - pointMarks.peekFirst()[0] > RESCAN_NANOS) {
            pointScanFrom = pointMarks.pollFirst()[1];
        }
    }

    private void stamp(Map<Long, Long> stampOf, TreeMap<Long, Long> byStamp, long id) {
        Long old = stampOf.put(id, ++seq);
        if (old != null) {
            byStamp.remove(old);
        }
        byStamp.put(seq, id);
    }
}
