package io.tunelab.tensorboard.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run of a logdir, imported as one trial: a directory with events files or, as Keras's TensorBoard callback
 * writes one {@code fit}, a directory whose {@code train/} and {@code validation/} subdirectories hold them (the
 * grouping TensorBoard's HParams plugin makes too). The validation scalars keep their tags, so that the objective
 * value comes from the validation curve; the train scalars and summaries are stored with the prefix
 * {@value #TRAIN_PREFIX} ({@code train/epoch_accuracy}). A run with a {@code train/} part and no {@code validation/}
 * part ({@code fit} without validation data) takes its objective value from the train curve.
 *
 * @param dir   the run's directory: its name is the trial's run name
 * @param parts the directories whose events files make the run, in path order (the run's own first)
 */
record LogdirRun(Path dir, List<Part> parts) {
    /** Keras's subdirectory of training summaries. */
    static final String TRAIN = "train";
    /** Keras's subdirectory of validation summaries. */
    static final String VALIDATION = "validation";
    /** What the tags of a Keras run's {@code train/} summaries are stored with in front. */
    static final String TRAIN_PREFIX = TRAIN + "/";

    LogdirRun {
        parts = List.copyOf(parts);
    }

    /**
     * A directory holding events files, part of a run.
     *
     * @param dir    the directory
     * @param prefix what the tags of its scalars and summaries are stored with in front ({@value #TRAIN_PREFIX} or "")
     * @param files  its events files, in name order
     */
    record Part(Path dir, String prefix, List<Path> files) {
        Part {
            files = List.copyOf(files);
        }
    }

    /** Whether the run is a Keras run with a {@code train/} part and no {@code validation/} part. */
    boolean trainOnly() {
        return parts.stream().anyMatch(p -> p.prefix().equals(TRAIN_PREFIX))
                && parts.stream().noneMatch(p -> p.dir().getFileName().toString().equals(VALIDATION)
                && !p.dir().equals(dir));
    }

    /**
     * The runs of a logdir given its directories with events files ({@link LogdirImporter#runs}): a {@code train} or
     * {@code validation} directory below the logdir joins its parent's run, every other directory is a run of its own.
     */
    static List<LogdirRun> of(Path logdir, Map<Path, List<Path>> eventDirs) {
        Map<Path, List<Part>> runs = new TreeMap<>();
        for (Map.Entry<Path, List<Path>> e : eventDirs.entrySet()) {
            Path d = e.getKey();
            String name = d.getFileName() == null ? "" : d.getFileName().toString();
            boolean keras = !d.equals(logdir) && d.getParent() != null && (name.equals(TRAIN) || name.equals(VALIDATION));
            Path run = keras ? d.getParent() : d;
            String prefix = keras && name.equals(TRAIN) ? TRAIN_PREFIX : "";
            runs.computeIfAbsent(run, r -> new ArrayList<>()).add(new Part(d, prefix, e.getValue()));
        }
        List<LogdirRun> out = new ArrayList<>();
        runs.forEach((dir, parts) -> {
            parts.sort((a, b) -> a.dir().equals(dir) ? -1 : b.dir().equals(dir) ? 1 : a.dir().compareTo(b.dir()));
            out.add(new LogdirRun(dir, parts));
        });
        return out;
    }
}
