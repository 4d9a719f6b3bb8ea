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
 * A first read of a logdir, before anything is stored: the scalar tags of all its runs, each run's HParams values
 * and whether anything could be read at all, so that an import that would only store a mistake is refused first.
 *
 * @param scalarTags the scalar tags {@code --metric} may name, sorted: every tag as stored (a Keras run's train scalars
 *                   as {@code train/TAG}), and the tags of a Keras run that has only a {@code train/} part as written
 * @param hparams    the HParams session-start values of each run directory that has some, in path order
 * @param points     summary values read (scalars, histograms..., session starts)
 * @param problems   records that could not be read
 */
record LogdirSurvey(SortedSet<String> scalarTags, Map<Path, Map<String, Object>> hparams, long points,
        List<RecordProblem> problems) {
    LogdirSurvey {
        scalarTags = Collections.unmodifiableSortedSet(new TreeSet<>(scalarTags));
        hparams = Collections.unmodifiableMap(new TreeMap<>(hparams));
        problems = List.copyOf(problems);
    }

    /** Reads every events file of {@code runs}. */
    static LogdirSurvey of(List<LogdirRun> runs) {
        SortedSet<String> tags = new TreeSet<>();
        Map<Path, Map<String, Object>> hparams = new TreeMap<>();
        List<RecordProblem> problems = new ArrayList<>();
        long[] points = new long[1];
        for (LogdirRun run : runs) {
            boolean trainOnly = run.trainOnly();
            for (LogdirRun.Part part : run.parts()) {
                for (Path file : part.files()) {
                    try {
                        EventFileReader.read(file, p -> {
                            points[0]++;
                            if (p instanceof SummaryPoint.Scalar s) {
                                tags.add(part.prefix() + s.tag());
                                if (trainOnly) {
                                    tags.add(s.tag());
                                }
                            } else if (p instanceof SummaryPoint.SessionStart start) {
                                hparams.computeIfAbsent(part.dir(), d -> new HashMap<>()).putAll(start.hparams());
                            }
                        }, problems::add);
                    } catch (IOException e) {
                        problems.add(new RecordProblem(file, 0, "unreadable: " + e.getMessage()));
                    }
                }
            }
        }
        return new LogdirSurvey(tags, hparams, points[0], problems);
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
