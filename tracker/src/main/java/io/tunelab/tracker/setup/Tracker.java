package io.tunelab.tracker.setup;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.tracker.artifact.ArtifactRepository;
import io.tunelab.tracker.jdbc.JdbcTracker;
import io.tunelab.tracker.metrics.IngestStages;
import io.tunelab.tracker.metrics.MetricQueries;
import io.tunelab.tracker.provenance.ProvenanceStore;
import io.tunelab.tracker.query.ChangeQueries;
import io.tunelab.tracker.query.DeletedStudy;
import io.tunelab.tracker.query.TrackerQueries;
import io.tunelab.tracker.registry.ModelRegistry;
import java.util.List;
import java.util.Optional;

/**
 * An open tracker: one database shared by the tracking store ({@link #storage()}, search's
 * {@code TrialStorage}), the artifact repository, the model registry, provenance and the query side,
 * each handed out as its port. Thread-safe; {@link #close()} writes queued metric points and closes
 * the database.
 *
 * <pre>{@code
 * try (Tracker tracker = Tracker.open(TrackerConfig.defaults())) {
 *     Study study = Study.builder("mlp").storage(tracker.storage()).createOrLoad();
 *     ...
 * }
 * }</pre>
 */
public final class Tracker implements AutoCloseable {
    private final JdbcTracker jdbc;

    private Tracker(JdbcTracker jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens (creating and migrating as needed) the configured tracker. */
    public static Tracker open(TrackerConfig config) {
        return new Tracker(JdbcTracker.open(config.database(), config.artifactRoot(), config.storage()));
    }

    /**
     * Opens only the tracking store of the configured tracker (what a worker needs); closing the
     * storage closes its database.
     */
    public static TrialStorage openStorage(TrackerConfig config) {
        return JdbcTracker.openStorage(config.database(), config.artifactRoot(), config.storage());
    }

    /**
     * The tracking store for a command that only reads (lists, summaries, comparisons): an embedded database file
     * that exists and has the newest schema opens read-only, so reading writes nothing to it, not even on close;
     * anything else opens as {@link #openStorage} does. Writing through this storage fails.
     */
    public static TrialStorage openStorageForReading(TrackerConfig config) {
        return JdbcTracker.openStorageForReading(config.database(), config.artifactRoot(), config.storage());
    }

    /**
     * The query side (study summaries computed by the database, pages of trials) of a tracking store
     * opened by {@link #openStorage} or a tracker, or empty for any other storage (e.g. in memory).
     */
    public static Optional<TrackerQueries> queriesOf(TrialStorage storage) {
        return JdbcTracker.queriesOf(storage);
    }

    /** The tracking store, to pass to {@code Study.builder(...).storage(...)}; closed with the tracker. */
    public TrialStorage storage() {
        return jdbc.storage();
    }

    /** Where the tracking store copies artifact files. */
    public ArtifactRepository artifacts() {
        return jdbc.artifacts();
    }

    /** The read side of studies and trials. */
    public TrackerQueries queries() {
        return jdbc.queries();
    }

    /** The indexed reads behind live change feeds (what moved since a cursor). */
    public ChangeQueries changes() {
        return jdbc.changes();
    }

    /** The read side of metric series. */
    public MetricQueries metrics() {
        return jdbc.metrics();
    }

    /** Cumulative time per stage of metric ingest since this tracker opened (for benchmarks). */
    public IngestStages ingestStages() {
        return jdbc.ingestStages();
    }

    public ModelRegistry registry() {
        return jdbc.registry();
    }

    public ProvenanceStore provenance() {
        return jdbc.provenance();
    }

    /**
     * Deletes study {@code name}: its trials with their parameters, values, attributes, metric series, summaries,
     * artifact records and provenance, the study's own records, then the artifact files the tracker copied for it.
     *
     * @return how many trials and artifact files were deleted
     * @throws io.tunelab.tracker.TrackerException NOT_FOUND for a study that does not exist, CONFLICT (naming the
     *                                             versions) for one a registered model version was made from; then
     *                                             nothing is deleted
     */
    public DeletedStudy deleteStudy(String name) {
        return jdbc.deleteStudy(name);
    }

    /**
     * Fails the RUNNING trials of every study whose heartbeat is older than the stale grace, and re-enqueues them where
     * the study's retry policy allows, as any worker would; afterwards the RUNNING trials with heartbeats are alive.
     *
     * @return the reaped trials as they are now (FAIL)
     */
    public List<FrozenTrial> reapStaleTrials() {
        return jdbc.reapStaleTrials();
    }

    @Override
    public void close() {
        jdbc.close();
    }
}
