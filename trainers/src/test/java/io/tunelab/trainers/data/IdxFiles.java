package io.tunelab.trainers.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests. */
final class IdxFiles {
    private IdxFiles() {
    }

    static byte[] idx(int type, int[] shape, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt((type << 8) | shape.length);
        for (int d : shape) {
            out.writeInt(d);
        }
        out.write(data);
        out.flush();
        return bytes.toByteArray();
    }

    static byte[] ubyte(int[] shape, byte[] data) throws IOException {
        return idx(0x08, shape, data);
    }

    static Path write(Path file, byte[] content, boolean gzip) throws IOException {
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(content);
        }
        return file;
    }

    /** Images of {@code n} examples of 2x2 pixels whose value encodes the example, and labels {@code i % 3}. */
    static byte[] images(int n) throws IOException {
        byte[] data = new byte[n * 4];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        return ubyte(new int[] {n, 2, 2}, data);
    }

    static byte[] labels(int n) throws IOException {
        byte[] data = new byte[n];
        for (int i = 0; i < n; i++) {
            data[i] = (byte) (i % 3);
        }
        return ubyte(new int[] {n}, data);
    }

    static String sha(byte[] content) {
        return Sha256.hex(Sha256.newDigest().digest(content));
    }

    /** A tiny dataset spec (10 train, 4 test, 3 classes, 2 validation) with correct checksums. */
    static IdxDatasetSpec tinySpec(java.net.URI source) throws IOException {
        return new IdxDatasetSpec("tiny",
                new IdxFile("train-images.gz", sha(images(10))), new IdxFile("train-labels.gz", sha(labels(10))),
                new IdxFile("test-images.gz", sha(images(4))), new IdxFile("test-labels.gz", sha(labels(4))),
                3, 2, source);
    }

    /** Writes the tiny dataset's four files, gzipped, into {@code dir}. */
    static Path writeTiny(Path dir) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve("train-images.gz"), images(10), true);
        write(dir.resolve("train-labels.gz"), labels(10), true);
        write(dir.resolve("test-images.gz"), images(4), true);
        write(dir.resolve("test-labels.gz"), labels(4), true);
        return dir;
    }
}
