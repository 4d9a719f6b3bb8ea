package io.tunelab.dashboard.data;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.SummaryTag;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.tracker.query.TrialsSearchSpace;
import io.tunelab.tracker.query.StudySummary;
import io.tunelab.tracker.query.TrialPage;
import io.tunelab.tracker.registry.AliasMove;
import io.tunelab.tracker.registry.RegisteredModel;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything the dashboard reads, and the one action it takes (promoting a model version), as a narrow
 * port. The HTTP layer depends on this interface only; one class adapts it to a store.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Thread-safe</b>: every method may be called from any number of request threads at once.</li>
 *   <li><b>Immutable results</b>: returned records and lists never change afterwards.</li>
 *   <li><b>Errors</b>: an unknown study, trial, series, artifact or model raises
 *       {@link io.tunelab.dashboard.DashboardException} of kind NOT_FOUND (or the store's own
 *       {@code StorageException} of kind NOT_FOUND); model methods of a store without a registry raise
 *       kind NOT_CONFIGURED. Arguments are never null unless documented.</li>
 *   <li><b>Cursors</b>: {@link #changes} cursors are opaque, increase monotonically, and are only
 *       meaningful to the instance that issued them.</li>
 * </ul>
 */
public interface DashboardData {

    /**
     * Summaries of all studies, by id; a study's last activity is its latest trial start or end or, when later, the wall
     * time of the latest step one of its running trials logged (for an intermediate value, stored without a time, when
     * the change feed saw it).
     */
    List<StudySummary> studies();

    /**
     * One study's summary, its last activity as {@link #studies} says; NOT_FOUND if there is none. A reader that took
     * {@link #cursor} before this call is told by {@link #changes} of every later change of the study's attributes, even
     * when it first asks for changes long after.
     */
    StudySummary study(long studyId);

    /**
     * Up to {@code limit} trials of a study whose number is greater than {@code afterNumber}, ordered by
     * number. Pass {@code -1} to start from the first trial.
     */
    TrialPage trials(long studyId, int afterNumber, int limit);

    /** Every trial of a study, ordered by number (a convenience over {@link #trials}). */
    default List<FrozenTrial> allTrials(long studyId) {
        List<FrozenTrial> all = new ArrayList<>();
        int after = -1;
        while (true) {
            TrialPage page = trials(studyId, after, 10_000);
            all.addAll(page.trials());
            if (!page.more() || page.trials().isEmpty()) {
                return List.copyOf(all);
            }
            after = (int) page.cursor();
        }
    }

    /**
     * Each parameter the study's trials set, with the distribution of the highest-numbered trial that set
     * it, in order of first appearance ({@link TrialsSearchSpace}); NOT_FOUND for an unknown study.
     */
    default Map<String, Distribution> space(long studyId) {
        return TrialsSearchSpace.of(allTrials(studyId));
    }

    /** One trial with its study, artifacts and metric names; NOT_FOUND if there is none. */
    TrialDetail trial(long trialId);

    /** Names of the metric series any trial of the study has logged, sorted. */
    List<String> metricNames(long studyId);

    /** One metric series of a trial, selected and downsampled as {@code query} says. */
    MetricSeries series(long trialId, String name, SeriesQuery query);

    /** The trial's summary series (histograms, texts, images, PR curves): tag and kind, by tag; NOT_FOUND for no trial. */
    List<SummaryTag> summaryTags(long trialId);

    /** The summaries a trial logged under {@code tag}, by step; empty for an unknown tag. */
    List<LoggedSummary> summaries(long trialId, String tag);

    /** Last, min and max of series {@code name} for every trial of the study that has it, by trial id. */
    Map<Long, MetricSummary> metricSummaries(long studyId, String name);

    /**
     * Fills caches ahead of the first page load (called once, from a background thread, when the server
     * starts); {@code seriesPoints} is the size long series are first shown at. Does nothing by default.
     */
    default void warmUp(int seriesPoints) {
    }

    /** The cursor of the latest change seen so far. */
    long cursor();

    /** What changed in a study after {@code cursor}: trials added or changed, series that grew, and whether its attributes changed. */
    Changes changes(long studyId, long cursor);

    /** The artifact called {@code name} of a trial; NOT_FOUND if there is none. */
    ArtifactRef artifact(long trialId, String name);

    /** Opens an artifact's content for reading; the caller closes the stream. */
    InputStream openArtifact(ArtifactRef artifact);

    /** Registered models, by name. */
    List<RegisteredModel> models();

    /** One registered model with its versions and alias history. */
    ModelDetail model(String name);

    /**
     * The audit trail (newest first, its deletion first of all) of a model deleted under {@code name} of which no
     * model exists now; empty when there is a model of that name or never was one (or no registry).
     */
    default List<AliasMove> deletedModelTrail(String name) {
        return List.of();
    }

    /**
     * Points {@code request.alias()} of a model at a version (creating the version from a trial first if
     * {@code request.trialId()} is given), records the move in the audit trail and returns it with the
     * evaluation gate's verdict when one is configured.
     */
    PromoteResult promote(PromoteRequest request);
}
