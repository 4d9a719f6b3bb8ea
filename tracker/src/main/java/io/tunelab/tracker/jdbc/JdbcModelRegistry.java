package io.tunelab.tracker.jdbc;

import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.TrackerException;
import io.tunelab.tracker.metrics.MetricQueries;
import io.tunelab.tracker.metrics.SeriesSummary;
import io.tunelab.tracker.registry.AliasMove;
import io.tunelab.tracker.registry.Change;
import io.tunelab.tracker.registry.ModelRegistry;
import io.tunelab.tracker.registry.ModelVersion;
import io.tunelab.tracker.registry.RegisteredModel;
import io.tunelab.tracker.registry.RegistryNames;
import io.tunelab.tracker.registry.VersionMetric;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ModelRegistry} over {@code registered_models}, {@code model_versions}, their tags,
 * {@code model_aliases} and the {@code alias_moves} audit trail. Each change locks the model row in one
 * durable transaction. Thread-safe.
 */
final class JdbcModelRegistry implements ModelRegistry {
    private final Database db;
    private final Clock clock;
    private final MetricQueries metrics;
    private final TrialLoader trials = new TrialLoader();

    JdbcModelRegistry(Database db, Clock clock, MetricQueries metrics) {
        this.db = db;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public RegisteredModel createModel(String name, String description) {
        RegistryNames.model(name);
        long now = Times.toNanos(clock.instant());
        db.durableUpdate(c -> {
            if (!RegistryRows.models(c, name).isEmpty()) {
                throw TrackerException.conflict("a registered model named '" + name + "' already exists");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO registered_models (model_name, description,"
                    + " created_ns, updated_ns, next_version) VALUES (?, ?, ?, ?, 1)")) {
                ps.setString(1, name);
                ps.setString(2, description);
                ps.setLong(3, now);
                ps.setLong(4, now);
                ps.executeUpdate();
            }
        });
        return model(name);
    }

    @Override
    public RegisteredModel model(String name) {
        return db.read(c -> {
            List<RegisteredModel> found = RegistryRows.models(c, name);
            if (found.isEmpty()) {
                throw RegistryRows.noSuchModel(c, name);
            }
            return found.get(0);
        });
    }

    @Override
    public Optional<RegisteredModel> findModel(String name) {
        return db.read(c -> RegistryRows.models(c, name).stream().findFirst());
    }

    @Override
    public List<RegisteredModel> models() {
        return db.read(c -> RegistryRows.models(c, null));
    }

    @Override
    public void describeModel(String name, String description) {
        update(name, (c, id) -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE registered_models SET description = ? WHERE model_id = ?")) {
                ps.setString(1, description);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
        });
    }

    @Override
    public void setModelTag(String name, String tag, String value) {
        RegistryNames.tag(tag);
        update(name, (c, id) -> RegistryRows.setTag(c, "model_tags", "model_id", id, tag, value));
    }

    @Override
    public ModelVersion createVersion(String model, long trialId, String artifactName, String description, String createdBy) {
        Map<String, VersionMetric> copied = new LinkedHashMap<>();
        for (SeriesSummary s : metrics.summaries(trialId)) {
            copied.put(s.name(), new VersionMetric(s.count(), s.lastStep(), s.lastValue(), s.min(), s.max()));
        }
        long now = Times.toNanos(clock.instant());
        int number = db.inDurableTransaction(c -> {
            long modelId = RegistryRows.lockModel(c, model, now);
            FrozenTrial trial = trials.load(c, trialId);
            if (trial.state() != TrialState.COMPLETE) {
                throw TrackerException.conflict("trial " + trial.number() + " is " + trial.state()
                        + "; only a COMPLETE trial can become a model version");
            }
            return VersionWriter.insert(c, modelId, trial, artifactName, copied, description, createdBy, now);
        });
        return version(model, number);
    }

    @Override
    public ModelVersion version(String model, int version) {
        return db.read(c -> {
            long id = RegistryRows.modelId(c, model);
            List<ModelVersion> found = RegistryRows.versions(c, id, model, version);
            if (found.isEmpty()) {
                throw TrackerException.notFound("model '" + model + "' has no version " + version);
            }
            return found.get(0);
        });
    }

    @Override
    public List<ModelVersion> versions(String model) {
        return db.read(c -> RegistryRows.versions(c, RegistryRows.modelId(c, model), model, 0));
    }

    @Override
    public void describeVersion(String model, int version, String description) {
        update(model, (c, id) -> RegistryRows.setVersionColumn(c, id, model, version, "description", description));
    }

    @Override
    public void setVersionTag(String model, int version, String tag, String value) {
        RegistryNames.tag(tag);
        update(model, (c, id) -> RegistryRows.setTag(c, "version_tags", "version_id",
                RegistryRows.versionId(c, id, model, version), tag, value));
    }

    @Override
    public void archive(String model, int version) {
        update(model, (c, id) -> {
            List<String> holding = AliasLedger.aliasesByVersion(c, id).getOrDefault(
                    RegistryRows.versionId(c, id, model, version), List.of());
            if (!holding.isEmpty()) {
                throw TrackerException.conflict("version " + version + " of model '" + model + "' is aliased as "
                        + holding + "; move those aliases before archiving it");
            }
            RegistryRows.setVersionColumn(c, id, model, version, "archived", true);
        });
    }

    @Override
    public void unarchive(String model, int version) {
        update(model, (c, id) -> RegistryRows.setVersionColumn(c, id, model, version, "archived", false));
    }

