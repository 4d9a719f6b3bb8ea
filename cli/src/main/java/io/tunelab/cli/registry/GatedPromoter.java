package io.tunelab.cli.registry;

import io.tunelab.cli.wiring.TrainerFactory;
import io.tunelab.dashboard.data.PromoteRequest;
import io.tunelab.dashboard.data.PromoteResult;
import io.tunelab.dashboard.data.Promoter;
import io.tunelab.dashboard.data.TrackerDashboardData;
import io.tunelab.dashboard.data.TrialDetail;
import io.tunelab.tracker.setup.Tracker;
import java.util.List;

/**
 * The dashboard's promote action with the same evaluation gate as {@code tunelab promote}: the trial's
 * model is registered, compared with the alias's current holder on the held-out test set, and takes
 * the alias only when significantly better. The verdict is shown in the dashboard and kept in the
 * audit trail.
 */
public final class GatedPromoter implements Promoter {
    private final Tracker tracker;
    private final List<TrainerFactory> trainers;
    private final String gate;
    private final double confidence;
    private TrackerDashboardData views;

    /** @param gate {@code mcnemar} or {@code paired-t} */
    public GatedPromoter(Tracker tracker, List<TrainerFactory> trainers, String gate, double confidence) {
        this.tracker = tracker;
        this.trainers = trainers;
        this.gate = gate;
        this.confidence = confidence;
    }

    /** The dashboard data this promoter answers for (to render versions and moves the dashboard's way). */
    public GatedPromoter viewsFrom(TrackerDashboardData data) {
        this.views = data;
        return this;
    }

    @Override
    public PromoteResult promote(PromoteRequest request, TrialDetail trial) {
        Promotion.Outcome o = new Promotion(tracker, trainers).promote(new Promotion.Request(trial.study().name(),
                trial.trial().number(), request.model(), request.alias(), gate, confidence, false,
                request.reason().isBlank() ? null : request.reason(),
                request.actor().isBlank() ? "dashboard" : request.actor()));
        PromoteResult.GateVerdict verdict = o.verdict() == null ? null
                : new PromoteResult.GateVerdict(o.verdict().promote(), o.verdict().reason());
        return new PromoteResult(o.moved(), views.version(request.model(), o.version().version()),
                o.move() == null ? null : TrackerDashboardData.toMove(o.move()), verdict);
    }
}
