package io.tunelab.tensorboard.event;

import java.nio.file.Files;
import java.nio.file.Path;

/** Which files of a logdir TensorBoard reads. */
public final class LogdirFiles {
    private LogdirFiles() {
    }

    /** A regular file whose name holds {@code tfevents}, as TensorBoard's own loader decides. */
    public static boolean isEventsFile(Path p) {
        return p.getFileName() != null && p.getFileName().toString().contains("tfevents") && Files.isRegularFile(p);
    }
}
