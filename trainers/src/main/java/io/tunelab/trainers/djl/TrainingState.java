package io.tunelab.trainers.djl;

import io.tunelab.trainers.TrainersException;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Everything a training run needs to continue where it stopped: named entries of numbers (the loop's
 * epoch and update count, a callback's best value...), of exact longs (seeds: a double holds only 53
 * bits, so a seed put as a number would come back as another seed), float arrays with their shapes (weights,
 * optimizer moments) and raw bytes (a saved model file). Each part of a run writes its own entries under
 * its own prefix ({@code loop/}, {@code weights/}, {@code optimizer/}, {@code early_stopping/}...).
 *
 * <p>The file format is a plain binary list of entries (no Java serialisation: reading a file never
 * creates objects of classes it names) followed by a CRC-32 of everything before it, so a truncated or
 * damaged file is refused with a message instead of resuming from garbage. Not thread-safe.
 */
public final class TrainingState {
    private static final int MAGIC = 0x544c4b50; // "TLKP"
    private static final int VERSION = 1;
    private static final byte DOUBLES = 1;
    private static final byte FLOATS = 2;
    private static final byte BYTES = 3;
    private static final byte LONGS = 4;
    private final Map<String, Object> values = new LinkedHashMap<>();

    /** Exact longs (a record, so they are not confused with a shape). */
    private record Longs(long[] data) {
    }

    /** A float array and its shape. */
    private record Floats(long[] shape, float[] data) {
    }

    public void putDoubles(String name, double... v) {
        values.put(name, v.clone());
    }

    /** Longs kept exactly (seeds, counters beyond 2^53), unlike {@link #putDoubles}. */
    public void putLongs(String name, long... v) {
        values.put(name, new Longs(v.clone()));
    }

    public void putFloats(String name, long[] shape, float[] v) {
        values.put(name, new Floats(shape.clone(), v.clone()));
    }

    public void putBytes(String name, byte[] v) {
        values.put(name, v.clone());
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** Names of the entries that start with {@code prefix}, in the order they were put. */
    public List<String> names(String prefix) {
        return values.keySet().stream().filter(n -> n.startsWith(prefix)).toList();
    }

    /** @throws TrainersException when there is no such entry of numbers */
    public double[] doubles(String name) {
        return get(name, double[].class, "numbers").clone();
    }

    /** The one number {@code name}. */
    public double number(String name) {
        double[] v = doubles(name);
        if (v.length != 1) {
            throw new TrainersException("training state entry '" + name + "' holds " + v.length + " numbers, expected 1");
        }
        return v[0];
    }

    /** @throws TrainersException when there is no such entry of longs */
    public long[] longs(String name) {
        return get(name, Longs.class, "longs").data().clone();
    }

    public float[] floats(String name) {
        return get(name, Floats.class, "a float array").data().clone();
    }

    public long[] shape(String name) {
        return get(name, Floats.class, "a float array").shape().clone();
    }

    public byte[] bytes(String name) {
        return get(name, byte[].class, "bytes").clone();
    }

    private <T> T get(String name, Class<T> type, String what) {
        Object v = values.get(name);
        if (!type.isInstance(v)) {
            throw new TrainersException("training state has no entry '" + name + "' of " + what
                    + (v == null ? "" : " (it holds another kind)"));
        }
        return type.cast(v);
    }

    /** Writes every entry and a checksum to {@code file}, replacing it. */
    public void write(Path file) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(values.size());
            for (Map.Entry<String, Object> e : values.entrySet()) {
                out.writeUTF(e.getKey());
                writeValue(out, e.getValue());
            }
        }
        CRC32 crc = new CRC32();
        byte[] body = buffer.toByteArray();
        crc.update(body);
        try (OutputStream out = Files.newOutputStream(file); DataOutputStream data = new DataOutputStream(out)) {
            data.write(body);
            data.writeLong(crc.getValue());
        }
    }

    private static void writeValue(DataOutputStream out, Object v) throws IOException {
        if (v instanceof double[] d) {
            out.writeByte(DOUBLES);
            out.writeInt(d.length);
            for (double x : d) {
                out.writeDouble(x);
            }
        } else if (v instanceof Longs l) {
            out.writeByte(LONGS);
            out.writeInt(l.data().length);
            for (long x : l.data()) {
                out.writeLong(x);
            }
        } else if (v instanceof Floats f) {
            out.writeByte(FLOATS);
            out.writeInt(f.shape().length);
            for (long s : f.shape()) {
                out.writeLong(s);
            }
            out.writeInt(f.data().length);
            for (float x : f.data()) {
                out.writeFloat(x);
            }
        } else {
            byte[] b = (byte[]) v;
            out.writeByte(BYTES);
            out.writeInt(b.length);
            out.write(b);
        }
    }

    /**
     * Reads a file written by {@link #write}.
     *
     * @throws TrainersException when the file is not a training state, is truncated or its checksum is wrong
     */
    public static TrainingState read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        if (all.length < 12 + Long.BYTES) {
            throw new TrainersException("training state " + file + " is truncated (" + all.length + " bytes)");
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - Long.BYTES);
        long stored = java.nio.ByteBuffer.wrap(all, all.length - Long.BYTES, Long.BYTES).getLong();
        if (crc.getValue() != stored) {
            throw new TrainersException("training state " + file + " is damaged: its checksum does not match");
        }
        TrainingState state = new TrainingState();
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(all, 0, all.length - Long.BYTES))) {
            int magic = in.readInt();
            int version = in.readInt();
            if (magic != MAGIC || version != VERSION) {
                throw new TrainersException("training state " + file + " has format " + Integer.toHexString(magic) + " v"
                        + version + ", expected " + Integer.toHexString(MAGIC) + " v" + VERSION);
            }
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                state.values.put(name, readValue(in, name));
            }
        }
        return state;
    }

    private static Object readValue(DataInputStream in, String name) throws IOException {
        byte kind = in.readByte();
        switch (kind) {
            case DOUBLES -> {
                double[] d = new double[in.readInt()];
                for (int i = 0; i < d.length; i++) {
                    d[i] = in.readDouble();
                }
                return d;
            }
            case LONGS -> {
                long[] l = new long[in.readInt()];
                for (int i = 0; i < l.length; i++) {
                    l[i] = in.readLong();
                }
                return new Longs(l);
            }
            case FLOATS -> {
                long[] shape = new long[in.readInt()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = in.readLong();
                }
                float[] f = new float[in.readInt()];
                for (int i = 0; i < f.length; i++) {
                    f[i] = in.readFloat();
                }
                return new Floats(shape, f);
            }
            case BYTES -> {
                return in.readNBytes(in.readInt());
            }
            default -> throw new TrainersException("training state entry '" + name + "' has unknown kind " + kind);
        }
    }
}