    @Override
    public AliasMove setAlias(String model, String alias, int version, Change change) {
        RegistryNames.alias(alias);
        Instant when = clock.instant();
        return db.inDurableTransaction(c -> {
            long id = RegistryRows.lockModel(c, model, Times.toNanos(when));
            long vid = RegistryRows.versionId(c, id, model, version);
            if (RegistryRows.versions(c, id, model, version).get(0).archived()) {
                throw TrackerException.conflict("version " + version + " of model '" + model
                        + "' is archived; unarchive it before pointing '" + alias + "' at it");
            }
            Integer from = AliasLedger.aliases(c, id).get(alias);
            if (from == null) {
                RegistryNames.newAlias(alias);
            }
            if (from != null && from == version) {
                List<AliasMove> moves = AliasLedger.history(c, model, alias, 0).stream().filter(m -> !m.refused()).toList();
                return moves.get(moves.size() - 1);
            }
            AliasLedger.point(c, id, alias, vid);
            return AliasLedger.record(c, id, model, alias, from, version, when, change);
        });
    }

    @Override
    public AliasMove recordRefusal(String model, String alias, Change change) {
        Instant when = clock.instant();
        return db.inDurableTransaction(c -> {
            long id = RegistryRows.lockModel(c, model, Times.toNanos(when));
            int at = existingAlias(c, id, model, alias);
            return AliasLedger.record(c, id, model, alias, at, at, when, change);
        });
    }

    @Override
    public AliasMove removeAlias(String model, String alias, Change change) {
        Instant when = clock.instant();
        return db.inDurableTransaction(c -> {
            long id = RegistryRows.lockModel(c, model, Times.toNanos(when));
            int from = existingAlias(c, id, model, alias);
            AliasLedger.point(c, id, alias, null);
            return AliasLedger.record(c, id, model, alias, from, null, when, change);
        });
    }

    /** The version {@code alias} points at; NOT_FOUND if the model has no such alias. */
    private static int existingAlias(Connection c, long modelId, String model, String alias) throws SQLException {
        Integer at = AliasLedger.aliases(c, modelId).get(alias);
        if (at == null) {
            throw TrackerException.notFound("model '" + model + "' has no alias '" + alias + "'");
        }
        return at;
    }

    @Override
    public List<AliasMove> deleteVersion(String model, int version, Change change) {
        Instant when = clock.instant();
        return db.inDurableTransaction(c -> {
            long id = RegistryRows.lockModel(c, model, Times.toNanos(when));
            long vid = RegistryRows.versionId(c, id, model, version);
            List<AliasMove> moves = removeAliases(c, id, model, AliasLedger.aliasesByVersion(c, id).getOrDefault(vid, List.of()),
                    version, when, change);
            RegistryDeletion.version(c, vid);
            moves.add(AliasLedger.record(c, id, model, null, version, null, when, change));
            return moves;
        });
    }

    @Override
    public List<AliasMove> deleteModel(String name, Change change) {
        Instant when = clock.instant();
        return db.inDurableTransaction(c -> {
            long id = RegistryRows.lockModel(c, name, Times.toNanos(when));
            List<AliasMove> moves = new ArrayList<>();
            for (ModelVersion v : RegistryRows.versions(c, id, name, 0)) {
                moves.addAll(removeAliases(c, id, name, v.aliases(), v.version(), when, change));
                moves.add(AliasLedger.record(c, id, name, null, v.version(), null, when, change));
            }
            moves.add(AliasLedger.record(c, id, name, null, null, null, when, change));
            RegistryDeletion.model(c, id);
            return moves;
        });
    }

    /** Removes {@code aliases}, which point at {@code version}, recording each removal. */
    private static List<AliasMove> removeAliases(Connection c, long modelId, String model, List<String> aliases, int version,
                                                 Instant when, Change change) throws SQLException {
        List<AliasMove> moves = new ArrayList<>();
        for (String alias : aliases) {
            AliasLedger.point(c, modelId, alias, null);
            moves.add(AliasLedger.record(c, modelId, model, alias, version, null, when, change));
        }
        return moves;
    }

    @Override
    public Optional<ModelVersion> resolve(String model, String alias) {
        Integer v = model(model).aliases().get(alias);
        return v == null ? Optional.empty() : Optional.of(version(model, v));
    }

    @Override
    public List<AliasMove> aliasHistory(String model) {
        return trail(model, null, 0);
    }

    @Override
    public List<AliasMove> aliasHistory(String model, String alias) {
        return trail(model, alias, 0);
    }

    @Override
    public List<AliasMove> aliasMovesAfter(String model, long after) {
        return trail(model, null, after);
    }

    /** The trail recorded under a model's name; NOT_FOUND when there is neither such a model nor a trail of one. */
    private List<AliasMove> trail(String model, String alias, long after) {
        return db.read(c -> {
            List<AliasMove> moves = AliasLedger.history(c, model, alias, after);
            if (moves.isEmpty() && RegistryRows.models(c, model).isEmpty() && AliasLedger.history(c, model, null, 0).isEmpty()) {
                RegistryRows.modelId(c, model);
            }
            return moves;
        });
    }

    @FunctionalInterface
    private interface ModelChange {
        void apply(Connection c, long modelId) throws SQLException;
    }

    private void update(String model, ModelChange change) {
        long now = Times.toNanos(clock.instant());
        db.durableUpdate(c -> change.apply(c, RegistryRows.lockModel(c, model, now)));
    }
}
