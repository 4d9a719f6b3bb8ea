package io.tunelab.tracker.jdbc;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.storage.StorageNames;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.summary.ImageSummary;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.SummaryTag;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.TrackerException;
import io.tunelab.tracker.artifact.ArtifactRepository;
import io.tunelab.tracker.config.StorageOptions;
import io.tunelab.tracker.liveness.HeartbeatScheduler;
import io.tunelab.tracker.metrics.IngestStages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
    private final ArtifactRepository artifacts;
    private final TrialLoader loader = new TrialLoader();
    private final StudyTable studies = new StudyTable();
    private final TrialCommands commands = new TrialCommands(loader);
    private final TrialSnapshots snapshots;
    private final StaleTrialReaper reaper;
    private final LateResults lateResults = new LateResults(loader, commands);
    private final ArtifactRows artifactRows = new ArtifactRows();
    private final SummaryRows summaryRows = new SummaryRows();
    private final MetricWriter metrics;
    private final JdbcMetricQueries metricReads;
    private final HeartbeatScheduler heartbeats;
    private final Set<Long> knownTrials = ConcurrentHashMap.newKeySet();
    private final StaleCheckCadence staleChecks;
    private final Thread shutdownHook;
    private final Set<Long> unfinishedHere = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * A storage over {@code db}; it closes the database on {@link #close()} only when {@code ownsDatabase}.
     */
    JdbcTrialStorage(Database db, boolean ownsDatabase, ArtifactRepository artifacts, StorageOptions options) {
        this.db = db;
        this.ownsDatabase = ownsDatabase;
        this.options = options;
        this.artifacts = artifacts;
        this.snapshots = new TrialSnapshots(db, loader);
        this.reaper = new StaleTrialReaper(db, loader, commands);
        this.metrics = new MetricWriter(db, options.metricBatchSize(), options.metricCapacity(), options.flushTimeout());
        this.metricReads = new JdbcMetricQueries(db);
        this.staleChecks = options.heartbeatInterval() == null ? null : new StaleCheckCadence(options.heartbeatInterval(),
                options.staleGrace(), db::nanosSinceOutage, this::reapStaleTrials);
        this.heartbeats = options.heartbeatInterval() == null ? null
                : new HeartbeatScheduler(this::beatAndCheck, options.heartbeatInterval());
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
        Instant now = options.clock().instant();
        FrozenTrial t = db.inTransaction(c -> withGrace(c,
                commands.createRunning(c, studyId, now, heartbeats == null ? null : now)));
        started(studyId, t);
        return t;
    }

    /**
     * Records this worker's stale grace on a trial it starts ({@link StaleTrialReaper#GRACE_ATTR}), so that
     * reapers with a shorter grace judge it by this one.
     */
    private FrozenTrial withGrace(Connection c, FrozenTrial t) throws SQLException {
        if (heartbeats == null) {
            return t;
        }
        TrialCommands.writeAttr(c, t.id(), 'S', StaleTrialReaper.GRACE_ATTR, options.staleGrace().toMillis());
        return loader.load(c, t.id());
    }

    private Optional<FrozenTrial> withGrace(Connection c, Optional<FrozenTrial> t) throws SQLException {
        return t.isEmpty() ? t : Optional.of(withGrace(c, t.get()));
    }

    private void started(long studyId, FrozenTrial t) {
        knownTrials.add(t.id());
        unfinishedHere.add(t.id());
        if (heartbeats != null) {
            staleChecks.started(t.id(), studyId);
            heartbeats.track(t.id());
        }
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
        maybeReap(studyId);
        Instant now = options.clock().instant();
        Optional<FrozenTrial> t = db.inTransaction(c -> withGrace(c,
                commands.claim(c, studyId, now, heartbeats == null ? null : now)));
        t.ifPresent(trial -> started(studyId, trial));
        return t;
    }

    /** Reaps stale trials first (at most once per heartbeat interval), then starts a trial within the budget. */
    @Override
    public Optional<FrozenTrial> startTrialWithinBudget(long studyId, int budget) {
        maybeReap(studyId);
        Instant now = options.clock().instant();
        Optional<FrozenTrial> t = db.inTransaction(c -> withGrace(c, commands.startWithinBudget(c, studyId, budget, now,
                heartbeats == null ? null : now)));
        t.ifPresent(trial -> started(studyId, trial));
        return t;
    }

    private void maybeReap(long studyId) {
        if (staleChecks != null) {
            staleChecks.beforeAsk(studyId);
        }
    }

    /**
     * Fails the study's RUNNING trials whose heartbeat is older than the stale grace, and re-enqueues
     * them when the study's retry policy allows (see {@link StaleTrialReaper}).
     *
     * @return the reaped trials as they are now (FAIL)
     */
    List<FrozenTrial> reapStaleTrials(long studyId) {
        return reaper.reap(studyId, options.clock().instant(), options.staleGrace());
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
        if (!knownTrials.contains(trialId)) {
            db.read(c -> loader.findHead(c, trialId))
                    .orElseThrow(() -> TrackerException.notFound("no trial with id " + trialId));
            knownTrials.add(trialId);
        }
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
        StorageNames.checkArtifactName(name);
        TrialHead head = db.read(c -> loader.findHead(c, trialId))
                .orElseThrow(() -> TrackerException.notFound("no trial with id " + trialId));
        ArtifactRef ref = artifacts.store(List.of("study-" + head.studyId(), "trial-" + head.number()), name, file);
        Instant now = options.clock().instant();
        db.durableUpdate(c -> artifactRows.put(c, trialId, ref, now));
        return ref;
    }

    /** Forgets the artifact's row, then deletes its file. */
    @Override
    public void deleteArtifact(long trialId, String name) {
        ArtifactRef ref = db.read(c -> ArtifactRows.find(c, trialId, name));
        if (ref != null) {
            db.durableUpdate(c -> artifactRows.delete(c, trialId, name));
            artifacts.delete(ref);
        }
    }

    /**
     * Writes the summaries in one durable transaction, each image's PNG first into the artifact repository under
     * {@code study-<id>/trial-<number>/}. Not through the metric writer's queue: summaries come a few per epoch
     * and can be megabytes each, which the queue (sized in points) would hold in memory.
     */
    @Override
    public void logSummaries(long trialId, List<LoggedSummary> summaries) {
        if (summaries.isEmpty()) {
            requireTrial(trialId);
            return;
        }
        TrialHead head = db.read(c -> loader.findHead(c, trialId))
                .orElseThrow(() -> TrackerException.notFound("no trial with id " + trialId));
        List<SummaryRows.Row> rows = new ArrayList<>(summaries.size());
        for (LoggedSummary s : summaries) {
            rows.add(new SummaryRows.Row(s, s.value() instanceof ImageSummary image ? storeImage(head, s, image) : null));
        }
        db.durableUpdate(c -> summaryRows.insert(c, trialId, rows));
    }

    private ArtifactRef storeImage(TrialHead head, LoggedSummary s, ImageSummary image) {
        try {
            Path tmp = Files.createTempFile("tunelab-summary-", ".png");
            try {
                Files.write(tmp, image.png());
                String tag = s.tag().replaceAll("[^A-Za-z0-9._-]", "_");
                String name = "image." + tag.substring(0, Math.min(tag.length(), 120)) + ".step-" + s.step() + "."
                        + ArtifactRef.sha256Of(tmp).substring(0, 16) + ".png";
                return artifacts.store(List.of("study-" + head.studyId(), "trial-" + head.number()), name, tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("storing image '" + s.tag() + "' of step " + s.step(), e);
        }
    }

    @Override
    public List<SummaryTag> summaryTags(long trialId) {
        List<SummaryTag> tags = db.read(c -> summaryRows.tags(c, trialId));
        if (tags.isEmpty()) {
            requireTrial(trialId);
        }
        return tags;
    }

    @Override
    public List<LoggedSummary> summaries(long trialId, String tag) {
        List<LoggedSummary> out = db.read(c -> summaryRows.list(c, trialId, tag, this::readPng));
        if (out.isEmpty()) {
            requireTrial(trialId);
        }
        return out;
    }

    private byte[] readPng(ArtifactRef ref) {
        try (InputStream in = artifacts.open(ref)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading image " + ref.uri(), e);
        }
    }

    @Override
    public List<ArtifactRef> artifacts(long trialId) {
        return db.read(c -> {
            List<ArtifactRef> refs = artifactRows.list(c, trialId);
            if (refs.isEmpty() && loader.findHead(c, trialId).isEmpty()) {
                throw TrackerException.notFound("no trial with id " + trialId);
            }
            return refs;
        });
    }

    @Override
    public void heartbeat(long trialId) {
        Instant now = options.clock().instant();
        db.update(c -> commands.heartbeat(c, trialId, now));
    }

    /** A heartbeat round: beats this process's running trials, then fails the stale trials of their studies. */
    private void beatAndCheck(Set<Long> trialIds) {
        heartbeatAll(trialIds);
        staleChecks.afterBeat();
    }

    /**
     * Heartbeats of several trials in one transaction, in id order (so two such transactions never
     * wait on each other in a cycle); unknown or finished trials are skipped.
     */
    void heartbeatAll(Set<Long> trialIds) {
        Instant now = options.clock().instant();
        List<Long> ordered = trialIds.stream().sorted().toList();
        db.update(c -> {
            for (long id : ordered) {
                try {
                    commands.heartbeat(c, id, now);
                } catch (TrackerException gone) {
                    // The trial was deleted or never existed; nothing to keep alive.
                }
            }
        });
    }

    /**
     * Whether a trial ends because something outside it cut it short ({@link TrialStorage#INTERRUPTION_PREFIX}: this
     * storage's exit hook, {@code tunelab run}'s Ctrl-C hook, a study whose storage was unreachable while the trial
     * ran): such a trial is retried as a stale one is ({@link StaleTrialReaper}).
     */
    private static boolean isInterruption(TrialState state, String message) {
        return state == TrialState.FAIL && message != null && message.startsWith(INTERRUPTION_PREFIX);
    }

    @Override
    public boolean finishTrial(long trialId, TrialState state, List<Double> values, String message) {
        return finishTrial(trialId, state, values, message, null, options.clock().instant());
    }

    @Override
    public boolean finishTrial(long trialId, TrialState state, List<Double> values, String message, Instant start,
            Instant now) {
        if (!state.isFinished()) {
            throw TrackerException.invalid("a trial can only be finished as COMPLETE, PRUNED or FAIL, got " + state);
        }
        if (start != null && now.isBefore(start)) {
            throw TrackerException.invalid("trial end " + now + " is before its start " + start);
        }
        FrozenTrial[] done = new FrozenTrial[1];
        boolean changed = db.inDurableTransaction(c -> {
            long recorded = state == TrialState.FAIL ? trialId
                    : lateResults.recordOnRetry(c, trialId, state, values, message, now).orElse(trialId);
            if (recorded == trialId && !commands.finish(c, trialId, state, values, message, start, now)) {
                return false;
            }
            if (isInterruption(state, message)) {
                reaper.interrupted(c, trialId);
            }
            FrozenTrial t = loader.load(c, recorded);
            if (options.recordProvenance()) {
                long studyId = loader.findHead(c, recorded).orElseThrow().studyId();
                JdbcProvenanceStore.write(c, JdbcProvenanceStore.fromStudy(c, studyId, recorded, t.systemAttrs(),
                        t.userAttrs(), options.workerId(), t.start(), t.end()));
            }
            done[0] = t;
            return true;
        });
        if (heartbeats != null) {
            heartbeats.untrack(trialId);
            staleChecks.ended(trialId);
        }
        unfinishedHere.remove(trialId);
        if (changed) {
            snapshots.remember(done[0]);
        }
        return changed;
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
            if (heartbeats != null) {
                heartbeats.close();
            }
            metrics.close();
            if (exiting) {
                for (Long id : List.copyOf(unfinishedHere)) {
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
