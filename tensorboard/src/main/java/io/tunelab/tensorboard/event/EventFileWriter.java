package io.tunelab.tensorboard.event;

import io.tunelab.search.summary.Histogram;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.tensorboard.TensorBoardException;
import io.tunelab.tensorboard.proto.Event;
import io.tunelab.tensorboard.proto.Summary;
import io.tunelab.tensorboard.record.TfRecordWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes one {@code events.out.tfevents.<seconds>.<host>.<pid>.<n>} file in a run directory: the
 * {@code brain.Event:2} version record, then one {@code Event} per summary value. Not thread-safe; each
 * method flushes nothing until {@link #flush()} or {@link #close()}, which TensorBoard then sees.
 */
public final class EventFileWriter implements AutoCloseable {
    static final String FILE_VERSION = "brain.Event:2";
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Path file;
    private final OutputStream stream;
    private final TfRecordWriter records;

    private EventFileWriter(Path file, OutputStream stream) {
        this.file = file;
        this.stream = stream;
        this.records = new TfRecordWriter(stream);
    }

    /** Creates {@code runDir} if needed and a new events file in it, started at {@code now}. */
    public static EventFileWriter create(Path runDir, Instant now) {
        try {
            Files.createDirectories(runDir);
            String name = "events.out.tfevents." + now.getEpochSecond() + "." + host() + "." + ProcessHandle.current().pid()
                    + "." + SEQUENCE.incrementAndGet();
            Path file = runDir.resolve(name);
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW), 1 << 16);
            EventFileWriter writer = new EventFileWriter(file, out);
            writer.write(Event.newBuilder().setWallTime(HParamsSummaries.seconds(now)).setFileVersion(FILE_VERSION).build());
            return writer;
        } catch (IOException e) {
            throw new TensorBoardException("cannot write an events file in " + runDir + ": " + e.getMessage(), e);
        }
    }

    /** The file being written. */
    public Path file() {
        return file;
    }

    /** Writes one summary value at {@code step}. */
    public void write(long step, Instant wallTime, Summary.Value value) {
        write(Event.newBuilder().setWallTime(HParamsSummaries.seconds(wallTime)).setStep(step)
                .setSummary(Summary.newBuilder().addValue(value)).build());
    }

    public void scalar(String tag, long step, Instant wallTime, double value) {
        write(step, wallTime, Summaries.scalar(tag, value));
    }

    public void histogram(String tag, long step, Instant wallTime, Histogram histogram) {
        write(step, wallTime, Summaries.histogram(tag, histogram));
    }

    public void image(String tag, long step, Instant wallTime, byte[] png) {
        write(step, wallTime, Summaries.image(tag, png));
    }

    public void text(String tag, long step, Instant wallTime, String markdown) {
        write(step, wallTime, Summaries.text(tag, markdown));
    }

    /** Writes a trial's histogram, image, text or PR curve at its step and wall time. */
    public void summary(LoggedSummary summary) {
        write(summary.step(), summary.wallTime(), Summaries.of(summary));
    }

    /** Writes a whole event. */
    public void write(Event event) {
        try {
            records.write(event.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }

    public void flush() {
        try {
            records.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("flushing " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + file, e);
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9_-]", "_");
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
