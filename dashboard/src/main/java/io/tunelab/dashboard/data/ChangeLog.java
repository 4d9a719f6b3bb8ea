package io.tunelab.dashboard.data;

import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.summary.SummaryTag;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link TrialStorage}, which keeps no change history, into a change feed (for
 * {@link StorageDashboardData}, e.g. over the in-memory storage; a tracker database has cursors of its own,
 * read by {@link TrackerChangeFeed}, so no study is re-read there): each refresh compares
 * every trial with a fingerprint of its last seen snapshot (and, for running trials, the length of each
 * metric series and the number of summaries), and each study's attributes (its user attributes among them), and stamps
 * what differs with the next sequence number. A cursor is such a number.
 * Refreshes happen on demand, at most once per {@code minInterval} nanoseconds. Thread-safe (one lock).
 */
final class ChangeLog {
    private static final Set<TrialState> ALL = EnumSet.allOf(TrialState.class);

    private final TrialStorage storage;
    private final long minIntervalNanos;
    private final Map<Long, StudyMarks> studies = new HashMap<>();
    /** Per study, when a refresh last saw one of its running trials report an intermediate value (they carry no time). */
    private final Map<Long, Instant> reportSeen = new HashMap<>();
    private long seq;
    private long lastRefresh = Long.MIN_VALUE;

    ChangeLog(TrialStorage storage, long minIntervalNanos) {
        this.storage = storage;
        this.minIntervalNanos = minIntervalNanos;
    }

    /** What makes a trial "changed" for a viewer. */
    private record Fingerprint(TrialState state, List<Double> values, Instant start, Instant end, int intermediates,
                               int params, int userAttrs, int systemAttrs, int summaries) {
        static Fingerprint of(FrozenTrial t, int summaries) {
            return new Fingerprint(t.state(), t.values(), t.start(), t.end(), t.intermediateValues().size(),
                    t.params().size(), t.userAttrs().size(), t.systemAttrs().size(), summaries);
        }
    }

    /** A running trial's number of summaries (histograms, images, texts, PR curves), so that logging one is a change. */
    private int summaries(FrozenTrial t) {
        if (t.state() != TrialState.RUNNING) {
            return 0;
        }
        int n = 0;
        for (SummaryTag tag : storage.summaryTags(t.id())) {
            n += storage.summaries(t.id(), tag.tag()).size();
        }
        return n;
    }

    private record SeriesMark(long trialId, int number, String name, long count, long lastStep, long seq) {
    }

    private static final class StudyMarks {
        final Map<Integer, Fingerprint> prints = new HashMap<>();
        final Map<Integer, Long> trialSeq = new HashMap<>();
        final Map<String, SeriesMark> series = new HashMap<>();
        List<FrozenTrial> latest = List.of();
        Map<String, Object> attrs;
        long attrsSeq;
    }

    /** Refreshes if the last refresh is older than the minimum interval; returns the current cursor. */
    synchronized long cursor() {
        long now = System.nanoTime();
        if (lastRefresh == Long.MIN_VALUE || now - lastRefresh >= minIntervalNanos) {
            refresh();
            lastRefresh = System.nanoTime();
        }
        return seq;
    }

    /**
     * When a refresh (made now if due) last saw a running trial of the study report an intermediate value (within one
     * refresh interval of the report), or null if none has since this log started.
     */
    synchronized Instant reportSeen(long studyId) {
        cursor();
        return reportSeen.get(studyId);
    }

    /** Changes of one study after {@code cursor}. */
    synchronized Changes since(long studyId, long cursor) {
        long current = cursor();
        StudyMarks marks = studies.get(studyId);
        if (marks == null) {
            storage.study(studyId);
            return new Changes(current, false, List.of(), List.of());
        }
        if (cursor > current || cursor < 0) {
            return new Changes(current, true, List.of(), List.of());
        }
        List<FrozenTrial> trials = new ArrayList<>();
        for (FrozenTrial t : marks.latest) {
            if (marks.trialSeq.getOrDefault(t.number(), 0L) > cursor) {
                trials.add(t);
            }
        }
        List<Changes.MetricUpdate> metrics = new ArrayList<>();
        for (SeriesMark m : marks.series.values()) {
            if (m.seq() > cursor) {
                metrics.add(new Changes.MetricUpdate(m.trialId(), m.number(), m.name(), m.count(), m.lastStep()));
            }
        }
        return new Changes(current, false, trials, metrics, marks.attrsSeq > cursor);
    }

    private void refresh() {
        for (StudyRecord study : storage.studies()) {
            StudyMarks marks = studies.computeIfAbsent(study.id(), id -> new StudyMarks());
            if (marks.attrs != null && !marks.attrs.equals(study.systemAttrs())) {
                marks.attrsSeq = ++seq;
            }
            marks.attrs = study.systemAttrs();
            List<FrozenTrial> trials = storage.trials(study.id(), ALL);
            for (FrozenTrial t : trials) {
                Fingerprint now = Fingerprint.of(t, summaries(t));
                Fingerprint before = marks.prints.put(t.number(), now);
                if (!now.equals(before)) {
                    marks.trialSeq.put(t.number(), ++seq);
                    if (before != null && t.state() == TrialState.RUNNING && now.intermediates() != before.intermediates()) {
                        reportSeen.put(study.id(), Instant.now());
                    }
                }
                boolean wasRunning = before != null && before.state() == TrialState.RUNNING;
                if (t.state() == TrialState.RUNNING || wasRunning && !now.equals(before)) {
                    markSeries(marks, t);
                }
            }
            marks.latest = trials;
        }
    }

    private void markSeries(StudyMarks marks, FrozenTrial t) {
        for (String name : storage.metricNames(t.id())) {
            List<MetricPoint> points = storage.metrics(t.id(), name);
            String key = t.id() + "\u0000" + name;
            SeriesMark before = marks.series.get(key);
            if (!points.isEmpty() && (before == null || before.count() != points.size())) {
                long lastStep = points.get(points.size() - 1).step();
                marks.series.put(key, new SeriesMark(t.id(), t.number(), name, points.size(), lastStep, ++seq));
            }
        }
    }
}
