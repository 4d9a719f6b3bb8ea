package io.tunelab.tracker.jdbc;

import java.nio.ByteBuffer;

/**
 * The binary form of a run of points of one series, as stored in one {@code metric_chunks} row: for
 * each point, in writing order, its step, the raw IEEE bits of its value (so NaN, infinities and
 * negative zero come back exactly) and its wall time in epoch nanoseconds, each 8 bytes big-endian.
 * Writing a batch as a few chunk rows instead of a row per point is what lets the writer commit
 * hundreds of thousands of points a second.
 */
final class PointChunk {
    /** Bytes per point. */
    static final int POINT_BYTES = 24;
    /** Most points in one chunk (so that a cursor can address a point as chunk id × 4,096 + index). */
    static final int MAX_POINTS = 4_095;
    /** A cursor's chunk id is the cursor divided by this; its remainder counts points already returned. */
    static final long CURSOR_SCALE = 4_096;

    /** Receives the decoded points of a chunk. */
    interface PointSink {
        void accept(long step, double value, long wallNanos);
    }

    private final ByteBuffer buffer;

    private PointChunk(int points) {
        buffer = ByteBuffer.allocate(points * POINT_BYTES);
    }

    /** An empty chunk with room for {@code points} points (1 to {@value #MAX_POINTS}). */
    static PointChunk withCapacity(int points) {
        if (points < 1 || points > MAX_POINTS) {
            throw new IllegalArgumentException("a chunk holds 1 to " + MAX_POINTS + " points, got " + points);
        }
        return new PointChunk(points);
    }

    void add(long step, double value, long wallNanos) {
        buffer.putLong(step).putLong(Double.doubleToRawLongBits(value)).putLong(wallNanos);
    }

    /** The stored bytes; the chunk must be full. */
    byte[] bytes() {
        if (buffer.hasRemaining()) {
            throw new IllegalStateException("chunk not full: " + buffer.remaining() / POINT_BYTES + " points missing");
        }
        return buffer.array();
    }

    /** Number of points in stored bytes; fails on a length that is not a whole number of points. */
    static int count(byte[] payload) {
        if (payload.length % POINT_BYTES != 0) {
            throw new IllegalArgumentException("a metric chunk of " + payload.length + " bytes is not a multiple of "
                    + POINT_BYTES);
        }
        return payload.length / POINT_BYTES;
    }

    /** Decodes the points from index {@code from} on, in writing order, and hands each to {@code sink}. */
    static void decode(byte[] payload, int from, PointSink sink) {
        ByteBuffer in = ByteBuffer.wrap(payload);
        for (int i = from, n = count(payload); i < n; i++) {
            int at = i * POINT_BYTES;
            sink.accept(in.getLong(at), Double.longBitsToDouble(in.getLong(at + 8)), in.getLong(at + 16));
        }
    }
}
