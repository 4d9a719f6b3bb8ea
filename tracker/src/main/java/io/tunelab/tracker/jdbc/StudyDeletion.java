package io.tunelab.tracker.jdbc;

import io.tunelab.tracker.TrackerException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes a study and everything recorded for it, in one transaction: its trials with their parameters, values,
 * intermediate values, attributes, metric series and their points, summaries, artifact records and provenance, and
 * the study's attributes, aggregates and parameter space. A study one of whose trials a registered model version was
 * made from is refused (the version's record and files point at the trial), naming the versions.
 */
final class StudyDeletion {
    /** The tables of per-trial rows, keyed by {@code trial_id}. */
    private static final List<String> TRIAL_TABLES = List.of("trial_params", "trial_values", "trial_intermediate",
            "trial_attrs", "trial_artifacts", "trial_summaries", "trial_provenance");
    /** The tables of per-study rows, keyed by {@code study_id}, deleted after the trials. */
    private static final List<String> STUDY_TABLES = List.of("study_param_dists", "study_aggregates", "study_attrs");
    private static final String TRIALS_OF_STUDY = "SELECT trial_id FROM trials WHERE study_id = ?";

    /**
     * What was deleted.
     *
     * @param studyId  the deleted study's id (its artifact files live under {@code study-<id>/})
     * @param trialIds the ids of its trials
     */
    record Deleted(long studyId, List<Long> trialIds) {
        Deleted {
            trialIds = List.copyOf(trialIds);
        }
    }

    private StudyDeletion() {
    }

    /**
     * Deletes study {@code name} on {@code c}, within the caller's transaction.
     *
     * @throws TrackerException NOT_FOUND for a study that does not exist, CONFLICT for one a model version was
     *                          registered from
     */
    static Deleted delete(Connection c, String name) throws SQLException {
        long id = studyId(c, name);
        List<String> versions = registeredVersions(c, id);
        if (!versions.isEmpty()) {
            throw TrackerException.conflict("study '" + name + "' cannot be deleted: the model registry has "
                    + String.join(", ", versions) + " made from its trials; a registered version keeps its source trial"
                    + " (delete those versions first: tunelab delete-model MODEL VERSION)");
        }
        List<Long> trials = trialIds(c, id);
        execute(c, "DELETE FROM metric_chunks WHERE series_id IN (SELECT s.series_id FROM metric_series s"
                + " JOIN trials t ON t.trial_id = s.trial_id WHERE t.study_id = ?)", id);
        execute(c, "DELETE FROM metric_series WHERE trial_id IN (" + TRIALS_OF_STUDY + ")", id);
        for (String table : TRIAL_TABLES) {
            execute(c, "DELETE FROM " + table + " WHERE trial_id IN (" + TRIALS_OF_STUDY + ")", id);
        }
        execute(c, "DELETE FROM study_front WHERE study_id = ?", id);
        execute(c, "DELETE FROM trials WHERE study_id = ?", id);
        for (String table : STUDY_TABLES) {
            execute(c, "DELETE FROM " + table + " WHERE study_id = ?", id);
        }
        execute(c, "DELETE FROM studies WHERE study_id = ?", id);
        return new Deleted(id, trials);
    }

    private static long studyId(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT study_id FROM studies WHERE study_name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw TrackerException.notFound("no study named '" + name + "'; `tunelab studies` lists the studies");
                }
                return rs.getLong(1);
            }
        }
    }

    /** The model versions registered from a trial of study {@code id}, as {@code 'model' v2 (trial 3)}. */
    private static List<String> registeredVersions(Connection c, long id) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT m.model_name, v.version_number, t.trial_number"
                + " FROM model_versions v JOIN registered_models m ON m.model_id = v.model_id"
                + " JOIN trials t ON t.trial_id = v.source_trial_id WHERE t.study_id = ?"
                + " ORDER BY m.model_name, v.version_number")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    versions.add("model '" + rs.getString(1) + "' v" + rs.getInt(2) + " (trial " + rs.getInt(3) + ")");
                }
            }
        }
        return versions;
    }

    private static List<Long> trialIds(Connection c, long id) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(TRIALS_OF_STUDY)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static void execute(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }
}
