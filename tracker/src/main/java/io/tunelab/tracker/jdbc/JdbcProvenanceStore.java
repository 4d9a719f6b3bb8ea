package io.tunelab.tracker.jdbc;

import io.tunelab.tracker.provenance.Provenance;
import io.tunelab.tracker.provenance.ProvenanceStore;
import io.tunelab.tracker.provenance.RuntimeInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ProvenanceStore} over {@code trial_provenance}, with the statements the tracking store runs in
 * the transaction that finishes a trial. Thread-safe.
 */
final class JdbcProvenanceStore implements ProvenanceStore {
    private final Database db;

    JdbcProvenanceStore(Database db) {
        this.db = db;
    }

    @Override
    public void save(Provenance p) {
        db.update(c -> write(c, p));
    }

    @Override
    public Optional<Provenance> find(long trialId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT seed, sampler_json, pruner_json, dataset_fingerprint,"
                    + " java_version, os_description, libraries_json, host_name, worker_id, started_ns, ended_ns,"
                    + " execution_json FROM trial_provenance WHERE trial_id = ?")) {
                ps.setLong(1, trialId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long seed = rs.getLong(1);
                    Long seedOrNull = rs.wasNull() ? null : seed;
                    Map<String, String> libs = new LinkedHashMap<>();
                    JsonCodec.readMap(rs.getString(7)).forEach((k, v) -> libs.put(k, String.valueOf(v)));
                    return Optional.of(new Provenance(trialId, seedOrNull, JsonCodec.readMap(rs.getString(2)),
                            JsonCodec.readMap(rs.getString(3)), rs.getString(4),
                            new RuntimeInfo(rs.getString(5), rs.getString(6), libs), rs.getString(8), rs.getString(9),
                            Times.read(rs, 10), Times.read(rs, 11),
                            rs.getString(12) == null ? Map.of() : JsonCodec.readMap(rs.getString(12))));
                }
            }
        });
    }

    /** Writes (or replaces) a trial's provenance on the caller's transaction. */
    static void write(Connection c, Provenance p) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM trial_provenance WHERE trial_id = ?")) {
            del.setLong(1, p.trialId());
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO trial_provenance (trial_id, seed, sampler_json,"
                + " pruner_json, dataset_fingerprint, java_version, os_description, libraries_json, host_name,"
                + " worker_id, started_ns, ended_ns, execution_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, p.trialId());
            if (p.seed() == null) {
                ps.setNull(2, Types.BIGINT);
            } else {
                ps.setLong(2, p.seed());
            }
            ps.setString(3, JsonCodec.write("sampler configuration", p.sampler()));
            ps.setString(4, JsonCodec.write("pruner configuration", p.pruner()));
            ps.setString(5, p.datasetFingerprint());
            ps.setString(6, p.runtime().java());
            ps.setString(7, p.runtime().os());
            ps.setString(8, JsonCodec.write("library versions", p.runtime().libraries()));
            ps.setString(9, p.host());
            ps.setString(10, p.workerId());
            Times.bind(ps, 11, p.start());
            Times.bind(ps, 12, p.end());
            ps.setString(13, p.execution().isEmpty() ? null : JsonCodec.write("execution", p.execution()));
            ps.executeUpdate();
        }
    }

    /**
     * Builds a finished trial's provenance from its study's attributes ({@code seed}, {@code sampler},
     * {@code pruner}, {@code dataset_fingerprint}), the trial's own {@code dataset_fingerprint} system
     * attribute if set, else its {@code dataset_fingerprint} user attribute (what the trainers set, a map holding
     * {@code sha256}), this process's runtime, and where the trial ran ({@link #execution}).
     */
    static Provenance fromStudy(Connection c, long studyId, long trialId, Map<String, Object> trialSystemAttrs,
                                       Map<String, Object> trialUserAttrs, String workerId, java.time.Instant start,
                                       java.time.Instant end)
            throws SQLException {
        Map<String, Object> attrs = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT attr_name, attr_json FROM study_attrs WHERE study_id = ?"
                + " AND attr_name IN ('seed', 'sampler', 'pruner', 'dataset_fingerprint')")) {
            ps.setLong(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    attrs.put(rs.getString(1), JsonCodec.read(rs.getString(2)));
                }
            }
        }
        Object fingerprint = trialSystemAttrs.getOrDefault("dataset_fingerprint",
                trialUserAttrs.getOrDefault("dataset_fingerprint", attrs.get("dataset_fingerprint")));
        return new Provenance(trialId, attrs.get("seed") instanceof Number n ? n.longValue() : null,
                asMap(attrs.get("sampler")), asMap(attrs.get("pruner")), fingerprintText(fingerprint), RuntimeInfo.current(),
                RuntimeInfo.hostName(), workerId, start, end, execution(trialSystemAttrs, trialUserAttrs));
    }

    /** A fingerprint as text: {@code sha256:<hex>} for a trainer's map holding {@code sha256}, else as it is. */
    private static String fingerprintText(Object fingerprint) {
        if (fingerprint instanceof Map<?, ?> map && map.get("sha256") != null) {
            return "sha256:" + map.get("sha256");
        }
        return fingerprint == null ? null : String.valueOf(fingerprint);
    }

    /**
     * The trial's {@code slot} system attribute, the entries of its {@code device} user attribute (set by
     * the DJL trainer: device, GPU name and memory, engine build) and its {@code oom_retry} user attribute.
     */
    static Map<String, Object> execution(Map<String, Object> systemAttrs, Map<String, Object> userAttrs) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (systemAttrs.get("slot") != null) {
            out.put("slot", systemAttrs.get("slot"));
        }
        out.putAll(asMap(userAttrs.get("device")));
        if (userAttrs.get("oom_retry") != null) {
            out.put("oom_retry", userAttrs.get("oom_retry"));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
