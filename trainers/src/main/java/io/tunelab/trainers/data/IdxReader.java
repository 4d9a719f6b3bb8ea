package io.tunelab.trainers.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST, plain or gzip-compressed (recognised by the
 * gzip magic bytes, whatever the file name). Only the unsigned-byte element type ({@code 0x08}) is
 * supported: it is what image and label files use. Reading pixels as signed bytes would turn every
 * value above 127 negative, so callers get raw bytes and convert them with {@link IdxArray#toUnitFloats()}.
 *
 * <p>Stateless and thread-safe.
 */
public final class IdxReader {
    private static final int UNSIGNED_BYTE = 0x08;

    private IdxReader() {
    }

    /**
     * Reads {@code file}.
     *
     * @throws IdxFormatException if the content is not an unsigned-byte IDX file or is truncated
     * @throws IOException        if the file cannot be read
     */
    public static IdxArray read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** Reads an IDX stream; {@code source} names it in error messages. Does not close {@code in}. */
    public static IdxArray read(InputStream in, String source) throws IOException {
        MessageDigest sha = Sha256.newDigest();
        DataInputStream data = new DataInputStream(new DigestInputStream(decompressed(in), sha));
        int[] shape = readHeader(data, source);
        long size = 1;
        for (int d : shape) {
            size *= d;
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IdxFormatException(source + ": " + size + " elements is more than one array can hold");
        }
        byte[] values = new byte[(int) size];
        try {
            data.readFully(values);
        } catch (EOFException e) {
            throw new IdxFormatException(source + ": truncated, the header declares " + size + " bytes of data");
        }
        if (data.read() != -1) {
            throw new IdxFormatException(source + ": has bytes after the " + size + " declared by its header");
        }
        return new IdxArray(shape, values, Sha256.hex(sha.digest()));
    }

    private static InputStream decompressed(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        return b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16) : buffered;
    }

    private static int[] readHeader(DataInputStream in, String source) throws IOException {
        int magic;
        try {
            magic = in.readInt();
        } catch (EOFException e) {
            throw new IdxFormatException(source + ": too short to be an IDX file");
        }
        int type = (magic >>> 8) & 0xFF;
        int dims = magic & 0xFF;
        if ((magic >>> 16) != 0 || dims == 0) {
            throw new IdxFormatException(String.format(
                    "%s: not an IDX file (magic number 0x%08x, expected 0x000008NN with NN the number of dimensions)",
                    source, magic));
        }
        if (type != UNSIGNED_BYTE) {
            throw new IdxFormatException(String.format(
                    "%s: element type 0x%02x is not supported, only unsigned bytes (0x08) are", source, type));
        }
        int[] shape = new int[dims];
        for (int i = 0; i < dims; i++) {
            try {
                shape[i] = in.readInt();
            } catch (EOFException e) {
                throw new IdxFormatException(source + ": truncated header, " + dims + " dimensions declared");
            }
            if (shape[i] < 0) {
                throw new IdxFormatException(source + ": dimension " + i + " is negative (" + shape[i] + ")");
            }
        }
        return shape;
    }
}
