package io.tunelab.tracker.setup;

import io.tunelab.tracker.artifact.ArtifactRepository;
import io.tunelab.tracker.artifact.LocalArtifactRepository;
import io.tunelab.tracker.db.Database;
import io.tunelab.tracker.metrics.MetricQueries;
import io.tunelab.tracker.provenance.ProvenanceStore;
import io.tunelab.tracker.query.ChangeQueries;
import io.tunelab.tracker.query.TrackerQueries;
import io.tunelab.tracker.registry.ModelRegistry;
import io.tunelab.tracker.store.JdbcTrialStorage;

/**
 * An open tracker: one database shared by the tracking store ({@link #storage()}, search's
 * {@code TrialStorage}), the artifact repository, the model registry, provenance and the query side.
 * Thread-safe; {@link #close()} writes queued metric points and closes the database.
 *
 * <pre>{@code
 * try (Tracker tracker = Tracker.open(TrackerConfig.defaults())) {
 *     Study study = Study.builder("mlp").storage(tracker.storage()).createOrLoad();
 *     ...
 * }
 * }</pre>
 */
public final class Tracker implements AutoCloseable {
    private final Database database;
    private final ArtifactRepository artifacts;
    private final JdbcTrialStorage storage;
    private final TrackerQueries queries;
    private final ChangeQueries changes;
    private final MetricQueries metrics;
    private final ModelRegistry registry;
    private final ProvenanceStore provenance;

    private Tracker(Database database, ArtifactRepository artifacts, JdbcTrialStorage storage, ModelRegistry registry) {
        this.database = database;
        this.artifacts = artifacts;
        this.storage = storage;
        this.queries = new TrackerQueries(storage);
        this.changes = new ChangeQueries(database);
        this.metrics = new MetricQueries(database);
        this.registry = registry;
        this.provenance = new ProvenanceStore(database);
    }

    /** Opens (creating and migrating as needed) the configured tracker. */
    public static Tracker open(TrackerConfig config) {
        Database db = Database.open(config.database());
        try {
            ArtifactRepository artifacts = new LocalArtifactRepository(config.artifactRoot());
            JdbcTrialStorage storage = new JdbcTrialStorage(db, false, artifacts, config.storage());
            return new Tracker(db, artifacts, storage, new ModelRegistry(db, config.storage().clock()));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public Database database() {
        return database;
    }

    /** The tracking store, to pass to {@code Study.builder(...).storage(...)}. */
    public JdbcTrialStorage storage() {
        return storage;
    }

    public ArtifactRepository artifacts() {
        return artifacts;
    }

    public TrackerQueries queries() {
        return queries;
    }

    /** The indexed reads behind live change feeds (what moved since a cursor). */
    public ChangeQueries changes() {
        return changes;
    }

    public MetricQueries metrics() {
        return metrics;
    }

    public ModelRegistry registry() {
        return registry;
    }

    public ProvenanceStore provenance() {
        return provenance;
    }

    @Override
    public void close() {
        try {
            storage.close();
        } finally {
            database.close();
        }
    }
}
