package io.tunelab.tensorboard.imports;

import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.trial.Direction;
import io.tunelab.tensorboard.TensorBoardException;
import io.tunelab.tensorboard.event.EventFileReader;
import io.tunelab.tensorboard.event.SummaryPoint;
import io.tunelab.tensorboard.export.KerasLayout;
import io.tunelab.tensorboard.proto.SessionStatus;
import io.tunelab.tensorboard.record.RecordProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The one read of a logdir, before anything is stored: what each events file holds, the scalar tags of all its runs,
 * each run's HParams values and whether anything could be read at all, so that an import that would only store a
 * mistake is refused first, and what is stored is what was checked (a file that changes meanwhile is not read again).
 * It holds every value read until the import has stored it.
 *
 * @param scalarTags the scalar tags {@code --metric} may name, sorted: every tag as stored (a Keras run's train scalars
 *                   as {@code train/TAG}), and the tags of a Keras run that has only a {@code train/} part as written
 * @param sessions   the HParams session of each run directory that has one (a session start, an end or both), in
 *                   path order
 * @param points     summary values read (scalars, histograms..., session starts)
 * @param problems   records that could not be read
 * @param files      what each events file held, by file
 * @param directions the direction each objective tag Tunelab wrote says its study takes ({@link KerasLayout})
 */
