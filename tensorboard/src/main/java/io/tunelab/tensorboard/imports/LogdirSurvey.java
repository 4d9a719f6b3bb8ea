package io.tunelab.tensorboard.imports;

import io.tunelab.tensorboard.TensorBoardException;
import io.tunelab.tensorboard.event.EventFileReader;
import io.tunelab.tensorboard.event.SummaryPoint;
import io.tunelab.tensorboard.record.RecordProblem;
import java.io.IOException;
import java.nio.file.Path;
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
 * @param hparams    the HParams session-start values of each run directory that has some, in path order
 * @param points     summary values read (scalars, histograms..., session starts)
 * @param problems   records that could not be read
 * @param files      what each events file held, by file
 */
record LogdirSurvey(SortedSet<String> scalarTags, Map<Path, Map<String, Object>> hparams, long points,
        List<RecordProblem> problems, Map<Path, FileRead> files) {
    LogdirSurvey {
        scalarTags = Collections.unmodifiableSortedSet(new TreeSet<>(scalarTags));
        hparams = Collections.unmodifiableMap(new TreeMap<>(hparams));
        problems = List.copyOf(problems);
        files = Map.copyOf(files);
    }

    /**
     * What one events file held.
     *
     * @param points   its summary values in file order
     * @param problems its records that could not be read (the whole file, at offset 0, when it could not be opened)
     */
    record FileRead(List<SummaryPoint> points, List<RecordProblem> problems) {
    }

    /** Reads every events file of {@code runs}. */
    static LogdirSurvey of(List<LogdirRun> runs) {
        SortedSet<String> tags = new TreeSet<>();
        Map<Path, Map<String, Object>> hparams = new TreeMap<>();
        List<RecordProblem> problems = new ArrayList<>();
        Map<Path, FileRead> files = new HashMap<>();
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
                            tags.add(part.prefix() + s.tag());
                            if (trainOnly) {
                                tags.add(s.tag());
                            }
                        } else if (p instanceof SummaryPoint.SessionStart start) {
                            hparams.computeIfAbsent(part.dir(), d -> new HashMap<>()).putAll(start.hparams());
                        }
                    }
                }
            }
        }
        return new LogdirSurvey(tags, hparams, points, problems, files);
    }

    private static FileRead read(Path file) {
        List<SummaryPoint> points = new ArrayList<>();
        List<RecordProblem> problems = new ArrayList<>();
        try {
            EventFileReader.read(file, points::add, problems::add);
        } catch (IOException e) {
            problems.add(new RecordProblem(file, 0, "unreadable: " + e.getMessage()));
        }
        return new FileRead(points, problems);
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
     * The HParams values that apply to {@code run}: its own session start's or, as TensorBoard's HParams plugin
     * groups Keras's {@code train/} and {@code validation/} under the session written to their parent, the nearest
     * ancestor's below or at {@code logdir}. Empty when there is none.
     */
    Map<String, Object> hparamsOf(Path run, Path logdir) {
        for (Path dir = run; dir != null && dir.startsWith(logdir); dir = dir.getParent()) {
            Map<String, Object> values = hparams.get(dir);
            if (values != null) {
                return values;
            }
        }
        return Map.of();
    }

    /** The HParams values of every part of {@code run} ({@link #hparamsOf(Path, Path)}), merged in part order. */
    Map<String, Object> hparamsOf(LogdirRun run, Path logdir) {
        Map<String, Object> values = new HashMap<>();
        for (LogdirRun.Part part : run.parts()) {
            values.putAll(hparamsOf(part.dir(), logdir));
        }
        return values;
    }
}
