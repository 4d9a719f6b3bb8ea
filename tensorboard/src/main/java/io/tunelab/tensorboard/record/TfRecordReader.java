package io.tunelab.tensorboard.record;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads the TFRecords of one file, checking both CRCs of each. A record whose data CRC does not match
 * is skipped and reported, and reading goes on with the next one (its length was good). A length whose
 * CRC does not match, an impossible length or a file that ends inside a record is reported and ends the
 * file: nothing after it can be framed with confidence.
 */
public final class TfRecordReader {
    /** One good record and the offset it starts at. */
    public record Record(long offset, byte[] data) {
    }

    /** Receives each good record, in file order. */
    public interface RecordSink {
        void accept(Record record);
    }

    private static final long MAX_RECORD = Integer.MAX_VALUE - 16;

    private TfRecordReader() {
    }

    /** Reads {@code file}, handing each good record to {@code records} and each bad one to {@code problems}. */
    public static void read(Path file, RecordSink records, Consumer<RecordProblem> problems) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] header = new byte[12];
            ByteBuffer le = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
            byte[] footer = new byte[4];
            long offset = 0;
            while (true) {
                int got = in.readNBytes(header, 0, 12);
                if (got == 0) {
                    return;
                }
                if (got < 12) {
                    problems.accept(new RecordProblem(file, offset, "truncated header: " + got + " of 12 bytes"));
                    return;
                }
                long length = le.getLong(0);
                if (le.getInt(8) != MaskedCrc.of(header, 0, 8)) {
                    problems.accept(new RecordProblem(file, offset, "length CRC mismatch; the rest of the file is skipped"));
                    return;
                }
                if (length < 0 || length > MAX_RECORD) {
                    problems.accept(new RecordProblem(file, offset, "record length " + Long.toUnsignedString(length)
                            + " is beyond what a reader can hold; the rest of the file is skipped"));
                    return;
                }
                byte[] data = in.readNBytes((int) length);
                int footerGot = data.length == length ? in.readNBytes(footer, 0, 4) : 0;
                if (data.length < length || footerGot < 4) {
                    problems.accept(new RecordProblem(file, offset, "truncated record: the file ends inside its "
                            + length + " data bytes or their CRC"));
                    return;
                }
                int expected = ByteBuffer.wrap(footer).order(ByteOrder.LITTLE_ENDIAN).getInt();
                if (expected != MaskedCrc.of(data, 0, data.length)) {
                    problems.accept(new RecordProblem(file, offset, "data CRC mismatch; record skipped"));
                } else {
                    records.accept(new Record(offset, data));
                }
                offset += 16 + length;
            }
        }
    }
}
