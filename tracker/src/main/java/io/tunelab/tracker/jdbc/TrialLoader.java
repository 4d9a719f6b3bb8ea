package io.tunelab.tracker.jdbc;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.DistributionJson;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.TrackerException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads trial rows and assembles {@link FrozenTrial} snapshots: the {@code trials} row plus its
 * parameters, values, intermediate values and attributes, loaded for many trials at once (one query
 * per table: by id lists; for large sets by their id range when the ids are dense (a page of a big
 * study), else by study). Thread-safe; parsed distributions are
 * shared.
 */
final class TrialLoader {
    /** The {@code trials} columns {@link #head(ResultSet)} reads, in order. */
    static final String HEAD_COLUMNS =
            "trial_id, study_id, trial_number, trial_state, start_ns, end_ns, message, change_seq";
    private static final int CHUNK = 256;
    private static final int WHOLE_STUDY = 1024;
    /** Many trials whose ids span at most this many ids per trial are read as one id range. */
    private static final int DENSE_RANGE = 4;

    private final Map<String, Distribution> distributions = new ConcurrentHashMap<>();

    /** Reads the {@link #HEAD_COLUMNS} of the current row. */
    static TrialHead head(ResultSet rs) throws SQLException {
        return new TrialHead(rs.getLong(1), rs.getLong(2), rs.getInt(3), TrialState.valueOf(rs.getString(4)),
                Times.read(rs, 5), Times.read(rs, 6), rs.getString(7), rs.getLong(8));
    }

    Optional<TrialHead> findHead(Connection c, long trialId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + HEAD_COLUMNS + " FROM trials WHERE trial_id = ?")) {
            ps.setLong(1, trialId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(head(rs)) : Optional.empty();
            }
        }
    }

    /** The trial's snapshot; NOT_FOUND if there is no such trial. */
    FrozenTrial load(Connection c, long trialId) throws SQLException {
        TrialHead head = findHead(c, trialId)
                .orElseThrow(() -> TrackerException.notFound("no trial with id " + trialId));
        return loadAll(c, head.studyId(), List.of(head)).get(0);
    }

    /** Heads of a study matching {@code where} (a condition on {@code trials} with parameters bound by {@code binder}). */
    List<TrialHead> heads(Connection c, String where, Binder binder) throws SQLException {
        List<TrialHead> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + HEAD_COLUMNS + " FROM trials WHERE " + where
                + " ORDER BY trial_number")) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(head(rs));
                }
            }
        }
        return out;
    }

    /** Binds the parameters of a condition. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Snapshots of the given trials of one study, ordered by number. */
    List<FrozenTrial> loadAll(Connection c, long studyId, Collection<TrialHead> heads) throws SQLException {
        Map<Long, Parts> parts = new HashMap<>();
        for (TrialHead h : heads) {
            parts.put(h.id(), new Parts());
        }
        if (!parts.isEmpty()) {
            readChildren(c, studyId, new ArrayList<>(parts.keySet()), parts);
        }
        List<FrozenTrial> out = new ArrayList<>(heads.size());
        for (TrialHead h : heads) {
            out.add(parts.get(h.id()).freeze(h));
        }
        out.sort(Comparator.comparingInt(FrozenTrial::number));
        return out;
    }

    private void readChildren(Connection c, long studyId, List<Long> ids, Map<Long, Parts> parts) throws SQLException {
        String[] selects = {
            "SELECT x.trial_id, x.param_name, x.internal_value, x.distribution_json FROM trial_params x",
            "SELECT x.trial_id, x.objective_index, x.objective_value, x.value_marker FROM trial_values x",
            "SELECT x.trial_id, x.step, x.inter_value, x.value_marker FROM trial_intermediate x",
            "SELECT x.trial_id, x.attr_scope, x.attr_name, x.attr_json FROM trial_attrs x",
        };
        String[] orders = {" ORDER BY x.trial_id, x.param_order", "", "", " ORDER BY x.trial_id, x.attr_name"};
        long lowest = Long.MAX_VALUE;
        long highest = Long.MIN_VALUE;
        for (long id : ids) {
            lowest = Math.min(lowest, id);
            highest = Math.max(highest, id);
        }
        // a page of a big study holds nearly consecutive ids: read that id range, not the whole study
        boolean range = highest - lowest < (long) ids.size() * DENSE_RANGE;
        for (int table = 0; table < selects.length; table++) {
            if (ids.size() > WHOLE_STUDY) {
                String sql = range ? selects[table] + " WHERE x.trial_id BETWEEN ? AND ?" + orders[table]
                        : selects[table] + " JOIN trials t ON t.trial_id = x.trial_id WHERE t.study_id = ?" + orders[table];
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    if (range) {
                        ps.setLong(1, lowest);
                        ps.setLong(2, highest);
                    } else {
                        ps.setLong(1, studyId);
                    }
                    collect(ps, table, parts);
                }
                continue;
            }
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                int size = Integer.highestOneBit(chunk.size() * 2 - 1);
                String sql = selects[table] + " WHERE x.trial_id IN (" + "?,".repeat(size - 1) + "?)" + orders[table];
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < size; i++) {
                        ps.setLong(i + 1, chunk.get(Math.min(i, chunk.size() - 1)));
                    }
                    collect(ps, table, parts);
                }
            }
        }
    }

    private void collect(PreparedStatement ps, int table, Map<Long, Parts> parts) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Parts p = parts.get(rs.getLong(1));
                if (p == null) {
                    continue;
                }
                switch (table) {
                    case 0 -> {
                        Distribution d = distributions.computeIfAbsent(rs.getString(4), DistributionJson::fromJson);
                        p.params.put(rs.getString(2), d.toExternal(rs.getDouble(3)));
                        p.distributions.put(rs.getString(2), d);
                    }
                    case 1 -> p.values.put(rs.getInt(2), SqlDoubles.read(rs, 3, 4));
                    case 2 -> p.intermediate.put(rs.getInt(2), SqlDoubles.read(rs, 3, 4));
                    default -> ("U".equals(rs.getString(2)) ? p.userAttrs : p.systemAttrs)
                            .put(rs.getString(3), JsonCodec.read(rs.getString(4)));
                }
            }
        }
    }

    /** The child rows of one trial while they are collected. */
    private static final class Parts {
        final Map<String, Object> params = new LinkedHashMap<>();
        final Map<String, Distribution> distributions = new LinkedHashMap<>();
        final TreeMap<Integer, Double> values = new TreeMap<>();
        final TreeMap<Integer, Double> intermediate = new TreeMap<>();
        final Map<String, Object> userAttrs = new LinkedHashMap<>();
        final Map<String, Object> systemAttrs = new LinkedHashMap<>();

        FrozenTrial freeze(TrialHead h) {
            return new FrozenTrial(h.id(), h.number(), h.state(), new ArrayList<>(values.values()), h.start(), h.end(),
                    params, distributions, intermediate, userAttrs, systemAttrs, h.message());
        }
    }
}