record LogdirSurvey(SortedSet<String> scalarTags, Map<Path, Session> sessions, long points,
        List<RecordProblem> problems, Map<Path, FileRead> files, Map<String, Direction> directions) {
    LogdirSurvey {
        directions = Map.copyOf(directions);
        scalarTags = Collections.unmodifiableSortedSet(new TreeSet<>(scalarTags));
        sessions = Collections.unmodifiableMap(new TreeMap<>(sessions));
        problems = List.copyOf(problems);
        files = Map.copyOf(files);
    }

    /**
     * The name a scalar of {@code part} is stored under: a metric Tunelab wrote in {@link KerasLayout} its own (it was
     * read back so, {@link #read}), any other tag with the part's prefix.
     */
    static String name(LogdirRun.Part part, SummaryPoint.Scalar scalar) {
        return KerasLayout.metricOf(scalar.description()).isPresent() ? scalar.tag() : part.prefix() + scalar.tag();
    }

    /**
     * What one events file held.
     *
     * @param points   its summary values in file order, a metric Tunelab wrote in {@link KerasLayout} with its own
     *                 name and step
     * @param problems its records that could not be read (the whole file, at offset 0, when it could not be opened)
     * @param modified when it was last written
     */
    record FileRead(List<SummaryPoint> points, List<RecordProblem> problems, Instant modified) {
    }

    /**
     * A run directory's HParams session, as Keras's {@code hp.KerasCallback} and Tunelab write one: its parameter
     * values, when it started and how it ended.
     *
     * @param hparams the values of its session starts, later ones over earlier ones (Tunelab's live runs write one
     *                when they start and one with every parameter when they end)
     * @param hasStart whether it has a session start
     * @param started  when it started (the first session start's time), or null when unknown
     * @param end      its session end (the last), or null when it has none: it has not ended, if it started
     */
    record Session(Map<String, Object> hparams, boolean hasStart, Instant started, SummaryPoint.SessionEnd end) {
        static final Session NONE = new Session(Map.of(), false, null, null);

        Session {
            hparams = Collections.unmodifiableMap(new HashMap<>(hparams));
        }

        Session with(SummaryPoint p) {
            if (p instanceof SummaryPoint.SessionStart start) {
                Map<String, Object> values = new HashMap<>(hparams);
                values.putAll(start.hparams());
                return new Session(values, true, started != null ? started : start.started(), end);
            }
            return p instanceof SummaryPoint.SessionEnd e ? new Session(hparams, hasStart, started, e) : this;
        }

        /** The merge of this session and {@code other}: its values over these, this one's start, its end if any. */
        Session and(Session other) {
            Map<String, Object> values = new HashMap<>(hparams);
            values.putAll(other.hparams);
            return new Session(values, hasStart || other.hasStart, started != null ? started : other.started,
                    other.end != null ? other.end : end);
        }

        /** Whether the session started and has not ended: still running, or stopped without saying so. */
        boolean open() {
            return hasStart && end == null;
        }

        /** Whether the session's end says it is running. */
        boolean endedRunning() {
            return end != null && end.status() == SessionStatus.STATUS_RUNNING;
        }
    }

    /** Reads every events file of {@code runs}. */
    static LogdirSurvey of(List<LogdirRun> runs) {
        SortedSet<String> tags = new TreeSet<>();
        Map<Path, Session> sessions = new TreeMap<>();
        List<RecordProblem> problems = new ArrayList<>();
        Map<Path, FileRead> files = new HashMap<>();
        Map<String, Direction> directions = new HashMap<>();
        long points = 0;
        for (LogdirRun run : runs) {
            boolean trainOnly = run.trainOnly();
            for (LogdirRun.Part part : run.parts()) {
                for (Path file : part.files()) {
                    FileRead read = read(file);
                    files.put(file, read);
                    problems.addAll(read.problems());
                    points += read.points().size();
                    for (SummaryPoint p : read.points()) {
                        if (p instanceof SummaryPoint.Scalar s) {
                            tags.add(name(part, s));
                            KerasLayout.directionOf(s.description()).ifPresent(d -> directions.putIfAbsent(s.tag(), d));
                            if (trainOnly) {
                                tags.add(s.tag());
                            }
                        } else if (p instanceof SummaryPoint.SessionStart || p instanceof SummaryPoint.SessionEnd) {
                            sessions.put(part.dir(), sessions.getOrDefault(part.dir(), Session.NONE).with(p));
                        }
                    }
                }
            }
        }
        return new LogdirSurvey(tags, sessions, points, problems, files, directions);
    }

    /**
     * Reads {@code file}; a scalar tag whose first record names the Tunelab metric it holds ({@link KerasLayout}) is
     * read as that metric at Tunelab's steps, with that description on each point, and a summary tag whose first record
     * says Tunelab wrote it ({@link KerasLayout#summaryDescription}) at Tunelab's steps with that description on each.
     */
    private static FileRead read(Path file) {
        List<SummaryPoint> points = new ArrayList<>();
        List<RecordProblem> problems = new ArrayList<>();
        Map<String, String> metrics = new HashMap<>();
        Map<String, String> summaries = new HashMap<>();
        Instant modified = Instant.EPOCH;
        try {
            modified = Files.getLastModifiedTime(file).toInstant();
            EventFileReader.read(file, p -> {
                if (p instanceof SummaryPoint.Scalar s) {
                    KerasLayout.metricOf(s.description()).ifPresent(name -> metrics.putIfAbsent(s.tag(), name));
                    String name = metrics.get(s.tag());
                    if (name != null) {
                        p = new SummaryPoint.Scalar(name, KerasLayout.tunelabStep(s.step()), s.wallTime(), s.value(),
                                KerasLayout.description(name));
                    }
                } else if (p instanceof SummaryPoint.Logged l) {
                    if (KerasLayout.tunelabSummaryStep(l.description(), 0).isPresent()) {
                        summaries.putIfAbsent(l.tag(), l.description());
                    }
                    String described = summaries.get(l.tag());
                    if (described != null) {
                        LoggedSummary summary = l.summary();
                        p = new SummaryPoint.Logged(new LoggedSummary(summary.tag(),
                                KerasLayout.tunelabSummaryStep(described, summary.step()).getAsLong(), summary.wallTime(),
                                summary.value()), described);
                    }
                }
                points.add(p);
            }, problems::add);
        } catch (IOException e) {
            problems.add(new RecordProblem(file, 0, "unreadable: " + e.getMessage()));
        }
        return new FileRead(points, problems, modified);
    }

    /**
     * Refuses a logdir of which not one summary value could be read although some records were bad: importing it
     * would only make an empty study.
     */
    void requireReadable(Path logdir) {
        if (points == 0 && !problems.isEmpty()) {
            throw new TensorBoardException("logdir " + logdir + ": nothing could be read, " + problems.size()
                    + " bad record(s), the first " + problems.get(0) + "; expected TensorBoard events files"
                    + " (TFRecords of Event protocol buffers)");
        }
    }

    /**
     * The HParams session that applies to the directory {@code dir}: its own or, as TensorBoard's HParams plugin
     * groups Keras's {@code train/} and {@code validation/} under the session written to their parent, the nearest
     * ancestor's below or at {@code logdir}. Null when there is none.
     */
    private Session sessionOf(Path dir, Path logdir) {
        for (Path d = dir; d != null && d.startsWith(logdir); d = d.getParent()) {
            Session session = sessions.get(d);
            if (session != null) {
                return session;
            }
        }
        return null;
    }

    /**
     * The HParams session of {@code run}: the sessions of its parts ({@link #sessionOf(Path, Path)}) merged in part
     * order; {@link Session#NONE} when none has one.
     */
    Session sessionOf(LogdirRun run, Path logdir) {
        Session merged = Session.NONE;
        for (LogdirRun.Part part : run.parts()) {
            Session s = sessionOf(part.dir(), logdir);
            if (s != null) {
                merged = merged.and(s);
            }
        }
        return merged;
    }

    /** When any events file of {@code run} was last written. */
    Instant lastWritten(LogdirRun run) {
        return run.parts().stream().flatMap(p -> p.files().stream()).map(f -> files.get(f).modified())
                .max(Instant::compareTo).orElse(Instant.EPOCH);
    }
}
