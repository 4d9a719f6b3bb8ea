package io.tunelab.tensorboard.record;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Frames records as TFRecord does: {@code uint64 length}, {@code uint32 masked_crc(length)},
 * {@code length} data bytes, {@code uint32 masked_crc(data)}, integers little-endian. Not thread-safe;
 * the caller owns (and closes) the stream.
 */
public final class TfRecordWriter {
    private final OutputStream out;
    private final ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer footer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);

    public TfRecordWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes one record holding {@code data}. */
    public void write(byte[] data) throws IOException {
        header.clear();
        header.putLong(data.length);
        header.putInt(MaskedCrc.of(header.array(), 0, 8));
        out.write(header.array(), 0, 12);
        out.write(data);
        footer.clear();
        footer.putInt(MaskedCrc.of(data, 0, data.length));
        out.write(footer.array(), 0, 4);
    }

    public void flush() throws IOException {
        out.flush();
    }
}
