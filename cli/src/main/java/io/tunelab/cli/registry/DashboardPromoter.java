package io.tunelab.cli.registry;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.run.StudyRunner;
import io.tunelab.cli.wiring.TrainerFactory;
import io.tunelab.dashboard.DashboardException;
import io.tunelab.dashboard.data.PromoteRequest;
import io.tunelab.dashboard.data.PromoteResult;
import io.tunelab.dashboard.data.Promoter;
import io.tunelab.dashboard.data.TrackerDashboardData;
import io.tunelab.dashboard.data.TrialDetail;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.trainers.predict.ModelFormat;
import java.util.List;

/**
 * The dashboard's promote action, carried out by the same {@link Promotion} as {@code tunelab promote}:
 * the model version points at the artifact the study's trainer names as its model (not whichever
 * artifact the trial stored first: a DJL trial stores several), and with a gate the challenger is
 * compared with the alias's current holder on the held-out test set and takes the alias only when
 * significantly better. The verdict is shown in the dashboard and kept in the audit trail.
 *
 * <p>Studies without a stored study file (created through the library rather than {@code tunelab
 * run}) have no test set for a gate: their trials are promoted without one, by the same {@link Promotion} when the
 * trial logged its model's {@code MLmodel} file ({@link TrialModel}), else registered by the dashboard itself
 * ({@link TrackerDashboardData#registerAndMove}: the trial's only artifact). Failures {@code tunelab promote}
 * reports as usage errors (e.g. a trial that saved no model) answer CONFLICT. Thread-safe once
 * {@link #viewsFrom} was called.
 */
public final class DashboardPromoter implements Promoter {
    private final Tracker tracker;
    private final List<TrainerFactory> trainers;
    private final String gate;
    private final double confidence;
    private volatile TrackerDashboardData views;

    /**
     * @param gate       {@code mcnemar}, {@code paired-t}, or null for no gate (promotions carry no verdict)
     * @param confidence the gate's confidence, e.g. 0.95 (ignored without a gate)
     */
    public DashboardPromoter(Tracker tracker, List<TrainerFactory> trainers, String gate, double confidence) {
        this.tracker = tracker;
        this.trainers = trainers;
        this.gate = gate;
        this.confidence = confidence;
    }

    /** The dashboard data this promoter answers for (it registers the trials of studies without a study file). */
    public DashboardPromoter viewsFrom(TrackerDashboardData data) {
        this.views = data;
        return this;
    }

    @Override
    public PromoteResult promote(PromoteRequest request, TrialDetail trial) {
        boolean studyFile = tracker.storage().study(trial.study().id()).systemAttrs().get(StudyRunner.STUDY_FILE) instanceof String;
        boolean format = trial.artifacts().stream().anyMatch(a -> a.name().equals(ModelFormat.ARTIFACT));
        if (!studyFile && !format) {
            return views.registerAndMove(request);
        }
        Promotion.Outcome o;
        try {
            o = new Promotion(tracker, trainers).promote(new Promotion.Request(trial.study().name(),
                    trial.trial().number(), request.model(), request.alias(), studyFile ? gate : null, confidence, false,
                    request.reason().isBlank() ? null : request.reason(),
                    request.actor().isBlank() ? "dashboard" : request.actor()));
        } catch (CliException e) {
            throw new DashboardException(DashboardException.Kind.CONFLICT, e.getMessage(), e);
        }
        PromoteResult.GateVerdict verdict = o.verdict() == null ? null
                : new PromoteResult.GateVerdict(o.verdict().promote(), o.verdict().reason());
        return new PromoteResult(o.moved(), o.version() == null ? null
                : tracker.registry().version(request.model(), o.version().version()), o.move(), verdict);
    }
}
