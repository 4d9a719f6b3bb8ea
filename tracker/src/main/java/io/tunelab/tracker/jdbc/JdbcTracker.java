package io.tunelab.tracker.jdbc;

import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.tracker.artifact.ArtifactRepository;
import io.tunelab.tracker.artifact.LocalArtifactRepository;
import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.config.StorageOptions;
import io.tunelab.tracker.metrics.IngestStages;
import io.tunelab.tracker.metrics.MetricQueries;
import io.tunelab.tracker.provenance.ProvenanceStore;
import io.tunelab.tracker.query.ChangeQueries;
import io.tunelab.tracker.query.DeletedStudy;
import io.tunelab.tracker.query.TrackerQueries;
import io.tunelab.tracker.registry.ModelRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The tracker on one JDBC database (H2 embedded or TCP, PostgreSQL): opens, creates and migrates the
 * database and builds every store over it. The only way into this package, for the tracker's own
 * facades ({@code setup.Tracker}, {@code server.TrackerServer}); everything else sees the ports it
 * hands out. Thread-safe; {@link #close()} writes queued metric points and closes the database.
 */
public final class JdbcTracker implements AutoCloseable {
    private final Database db;
    private final ArtifactRepository artifacts;
    private final JdbcTrialStorage storage;
    private final MetricQueries metrics;
    private final ProvenanceStore provenance;
    private final TrackerQueries queries;
    private final ChangeQueries changes;
    private final ModelRegistry registry;

    private JdbcTracker(Database db, ArtifactRepository artifacts, StorageOptions options) {
        this.db = db;
        this.artifacts = artifacts;
        this.storage = new JdbcTrialStorage(db, false, artifacts, options);
        this.metrics = new JdbcMetricQueries(db);
        this.provenance = new JdbcProvenanceStore(db);
        this.queries = new JdbcTrackerQueries(db, storage, provenance);
        this.changes = new JdbcChangeQueries(db);
        this.registry = new JdbcModelRegistry(db, options.clock(), metrics);
    }

    /** Opens (creating and migrating as needed) the database, with artifact files under {@code artifactRoot}. */
    public static JdbcTracker open(DatabaseSettings database, Path artifactRoot, StorageOptions options) {
        return over(FlywayLog.retried(() -> Database.open(database)),
                db -> new JdbcTracker(db, new LocalArtifactRepository(artifactRoot), options));
    }

    /** Only the tracking store over the database; closing the storage closes the database. */
    public static TrialStorage openStorage(DatabaseSettings database, Path artifactRoot, StorageOptions options) {
        return storageOver(FlywayLog.retried(() -> Database.open(database)), artifactRoot, options);
    }

    /**
     * Only the tracking store, for a process that reads and does not write: an embedded H2 file opens read-only
     * when it can ({@link Database#openForReading}), so reading leaves the file exactly as it was.
     */
    public static TrialStorage openStorageForReading(DatabaseSettings database, Path artifactRoot,
                                                     StorageOptions options) {
        return storageOver(FlywayLog.retried(() -> Database.openForReading(database)), artifactRoot, options);
    }

    /** The tracking store that owns {@code db} (closing the store closes it). */
    private static TrialStorage storageOver(Database db, Path artifactRoot, StorageOptions options) {
        return over(db, d -> new JdbcTrialStorage(d, true, new LocalArtifactRepository(artifactRoot), options));
    }

    /**
     * The query side over the database of a tracking store opened by {@link #openStorage} (or a tracker),
     * or empty for any other storage; it lives as long as the storage.
     */
    public static Optional<TrackerQueries> queriesOf(TrialStorage storage) {
        if (storage instanceof JdbcTrialStorage s) {
            return Optional.of(new JdbcTrackerQueries(s.database(), s, new JdbcProvenanceStore(s.database())));
        }
        return Optional.empty();
    }

    /** What {@code build} makes of the opened database; the database is closed again if that fails. */
    private static <T> T over(Database db, Function<Database, T> build) {
        try {
            return build.apply(db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The tracking store (search's {@code TrialStorage}); closed with this tracker. */
    public TrialStorage storage() {
        return storage;
    }

    public ArtifactRepository artifacts() {
        return artifacts;
    }

    public TrackerQueries queries() {
        return queries;
    }

    public ChangeQueries changes() {
        return changes;
    }

    public MetricQueries metrics() {
        return metrics;
    }

    /** Cumulative time per stage of metric ingest since this tracker opened (for benchmarks). */
    public IngestStages ingestStages() {
        return storage.ingestStages();
    }

    public ModelRegistry registry() {
        return registry;
    }

    public ProvenanceStore provenance() {
        return provenance;
    }

    /**
     * Deletes study {@code name} and everything recorded for it ({@link StudyDeletion}) in one durable transaction,
     * then its artifact files ({@code study-<id>/} under the artifact root: trial artifacts and summary images).
     *
     * @return how many trials and artifact files were deleted
     * @throws io.tunelab.tracker.TrackerException NOT_FOUND for a study that does not exist, CONFLICT for one a
     *                                             registered model version was made from; then nothing is deleted
     */
    public DeletedStudy deleteStudy(String name) {
        StudyDeletion.Deleted d = db.inDurableTransaction(c -> StudyDeletion.delete(c, name));
        storage.forgetStudy(d.studyId(), d.trialIds());
        int files = artifacts.deleteDirectory(List.of("study-" + d.studyId()));
        return new DeletedStudy(name, d.trialIds().size(), files);
    }

    /**
     * Fails the RUNNING trials of every study whose heartbeat is older than the stale grace, and
     * re-enqueues them where the study's retry policy allows (for a process that serves the database
     * while its workers come and go).
     *
     * @return the reaped trials as they are now (FAIL)
     */
    public List<FrozenTrial> reapStaleTrials() {
        List<FrozenTrial> reaped = new ArrayList<>();
        for (StudyRecord s : storage.studies()) {
            reaped.addAll(storage.reapStaleTrials(s.id()));
        }
        return List.copyOf(reaped);
    }

    /** Stops heartbeats, writes queued metric points and closes the database. */
    @Override
    public void close() {
        try {
            storage.close();
        } finally {
            db.close();
        }
    }
}
