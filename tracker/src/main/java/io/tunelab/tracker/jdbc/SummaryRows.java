package io.tunelab.tracker.jdbc;

import io.tunelab.search.summary.Histogram;
import io.tunelab.search.summary.ImageSummary;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.PrCurve;
import io.tunelab.search.summary.SummaryKind;
import io.tunelab.search.summary.SummaryTag;
import io.tunelab.search.summary.SummaryValue;
import io.tunelab.search.summary.TextSummary;
import io.tunelab.search.trial.ArtifactRef;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Rows of {@code trial_summaries}: histograms and PR curves as packed doubles, texts as they are, images as
 * a reference to their PNG in the artifact repository. A text holding the NUL character, which PostgreSQL's
 * text types refuse, is kept as its UTF-8 bytes in {@code numbers} with {@code body} NULL. Stateless.
 */
final class SummaryRows {
    private static final String COLUMNS = "tag, kind, step, wall_ns, numbers, body, artifact_uri, size_bytes, sha256,"
            + " width, height, channels";

    /** A trial's (tag, kind) pairs: read from the index {@code trial_summaries_tag_kinds} alone (migration 5). */
    static final String TAGS = "SELECT DISTINCT tag, kind FROM trial_summaries WHERE trial_id = ?";

    /** A summary to insert; {@code image} is where an image's PNG was stored, else null. */
    record Row(LoggedSummary summary, ArtifactRef image) {
    }

    /** Inserts the rows in one batch. */
    void insert(Connection c, long trialId, List<Row> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO trial_summaries (trial_id, " + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Row row : rows) {
                LoggedSummary s = row.summary();
                ps.setLong(1, trialId);
                ps.setString(2, s.tag());
                ps.setString(3, s.kind().name());
                ps.setLong(4, s.step());
                ps.setLong(5, Times.toNanos(s.wallTime()));
                String text = s.value() instanceof TextSummary t ? t.markdown() : null;
                boolean textAsBytes = text != null && text.indexOf('\u0000') >= 0;
                ps.setBytes(6, textAsBytes ? text.getBytes(StandardCharsets.UTF_8) : numbers(s.value()));
                ps.setString(7, textAsBytes ? null : text);
                ArtifactRef ref = row.image();
                ps.setString(8, ref == null ? null : ref.uri().toString());
                setLong(ps, 9, ref == null ? null : ref.size());
                ps.setString(10, ref == null ? null : ref.sha256());
                ImageSummary image = s.value() instanceof ImageSummary i ? i : null;
                setInt(ps, 11, image == null ? null : image.width());
                setInt(ps, 12, image == null ? null : image.height());
                setInt(ps, 13, image == null ? null : image.channels());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The trial's distinct (tag, kind) pairs, by tag then kind. */
    List<SummaryTag> tags(Connection c, long trialId) throws SQLException {
        List<SummaryTag> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(TAGS)) {
            ps.setLong(1, trialId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SummaryTag(rs.getString(1), SummaryKind.valueOf(rs.getString(2))));
                }
            }
        }
        out.sort(Comparator.comparing(SummaryTag::tag).thenComparing(SummaryTag::kind));
        return out;
    }

    /** The summaries of one tag by step then wall time; {@code png} reads an image's stored file. */
    List<LoggedSummary> list(Connection c, long trialId, String tag, Function<ArtifactRef, byte[]> png) throws SQLException {
        List<LoggedSummary> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM trial_summaries"
                + " WHERE trial_id = ? AND tag = ? ORDER BY step, wall_ns, summary_id")) {
            ps.setLong(1, trialId);
            ps.setString(2, tag);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new LoggedSummary(rs.getString(1), rs.getLong(3), Times.fromNanos(rs.getLong(4)),
                            value(rs, SummaryKind.valueOf(rs.getString(2)), png)));
                }
            }
        }
        return out;
    }

    private static SummaryValue value(ResultSet rs, SummaryKind kind, Function<ArtifactRef, byte[]> png) throws SQLException {
        switch (kind) {
            case TEXT:
                String body = rs.getString(6);
                return new TextSummary(body != null ? body : new String(rs.getBytes(5), StandardCharsets.UTF_8));
            case IMAGE:
                ArtifactRef ref = new ArtifactRef("image", URI.create(rs.getString(7)), rs.getLong(8), rs.getString(9));
                return new ImageSummary(png.apply(ref), rs.getInt(10), rs.getInt(11), rs.getInt(12));
            case HISTOGRAM:
                return histogram(rs.getBytes(5));
            default:
                return prCurve(rs.getBytes(5));
        }
    }

    static byte[] numbers(SummaryValue value) {
        if (value instanceof Histogram h) {
            ByteBuffer b = ByteBuffer.allocate(8 * (5 + 2 * h.size()));
            b.putDouble(h.min()).putDouble(h.max()).putDouble(h.num()).putDouble(h.sum()).putDouble(h.sumSquares());
            put(b, h.limits());
            put(b, h.counts());
            return b.array();
        }
        if (value instanceof PrCurve p) {
            ByteBuffer b = ByteBuffer.allocate(8 * 4 * p.size());
            put(b, p.truePositives());
            put(b, p.falsePositives());
            put(b, p.trueNegatives());
            put(b, p.falseNegatives());
            return b.array();
        }
        return null;
    }

    private static Histogram histogram(byte[] numbers) {
        ByteBuffer b = ByteBuffer.wrap(numbers);
        double min = b.getDouble();
        double max = b.getDouble();
        double num = b.getDouble();
        double sum = b.getDouble();
        double sumSquares = b.getDouble();
        int k = b.remaining() / 16;
        return new Histogram(min, max, num, sum, sumSquares, get(b, k), get(b, k));
    }

    private static PrCurve prCurve(byte[] numbers) {
        ByteBuffer b = ByteBuffer.wrap(numbers);
        int n = b.remaining() / 32;
        return new PrCurve(get(b, n), get(b, n), get(b, n), get(b, n));
    }

    private static void put(ByteBuffer b, double[] values) {
        for (double v : values) {
            b.putDouble(v);
        }
    }

    private static double[] get(ByteBuffer b, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = b.getDouble();
        }
        return out;
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }
}
