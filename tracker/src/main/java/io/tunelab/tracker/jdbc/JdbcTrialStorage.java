package io.tunelab.tracker.jdbc;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.storage.StorageNames;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.SummaryTag;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.artifact.ArtifactRepository;
import io.tunelab.tracker.config.StorageOptions;
import io.tunelab.tracker.metrics.IngestStages;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tracking store: search's {@link TrialStorage} on a JDBC database (H2 embedded or TCP server,
 * PostgreSQL), meeting the port's whole contract for many threads and many processes.
 *
 * <ul>
 *   <li>Trial numbers come from a counter on the study row, incremented under its row lock, so they
 *       are gap-free and unique across processes; every state change commits in counter order.</li>
 *   <li>Finished trials are cached forever ({@link TrialSnapshots}): reading a study's history asks
 *       the database only for what changed.</li>
 *   <li>Metric points go through a background {@link MetricWriter}; {@link #flush()} (called when a
 *       trial ends) and {@link #close()} (and a shutdown hook) write what is queued.</li>
 *   <li>Running trials created here send heartbeats while this process lives; {@link #reapStaleTrials}
 *       fails and possibly retries trials whose worker died. It runs before claiming or starting a trial and on every
 *       heartbeat round while this process runs trials ({@link StaleCheckCadence});
 *       after the database was unreachable, automatic reaping waits a stale grace period, because the
 *       heartbeats of live workers could not be written either.</li>
 *   <li>Finishing a trial records its provenance ({@link JdbcProvenanceStore}) in the same transaction.</li>
 *   <li>A COMPLETE or PRUNED outcome of a trial another process failed as stale meanwhile (its worker kept the
 *       outcome through a database outage) is recorded on the trial's retry while that retry is WAITING
 *       ({@link LateResults}); once a worker has started the retry, finishing the reaped trial is a CONFLICT.</li>
 * </ul>
 */
final class JdbcTrialStorage implements TrialStorage {
    /** The message of trials still running when their process exited. */
    static final String INTERRUPTED = "interrupted: the process exited (Ctrl-C or kill) before this trial ended";

    private final Database db;
    private final boolean ownsDatabase;
    private final StorageOptions options;
    private final TrialLoader loader = new TrialLoader();
    private final StudyTable studies = new StudyTable();
    private final TrialCommands commands = new TrialCommands(loader);
    private final TrialSnapshots snapshots;
    private final KnownTrials knownTrials;
    private final TrialStarts starts;
    private final TrialEndTransaction finisher;
    private final TrialFiles files;
    private final MetricWriter metrics;
    private final JdbcMetricQueries metricReads;
    private final LiveTrials live;
    private final Thread shutdownHook;
    private volatile boolean closed;

    /**
     * A storage over {@code db}; it closes the database on {@link #close()} only when {@code ownsDatabase}.
     */
    JdbcTrialStorage(Database db, boolean ownsDatabase, ArtifactRepository artifacts, StorageOptions options) {
        this.db = db;
        this.ownsDatabase = ownsDatabase;
        this.options = options;
        this.snapshots = new TrialSnapshots(db, loader);
        this.knownTrials = new KnownTrials(db, loader);
        StaleTrialReaper reaper = new StaleTrialReaper(db, loader, commands);
        StaleCheckCadence staleChecks = options.heartbeatInterval() == null ? null : new StaleCheckCadence(
                options.heartbeatInterval(), options.staleGrace(), db::nanosSinceOutage, this::reapStaleTrials);
        this.starts = new TrialStarts(db, options, loader, commands, reaper, staleChecks);
        this.finisher = new TrialEndTransaction(db, options, loader, commands, reaper);
        this.files = new TrialFiles(db, loader, knownTrials, artifacts, options.clock());
        this.metrics = new MetricWriter(db, options.metricBatchSize(), options.metricCapacity(), options.flushTimeout());
        this.metricReads = new JdbcMetricQueries(db);
        this.live = new LiveTrials(db, options, commands, staleChecks);
        this.shutdownHook = new Thread(() -> closeAtExit(true), "tunelab-storage-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The database this store writes to. */
    Database database() {
        return db;
    }

    /** Nanoseconds since the database was last reached after an outage (see {@link Database#nanosSinceOutage}). */
    long nanosSinceOutage() {
        return db.nanosSinceOutage();
    }

    @Override
    public Optional<Duration> outageTolerance() {
        return Optional.of(db.outageTolerance());
    }

    @Override
    public Optional<Duration> heartbeatInterval() {
        return Optional.ofNullable(options.heartbeatInterval());
    }

    @Override
    public StudyRecord createStudy(String name, List<Direction> directions) {
        Instant now = options.clock().instant();
        return db.inDurableTransaction(c -> studies.create(c, name, directions, now));
    }

    @Override
    public Optional<StudyRecord> findStudy(String name) {
        return db.read(c -> studies.find(c, name));
    }

    @Override
    public StudyRecord study(long studyId) {
        return db.read(c -> studies.get(c, studyId));
    }

    @Override
    public List<StudyRecord> studies() {
        return db.read(studies::all);
    }

    @Override
    public void setStudySystemAttr(long studyId, String key, Object value) {
        db.durableUpdate(c -> studies.setAttr(c, studyId, key, value));
    }

    @Override
    public FrozenTrial createRunningTrial(long studyId) {
        FrozenTrial t = starts.createRunning(studyId);
        started(studyId, t);
        return t;
    }

    private void started(long studyId, FrozenTrial t) {
        knownTrials.add(t.id());
        live.started(t.id(), studyId);
    }

    @Override
    public FrozenTrial createWaitingTrial(long studyId, Map<String, Object> fixedParams, Map<String, Object> systemAttrs,
                                          Map<String, Object> userAttrs) {
        StorageNames.checkWaitingAttrs(systemAttrs, userAttrs);
        FrozenTrial t = db.inDurableTransaction(c -> commands.createWaiting(c, studyId, fixedParams, systemAttrs, userAttrs));
        knownTrials.add(t.id());
        return t;
    }

    /** Reaps stale trials first (at most once per heartbeat interval), then claims the oldest WAITING trial. */
    @Override
    public Optional<FrozenTrial> claimWaitingTrial(long studyId) {
        Optional<FrozenTrial> t = starts.claimWaiting(studyId);
        t.ifPresent(trial -> started(studyId, trial));
        return t;
    }

    /** Reaps stale trials first (at most once per heartbeat interval), then starts a trial within the budget. */
    @Override
    public Optional<FrozenTrial> startTrialWithinBudget(long studyId, int budget) {
        Optional<FrozenTrial> t = starts.startWithinBudget(studyId, budget);
        t.ifPresent(trial -> started(studyId, trial));
        return t;
    }

    /**
     * Fails the study's RUNNING trials whose heartbeat is older than the stale grace, and re-enqueues
     * them when the study's retry policy allows (see {@link StaleTrialReaper}).
     *
     * @return the reaped trials as they are now (FAIL)
     */
    List<FrozenTrial> reapStaleTrials(long studyId) {
        return starts.reap(studyId);
    }

    /** WAITING trials and RUNNING ones with a heartbeat, counted in the database (any process's trials). */
    @Override
    public int unsettledTrials(long studyId) {
        return db.read(c -> commands.unsettled(c, studyId));
    }

    @Override
    public void setParam(long trialId, String name, Object value, Distribution distribution) {
        double internal = distribution.toInternalOutOfRange(value);
        db.update(c -> commands.setParam(c, trialId, name, internal, distribution));
    }

    @Override
    public void setIntermediateValue(long trialId, int step, double value) {
        db.update(c -> commands.setIntermediate(c, trialId, step, value));
    }

    @Override
    public void setUserAttr(long trialId, String key, Object value) {
        db.update(c -> commands.setAttr(c, trialId, 'U', key, value));
    }

    @Override
    public void setSystemAttr(long trialId, String key, Object value) {
        db.update(c -> commands.setAttr(c, trialId, 'S', key, value));
    }

    /** Queues the points for the background writer; NOT_FOUND at once for an unknown trial. */
    @Override
    public void logMetrics(long trialId, List<MetricPoint> points) {
        requireTrial(trialId);
        metrics.enqueue(trialId, points);
    }

    private void requireTrial(long trialId) {
        knownTrials.require(trialId);
    }

    @Override
    public void flush() {
        metrics.flush();
    }

    /** Where the metric writer's time went since this store opened. */
    IngestStages ingestStages() {
        return metrics.stages();
    }

    /** Copies the file into the artifact repository under {@code study-<id>/trial-<number>/} and records it. */
    @Override
    public ArtifactRef storeArtifact(long trialId, String name, Path file) {
        return files.storeArtifact(trialId, name, file);
    }

    /** Forgets the artifact's row, then deletes its file. */
    @Override
    public void deleteArtifact(long trialId, String name) {
        files.deleteArtifact(trialId, name);
    }

    /** In one durable transaction, each image's PNG first into the artifact repository (see {@link TrialFiles}). */
    @Override
    public void logSummaries(long trialId, List<LoggedSummary> summaries) {
        files.logSummaries(trialId, summaries);
    }

    @Override
    public List<SummaryTag> summaryTags(long trialId) {
        return files.summaryTags(trialId);
    }

    @Override
    public List<LoggedSummary> summaries(long trialId, String tag) {
        return files.summaries(trialId, tag);
    }

    @Override
    public List<ArtifactRef> artifacts(long trialId) {
        return files.artifacts(trialId);
    }

    @Override
    public void heartbeat(long trialId) {
        live.heartbeat(trialId);
    }

    @Override
    public boolean finishTrial(long trialId, TrialState state, List<Double> values, String message) {
        return finishTrial(trialId, state, values, message, null, options.clock().instant());
    }

    /** Finishes it in one durable transaction ({@link TrialEndTransaction}), then stops its heartbeats. */
    @Override
    public boolean finishTrial(long trialId, TrialState state, List<Double> values, String message, Instant start,
            Instant now) {
        Optional<FrozenTrial> done = finisher.finish(trialId, state, values, message, start, now);
        live.ended(trialId);
        done.ifPresent(snapshots::remember);
        return done.isPresent();
    }

    /** Forgets the cached snapshots of a study deleted from the database ({@link StudyDeletion}). */
    void forgetStudy(long studyId, List<Long> trialIds) {
        snapshots.forget(studyId, trialIds);
    }

    @Override
    public FrozenTrial trial(long trialId) {
        return snapshots.trial(trialId);
    }

    @Override
    public FrozenTrial trialByNumber(long studyId, int number) {
        return snapshots.trialByNumber(studyId, number);
    }

    @Override
    public List<FrozenTrial> trials(long studyId, Set<TrialState> states) {
        return snapshots.trials(studyId, states);
    }

    @Override
    public List<String> metricNames(long trialId) {
        List<String> names = metricReads.names(trialId);
        if (names.isEmpty()) {
            requireTrial(trialId);
        }
        return names;
    }

    /** One {@code SELECT DISTINCT} over the study's series; the study is looked up only when it has none. */
    @Override
    public List<String> studyMetricNames(long studyId) {
        List<String> names = metricReads.studyMetricNames(studyId);
        if (names.isEmpty()) {
            study(studyId);
        }
        return names;
    }

    @Override
    public List<MetricPoint> metrics(long trialId, String name) {
        List<MetricPoint> points = metricReads.series(trialId, name);
        if (points.isEmpty()) {
            requireTrial(trialId);
        }
        return points;
    }

    /** Stops heartbeats, writes queued metric points, and closes the database if this storage owns it. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to; it calls closeAtExit, which is idempotent.
        }
        closeAtExit(false);
    }

    /**
     * Flushes metrics and closes. When the process is exiting (Ctrl-C, kill, end of main) the trials this
     * storage started and nobody finished are ended as FAIL {@value #INTERRUPTED} first, so none is left
     * RUNNING until the stale-trial reaper notices.
     */
    private synchronized void closeAtExit(boolean exiting) {
        if (closed) {
            return;
        }
        try {
            live.stopHeartbeats();
            metrics.close();
            if (exiting) {
                for (Long id : live.unfinished()) {
                    try {
                        finishTrial(id, TrialState.FAIL, List.of(), INTERRUPTED);
                    } catch (RuntimeException e) {
                        // finished meanwhile, or the database is gone: the reaper will see it
                    }
                }
            }
        } finally {
            closed = true;
            if (ownsDatabase) {
                db.close();
            }
        }
    }
}
