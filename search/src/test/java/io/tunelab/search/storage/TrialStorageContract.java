package io.tunelab.search.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.ExponentialDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.summary.Histogram;
import io.tunelab.search.summary.ImageSummary;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.PngImages;
import io.tunelab.search.summary.PrCurve;
import io.tunelab.search.summary.SummaryKind;
import io.tunelab.search.summary.SummaryLimits;
import io.tunelab.search.summary.SummaryTag;
import io.tunelab.search.summary.TextSummary;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link TrialStorage} must pass (see its Javadoc). Shipped in the search
 * test-jar: a storage module extends this class and implements {@link #newStorage()}.
 */
public abstract class TrialStorageContract {

    /** A fresh, empty storage; closed after each test. */
    protected abstract TrialStorage newStorage() throws Exception;

    protected TrialStorage storage;

    @TempDir
    protected Path tmp;

    @BeforeEach
    void openStorage() throws Exception {
        storage = newStorage();
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    private long study(String name) {
        return storage.createStudy(name, List.of(Direction.MINIMIZE)).id();
    }

    @Test
    void aCreatedStudyCanBeFoundByName() {
        StudyRecord created = storage.createStudy("s", List.of(Direction.MAXIMIZE, Direction.MINIMIZE));
        assertThat(storage.findStudy("s")).contains(created);
        assertThat(storage.study(created.id()).directions()).containsExactly(Direction.MAXIMIZE, Direction.MINIMIZE);
        assertThat(storage.studies()).extracting(StudyRecord::name).contains("s");
        assertThat(storage.findStudy("other")).isEmpty();
    }

    @Test
    void aStudyNameCanBeTakenOnlyOnce() {
        study("s");
        assertThatThrownBy(() -> study("s"))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.CONFLICT))
                .hasMessageContaining("'s'");
    }

    @Test
    void studyAttributesRoundTrip() {
        long s = study("s");
        storage.setStudySystemAttr(s, "sampler", Map.of("type", "tpe", "seed", 42));
        storage.setStudySystemAttr(s, "budget", 100);
        assertThat(storage.study(s).systemAttrs())
                .containsEntry("sampler", Map.of("type", "tpe", "seed", 42))
                .containsEntry("budget", 100);
    }

    @Test
    void trialsAreNumberedFromZeroWithoutGaps() {
        long s = study("s");
        for (int i = 0; i < 5; i++) {
            FrozenTrial t = storage.createRunningTrial(s);
            assertThat(t.number()).isEqualTo(i);
            assertThat(t.state()).isEqualTo(TrialState.RUNNING);
            assertThat(t.start()).isNotNull();
        }
        assertThat(storage.trials(s, EnumSet.allOf(TrialState.class))).extracting(FrozenTrial::number)
                .containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void numbersAreCountedPerStudy() {
        long a = study("a");
        long b = study("b");
        storage.createRunningTrial(a);
        storage.createRunningTrial(a);
        assertThat(storage.createRunningTrial(b).number()).isZero();
    }

    @Test
    void parametersKeepTheirDistributions() {
        long s = study("s");
        FrozenTrial t = storage.createRunningTrial(s);
        storage.setParam(t.id(), "lr", 0.001, FloatDistribution.logUniform(1e-5, 1e-1));
        storage.setParam(t.id(), "units", 64, IntDistribution.stepped(16, 512, 16));
        storage.setParam(t.id(), "act", "elu", CategoricalDistribution.of("relu", "elu"));
        storage.setParam(t.id(), "bn", true, CategoricalDistribution.of(false, true));
        storage.setParam(t.id(), "bs", 64, CategoricalDistribution.of(32, 64, 128));
        FrozenTrial read = storage.trial(t.id());
        assertThat(read.params()).containsExactly(Map.entry("lr", 0.001), Map.entry("units", 64),
                Map.entry("act", "elu"), Map.entry("bn", true), Map.entry("bs", 64));
        assertThat(read.distributions().get("lr")).isEqualTo(FloatDistribution.logUniform(1e-5, 1e-1));
        assertThat(read.distributions().get("units")).isEqualTo(IntDistribution.stepped(16, 512, 16));
        assertThat(read.internalParam("bs")).isEqualTo(1.0);
    }

    @Test
    void anExponentialParameterIsReadBackWithItsLocAndScale() {
        long s = study("s");
        FrozenTrial t = storage.createRunningTrial(s);
        storage.setParam(t.id(), "gamma", 0.4375, new ExponentialDistribution(0.25, 1.5));
        FrozenTrial read = storage.trial(t.id());
        assertThat(read.params()).containsExactly(Map.entry("gamma", 0.4375));
        assertThat(read.distributions().get("gamma")).isEqualTo(new ExponentialDistribution(0.25, 1.5));
        assertThat(storage.trials(s, EnumSet.of(TrialState.RUNNING)).get(0).distributions().get("gamma"))
                .isEqualTo(new ExponentialDistribution(0.25, 1.5));
    }

    @Test
    void aParameterCannotBeSetTwiceWithAnotherValue() {
        FrozenTrial t = storage.createRunningTrial(study("s"));
        storage.setParam(t.id(), "x", 1.0, FloatDistribution.uniform(0, 2));
        storage.setParam(t.id(), "x", 1.0, FloatDistribution.uniform(0, 2));
        assertThatThrownBy(() -> storage.setParam(t.id(), "x", 1.5, FloatDistribution.uniform(0, 2)))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.CONFLICT))
                .hasMessageContaining("'x'");
    }

    @Test
    void aReturnedSnapshotNeverChanges() {
        FrozenTrial t = storage.createRunningTrial(study("s"));
        FrozenTrial before = storage.trial(t.id());
        storage.setParam(t.id(), "x", 1.0, FloatDistribution.uniform(0, 2));
        storage.setIntermediateValue(t.id(), 0, 0.5);
        storage.setUserAttr(t.id(), "note", "hi");
        storage.finishTrial(t.id(), TrialState.COMPLETE, List.of(1.0), null);
        assertThat(before.params()).isEmpty();
        assertThat(before.intermediateValues()).isEmpty();
        assertThat(before.userAttrs()).isEmpty();
        assertThat(before.state()).isEqualTo(TrialState.RUNNING);
        assertThat(storage.trial(t.id()).state()).isEqualTo(TrialState.COMPLETE);
    }

    @Test
    void aFinishedTrialCannotBeModified() {
        FrozenTrial t = storage.createRunningTrial(study("s"));
        storage.finishTrial(t.id(), TrialState.COMPLETE, List.of(1.0), null);
        assertConflict(() -> storage.setParam(t.id(), "x", 1.0, FloatDistribution.uniform(0, 2)));
        assertConflict(() -> storage.setIntermediateValue(t.id(), 1, 2.0));
        assertConflict(() -> storage.setUserAttr(t.id(), "k", "v"));
        assertConflict(() -> storage.setSystemAttr(t.id(), "k", "v"));
        assertThat(storage.trial(t.id()).values()).containsExactly(1.0);
    }

    @Test
    void finishingAgainWithTheSameOutcomeIsANoOpAndWithAnotherAConflict() {
        FrozenTrial t = storage.createRunningTrial(study("s"));
        assertThat(storage.finishTrial(t.id(), TrialState.COMPLETE, List.of(0.25), null)).isTrue();
        assertThat(storage.finishTrial(t.id(), TrialState.COMPLETE, List.of(0.25), null)).isFalse();
        assertConflict(() -> storage.finishTrial(t.id(), TrialState.COMPLETE, List.of(0.5), null));
        assertConflict(() -> storage.finishTrial(t.id(), TrialState.FAIL, List.of(), "boom"));
    }

    @Test
    void anImportedTrialEndsWithTheStartAndEndItsToolRecorded() {
        long s = study("s");
        FrozenTrial t = storage.createRunningTrial(s);
        Instant start = Instant.parse("2026-01-02T03:04:05.123456789Z");
        assertInvalid(() -> storage.finishTrial(t.id(), TrialState.PRUNED, List.of(), null, start, start.minusSeconds(1)),
                "trial end 2026-01-02T03:04:04.123456789Z is before its start 2026-01-02T03:04:05.123456789Z");
        assertThat(storage.finishTrial(t.id(), TrialState.PRUNED, List.of(), null, start, start.plusMillis(58_600))).isTrue();
        FrozenTrial read = storage.trial(t.id());
        assertThat(read.start()).isEqualTo(start);
        assertThat(read.end()).isEqualTo(start.plusMillis(58_600));
        assertThat(storage.trials(s, EnumSet.of(TrialState.PRUNED)).get(0).end()).isEqualTo(start.plusMillis(58_600));
    }

    @Test
    void aFailedTrialKeepsItsMessage() {
        FrozenTrial t = storage.createRunningTrial(study("s"));
        storage.finishTrial(t.id(), TrialState.FAIL, List.of(), "IllegalStateException: out of memory on gpu:0");
        FrozenTrial read = storage.trial(t.id());
        assertThat(read.state()).isEqualTo(TrialState.FAIL);
        assertThat(read.message()).isEqualTo("IllegalStateException: out of memory on gpu:0");
        assertThat(read.end()).isNotNull();
    }

    @Test
    void nanAndInfinitiesAreKeptExactly() {
        long s = study("s");
        FrozenTrial t = storage.createRunningTrial(s);
        storage.setIntermediateValue(t.id(), 0, Double.NaN);
        storage.setIntermediateValue(t.id(), 1, Double.POSITIVE_INFINITY);
        storage.setIntermediateValue(t.id(), 2, Double.NEGATIVE_INFINITY);
        storage.logMetrics(t.id(), List.of(new MetricPoint("loss", 0, Double.NaN, Instant.now()),
                new MetricPoint("loss", 1, Double.POSITIVE_INFINITY, Instant.now())));
        storage.flush();
        FrozenTrial read = storage.trial(t.id());
        assertThat(read.intermediateValues().get(0)).isNaN();
        assertThat(read.intermediateValues().get(1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(read.intermediateValues().get(2)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(storage.metrics(t.id(), "loss")).extracting(MetricPoint::value)
                .containsExactly(Double.NaN, Double.POSITIVE_INFINITY);
        FrozenTrial u = storage.createRunningTrial(s);
        storage.finishTrial(u.id(), TrialState.COMPLETE, List.of(Double.NEGATIVE_INFINITY), null);
        assertThat(storage.trial(u.id()).values()).containsExactly(Double.NEGATIVE_INFINITY);
    }

    @Test
    void aStepReportedTwiceKeepsTheLastValue() {
        FrozenTrial t = storage.createRunningTrial(study("s"));
        storage.setIntermediateValue(t.id(), 3, 0.1);
        storage.setIntermediateValue(t.id(), 3, 0.2);
        storage.setIntermediateValue(t.id(), 1, 0.3);
        assertThat(storage.trial(t.id()).intermediateValues()).containsExactly(Map.entry(1, 0.3), Map.entry(3, 0.2));
    }

    @Test
    void attributesKeepJsonCompatibleValues() {
        FrozenTrial t = storage.createRunningTrial(study("s"));
        storage.setUserAttr(t.id(), "text", "hello");
        storage.setUserAttr(t.id(), "count", 3);
        storage.setUserAttr(t.id(), "ratio", 0.5);
        storage.setUserAttr(t.id(), "flag", true);
        storage.setUserAttr(t.id(), "list", List.of(1, 2, 3));
        storage.setSystemAttr(t.id(), "nested", Map.of("a", List.of("x", "y")));
        FrozenTrial read = storage.trial(t.id());
        assertThat(read.userAttrs()).containsEntry("text", "hello").containsEntry("count", 3)
                .containsEntry("ratio", 0.5).containsEntry("flag", true).containsEntry("list", List.of(1, 2, 3));
        assertThat(read.systemAttrs()).containsEntry("nested", Map.of("a", List.of("x", "y")));
    }

    @Test
    void everyStorageTakesNamesOfUpTo200CharactersAndRefusesLongerOnesAlike() {
        long s = study("s");
        FrozenTrial t = storage.createRunningTrial(s);
        String longest = "p".repeat(200);
        String tooLong = "p".repeat(3000);
        FloatDistribution unit = new FloatDistribution(0, 1, false, 0);
        storage.setParam(t.id(), longest, 0.5, unit);
        storage.setUserAttr(t.id(), longest, 1);
        storage.setSystemAttr(t.id(), longest, 2);
        storage.setStudySystemAttr(s, longest, 3);
        storage.logMetrics(t.id(), List.of(new MetricPoint(longest, 0, 1.0, Instant.now())));
        storage.flush();
        assertThat(storage.trial(t.id()).params()).containsKey(longest);
        assertThat(storage.metricNames(t.id())).contains(longest);

        String shown = "got '" + "p".repeat(40) + "\u2026' (3000 characters)";
        assertInvalid(() -> storage.setParam(t.id(), tooLong, 0.5, unit),
                "parameter name must be 1 to 200 characters and not blank, " + shown);
        assertInvalid(() -> storage.setParam(t.id(), " ", 0.5, unit),
                "parameter name must be 1 to 200 characters and not blank, got ' '");
        assertInvalid(() -> storage.setUserAttr(t.id(), tooLong, 1),
                "attribute name must be 1 to 200 characters and not blank, " + shown);
        assertInvalid(() -> storage.setSystemAttr(t.id(), "", 1),
                "attribute name must be 1 to 200 characters and not blank, got ''");
        assertInvalid(() -> storage.setStudySystemAttr(s, tooLong, 1),
                "attribute name must be 1 to 200 characters and not blank, " + shown);
        assertInvalid(() -> storage.logMetrics(t.id(), List.of(new MetricPoint(tooLong, 0, 1.0, Instant.now()))),
                "metric name must be 1 to 200 characters and not blank, " + shown);
    }

    @Test
    void everyStorageRefusesAnAttributeValueThatIsNotJsonCompatibleAlike() {
        long s = study("s");
        FrozenTrial t = storage.createRunningTrial(s);
        Object opaque = new Object();
        String expected = "attribute 'model' must be JSON-compatible (string, number, boolean, list or map of those),"
                + " got ";
        assertThatThrownBy(() -> storage.setUserAttr(t.id(), "model", opaque)).isInstanceOf(StorageException.class)
                .hasMessageStartingWith(expected + "java.lang.Object");
        assertThatThrownBy(() -> storage.setSystemAttr(t.id(), "model", Map.of("inner", opaque)))
                .isInstanceOf(StorageException.class).hasMessageStartingWith(expected);
        assertThatThrownBy(() -> storage.setStudySystemAttr(s, "model", opaque)).isInstanceOf(StorageException.class)
                .hasMessageStartingWith(expected);
        assertThat(storage.trial(t.id()).userAttrs()).doesNotContainKey("model");
    }

    @Test
    void trialsAreFilteredByStateAndOrderedByNumber() {
        long s = study("s");
        FrozenTrial a = storage.createRunningTrial(s);
        FrozenTrial b = storage.createRunningTrial(s);
        FrozenTrial c = storage.createRunningTrial(s);
        storage.finishTrial(c.id(), TrialState.COMPLETE, List.of(1.0), null);
        storage.finishTrial(a.id(), TrialState.PRUNED, List.of(), "pruned at step 2");
        assertThat(storage.trials(s, EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED)))
                .extracting(FrozenTrial::number).containsExactly(0, 2);
        assertThat(storage.trials(s, Set.of(TrialState.RUNNING))).extracting(FrozenTrial::id).containsExactly(b.id());
        assertThat(storage.trialByNumber(s, 2).id()).isEqualTo(c.id());
    }

    @Test
    void trialsAreCountedPerStateAsTheyStartWaitAreClaimedAndFinish() {
        long s = study("s");
        long other = study("other");
        storage.createRunningTrial(other);
        FrozenTrial a = storage.createRunningTrial(s);
        FrozenTrial b = storage.createRunningTrial(s);
        storage.createWaitingTrial(s, Map.of(), Map.of());
        assertThat(storage.countTrials(s, EnumSet.of(TrialState.RUNNING))).isEqualTo(2);
        assertThat(storage.countTrials(s, EnumSet.of(TrialState.WAITING))).isEqualTo(1);

        storage.finishTrial(a.id(), TrialState.COMPLETE, List.of(1.0), null);
        storage.finishTrial(b.id(), TrialState.PRUNED, List.of(), "pruned");
        storage.claimWaitingTrial(s);

        assertThat(storage.countTrials(s, EnumSet.of(TrialState.RUNNING))).isEqualTo(1);
        assertThat(storage.countTrials(s, EnumSet.of(TrialState.WAITING))).isZero();
        assertThat(storage.countTrials(s, EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED))).isEqualTo(2);
        assertThat(storage.countTrials(s, EnumSet.of(TrialState.FAIL))).isZero();
        assertThat(storage.countTrials(s, EnumSet.noneOf(TrialState.class))).isZero();
        for (TrialState state : TrialState.values()) {
            assertThat(storage.countTrials(s, EnumSet.of(state))).as(state.name())
                    .isEqualTo(storage.trials(s, EnumSet.of(state)).size());
        }
        assertThat(storage.countTrials(other, EnumSet.allOf(TrialState.class))).isEqualTo(1);
        assertNotFound(() -> storage.countTrials(-42, EnumSet.of(TrialState.COMPLETE)));
    }

    @Test
    void waitingTrialsKeepTheirFixedParametersAndAreClaimedOldestFirst() {
        long s = study("s");
        FrozenTrial w1 = storage.createWaitingTrial(s, Map.of("x", 1.5), Map.of("retry_of", 7));
        FrozenTrial w2 = storage.createWaitingTrial(s, Map.of("x", 2.5), Map.of());
        assertThat(w1.state()).isEqualTo(TrialState.WAITING);
        assertThat(w1.systemAttrs()).containsEntry("fixed_params", Map.of("x", 1.5)).containsEntry("retry_of", 7);
        FrozenTrial claimed = storage.claimWaitingTrial(s).orElseThrow();
        assertThat(claimed.id()).isEqualTo(w1.id());
        assertThat(claimed.state()).isEqualTo(TrialState.RUNNING);
        assertThat(claimed.start()).isNotNull();
        assertThat(storage.claimWaitingTrial(s).orElseThrow().id()).isEqualTo(w2.id());
        assertThat(storage.claimWaitingTrial(s)).isEmpty();
    }

    @Test
    void aWaitingTrialHoldsItsUserAttributesFromTheStartAndRefusesASystemAttributeNamedFixedParams() {
        long s = study("s");
        FrozenTrial w = storage.createWaitingTrial(s, Map.of("x", 1.5), Map.of(), Map.of("source", "manual"));

        assertThat(w.userAttrs()).containsExactly(Map.entry("source", "manual"));
        assertThat(storage.claimWaitingTrial(s).orElseThrow().userAttrs()).containsEntry("source", "manual");
        assertThatThrownBy(() -> storage.createWaitingTrial(s, Map.of("x", 1.5), Map.of("fixed_params", Map.of("x", 9))))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("system attribute 'fixed_params'");
        assertThat(storage.countTrials(s, EnumSet.of(TrialState.WAITING))).isZero();
    }

    @Test
    void aTrialQueuedAfterOthersFinishedIsClaimedOnceAndOnlyWhileItWaits() {
        long s = study("s");
        assertThat(storage.claimWaitingTrial(s)).isEmpty();
        for (int i = 0; i < 3; i++) {
            storage.finishTrial(storage.createRunningTrial(s).id(), TrialState.COMPLETE, List.of((double) i), null);
        }
        assertThat(storage.claimWaitingTrial(s)).isEmpty();
        FrozenTrial queued = storage.createWaitingTrial(s, Map.of("x", 0.5), Map.of());

        assertThat(storage.claimWaitingTrial(s).orElseThrow().id()).isEqualTo(queued.id());
        assertThat(storage.claimWaitingTrial(s)).isEmpty();
        assertThat(storage.countTrials(s, EnumSet.of(TrialState.WAITING))).isZero();
    }

    @Test
    void metricsAreReadBackPerSeriesInStepOrder() {
        FrozenTrial t = storage.createRunningTrial(study("s"));
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        List<MetricPoint> batch = new ArrayList<>();
        for (int step = 9; step >= 0; step--) {
            batch.add(new MetricPoint("loss", step, 1.0 / (step + 1), now.plusSeconds(step)));
            batch.add(new MetricPoint("val_accuracy", step, step / 10.0, now.plusSeconds(step)));
        }
        storage.logMetrics(t.id(), batch);
        storage.flush();
        assertThat(storage.metricNames(t.id())).containsExactlyInAnyOrder("loss", "val_accuracy");
        List<MetricPoint> loss = storage.metrics(t.id(), "loss");
        assertThat(loss).extracting(MetricPoint::step).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(loss.get(3).value()).isEqualTo(0.25);
        assertThat(loss.get(3).wallTime()).isEqualTo(now.plusSeconds(3));
        assertThat(storage.metrics(t.id(), "missing")).isEmpty();
    }

    @Test
    void aStudysMetricNamesAreTheDistinctSortedNamesOfAllItsTrialsInAnyState() {
        long s = study("s");
        long other = study("other");
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        FrozenTrial done = storage.createRunningTrial(s);
        storage.logMetrics(done.id(), List.of(new MetricPoint("val_loss", 0, 0.5, now), new MetricPoint("loss", 0, 0.4, now)));
        storage.finishTrial(done.id(), TrialState.COMPLETE, List.of(0.5), null);
        FrozenTrial running = storage.createRunningTrial(s);
        storage.logMetrics(running.id(), List.of(new MetricPoint("loss", 0, 0.3, now), new MetricPoint("acc", 0, 0.9, now)));
        storage.createRunningTrial(s);
        storage.logMetrics(storage.createRunningTrial(other).id(), List.of(new MetricPoint("other_only", 0, 1.0, now)));
        storage.flush();

        assertThat(storage.studyMetricNames(s)).containsExactly("acc", "loss", "val_loss");
        assertThat(storage.studyMetricNames(study("empty"))).isEmpty();
        assertNotFound(() -> storage.studyMetricNames(987_654));
    }

    @Test
    void summariesAreReadBackPerTagInStepOrderWithTheirKinds() {
        FrozenTrial t = storage.createRunningTrial(study("s"));
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        Histogram h = Histogram.of(new double[] {-1, 0.5, 0.5, 2, Double.NaN});
        storage.logSummaries(t.id(), List.of(
                new LoggedSummary("weights", 2, now.plusSeconds(2), Histogram.of(new double[] {3})),
                new LoggedSummary("weights", 1, now.plusSeconds(1), h),
                new LoggedSummary("notes", 0, now, new TextSummary("<b>ok</b> *é*"))));
        assertThat(storage.summaryTags(t.id())).containsExactly(new SummaryTag("notes", SummaryKind.TEXT),
                new SummaryTag("weights", SummaryKind.HISTOGRAM));
        List<LoggedSummary> weights = storage.summaries(t.id(), "weights");
        assertThat(weights).extracting(LoggedSummary::step).containsExactly(1L, 2L);
        assertThat(weights.get(0)).isEqualTo(new LoggedSummary("weights", 1, now.plusSeconds(1), h));
        assertThat(storage.summaries(t.id(), "notes").get(0).value()).isEqualTo(new TextSummary("<b>ok</b> *é*"));
        assertThat(storage.summaries(t.id(), "missing")).isEmpty();
    }

    @Test
    void summariesKeepEveryCharacterOfTagsAndTextsUpToTheirLimits() {
        FrozenTrial t = storage.createRunningTrial(study("s"));
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        String tag = ("é/層\uD83D\uDE00'\"%_" + "x".repeat(200)).substring(0, SummaryLimits.MAX_TAG);
        String text = ("nul \u0000 tab\t é 層 \uD83D\uDE00 '); DROP TABLE trial_summaries; --\n" + "y".repeat(SummaryLimits.MAX_TEXT_CHARS))
                .substring(0, SummaryLimits.MAX_TEXT_CHARS);
        storage.logSummaries(t.id(), List.of(new LoggedSummary(tag, 0, now, new TextSummary(text))));
        assertThat(storage.summaryTags(t.id())).containsExactly(new SummaryTag(tag, SummaryKind.TEXT));
        assertThat(storage.summaries(t.id(), tag)).extracting(LoggedSummary::value).containsExactly(new TextSummary(text));
    }

    @Test
    void histogramsAndPrCurvesAtTheirLimitsKeepEveryNumber() {
        FrozenTrial t = storage.createRunningTrial(study("s"));
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        double[] limits = new double[SummaryLimits.MAX_BUCKETS];
        double[] counts = new double[SummaryLimits.MAX_BUCKETS];
        for (int i = 0; i < limits.length; i++) {
            limits[i] = i == limits.length - 1 ? Double.MAX_VALUE : -1e300 + i * 1e297;
            counts[i] = i % 3 == 0 ? 0 : i * 0.5;
        }
        Histogram wide = new Histogram(-1e300, 1e300, java.util.Arrays.stream(counts).sum(), -0.0, Double.POSITIVE_INFINITY,
                limits, counts);
        boolean[] labels = new boolean[50];
        double[] scores = new double[50];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 2 == 0;
            scores[i] = i / 50.0;
        }
        PrCurve curve = PrCurve.of(labels, scores, SummaryLimits.MAX_THRESHOLDS);
        storage.logSummaries(t.id(), List.of(new LoggedSummary("wide", Long.MAX_VALUE, now, wide),
                new LoggedSummary("pr", Long.MIN_VALUE, now, curve)));
        assertThat(storage.summaries(t.id(), "wide")).containsExactly(new LoggedSummary("wide", Long.MAX_VALUE, now, wide));
        assertThat(storage.summaries(t.id(), "pr")).containsExactly(new LoggedSummary("pr", Long.MIN_VALUE, now, curve));
    }

    @Test
    void imagesAndPrCurvesKeepEveryByteAndCount() {
        FrozenTrial t = storage.createRunningTrial(study("s"));
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        float[][][] pixels = new float[3][4][3];
        pixels[1][2][0] = 1;
        ImageSummary image = ImageSummary.ofPng(PngImages.encode(pixels), "test");
        PrCurve curve = PrCurve.of(new boolean[] {true, false, true}, new double[] {0.9, 0.4, 0.2}, 5);
        storage.logSummaries(t.id(), List.of(new LoggedSummary("inputs/grid", 3, now, image),
                new LoggedSummary("pr/cat", 3, now, curve)));
        assertThat(storage.summaries(t.id(), "inputs/grid")).containsExactly(new LoggedSummary("inputs/grid", 3, now, image));
        assertThat(storage.summaries(t.id(), "pr/cat")).containsExactly(new LoggedSummary("pr/cat", 3, now, curve));
    }

    @Test
    void summariesOfAnUnknownTrialAreNotFound() {
        assertThatThrownBy(() -> storage.summaryTags(987_654)).isInstanceOf(StorageException.class)
                .extracting(e -> ((StorageException) e).kind()).isEqualTo(StorageException.Kind.NOT_FOUND);
    }

    @Test
    void artifactsRecordSizeAndDigest() throws Exception {
        FrozenTrial t = storage.createRunningTrial(study("s"));
        Path file = tmp.resolve("model.bin");
        Files.writeString(file, "abc");
        ArtifactRef ref = storage.storeArtifact(t.id(), "model.bin", file);
        assertThat(ref.size()).isEqualTo(3);
        assertThat(ref.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(storage.artifacts(t.id())).containsExactly(ref);
    }

    @Test
    void anArtifactIsACopyThatOutlivesTheOriginalFile() throws Exception {
        FrozenTrial t = storage.createRunningTrial(study("s"));
        Path file = tmp.resolve("checkpoint.params");
        Files.writeString(file, "weights");
        ArtifactRef ref = storage.storeArtifact(t.id(), "checkpoint.params", file);
        Files.delete(file);
        assertThat(Path.of(ref.uri())).hasContent("weights");
    }

    @Test
    void aDeletedArtifactLosesItsRecordAndItsCopyAndTheOthersStay() throws Exception {
        FrozenTrial t = storage.createRunningTrial(study("s"));
        Path file = tmp.resolve("resume.ckpt");
        Files.writeString(file, "epoch 1");
        ArtifactRef checkpoint = storage.storeArtifact(t.id(), "resume.ckpt", file);
        ArtifactRef best = storage.storeArtifact(t.id(), "best.params", file);

        storage.deleteArtifact(t.id(), "resume.ckpt");
        storage.deleteArtifact(t.id(), "never-stored");

        assertThat(storage.artifacts(t.id())).containsExactly(best);
        assertThat(Path.of(checkpoint.uri())).doesNotExist();
        assertThat(Path.of(best.uri())).hasContent("epoch 1");
    }

    @Test
    void artifactNamesCannotEscapeTheirDirectory() throws Exception {
        FrozenTrial t = storage.createRunningTrial(study("s"));
        Path file = tmp.resolve("f");
        Files.writeString(file, "x");
        for (String bad : List.of("..", "../x", "/etc/passwd", "a/b", "a\\b", "", ".")) {
            assertThatThrownBy(() -> storage.storeArtifact(t.id(), bad, file))
                    .as("artifact name '%s'", bad)
                    .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.INVALID));
        }
        assertThat(storage.artifacts(t.id())).isEmpty();
    }

    @Test
    void unknownIdsAreReportedAsNotFound() {
        assertNotFound(() -> storage.trial(987654));
        assertNotFound(() -> storage.study(987654));
        assertNotFound(() -> storage.createRunningTrial(987654));
        long s = study("s");
        assertNotFound(() -> storage.trialByNumber(s, 0));
        assertThatThrownBy(() -> storage.trialByNumber(s, 0)).as("the study by its name, not its id")
                .hasMessage("study 's' has no trial number 0");
    }

    @Test
    void fourThreadsSettingTheSameNewStudyAttributesAtOnceAllSucceed() throws Exception {
        // as Spark tasks recording the study-wide fail-fast stop at the same moment
        long s = study("s");
        int threads = 4;
        int keys = 100;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int writer = i;
            futures.add(pool.submit(() -> {
                for (int k = 0; k < keys; k++) {
                    together.await(1, TimeUnit.MINUTES);
                    try {
                        storage.setStudySystemAttr(s, "stopped_" + k, writer);
                    } catch (RuntimeException e) {
                        together.reset(); // the others stop waiting at once; this failure is the one reported
                        throw e;
                    }
                }
                return null;
            }));
        }
        List<Throwable> failures = new ArrayList<>();
        for (Future<?> f : futures) {
            try {
                f.get(5, TimeUnit.MINUTES);
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        pool.shutdown();
        assertThat(failures).filteredOn(e -> !(e instanceof java.util.concurrent.BrokenBarrierException)).isEmpty();
        Map<String, Object> attrs = storage.study(s).systemAttrs();
        for (int k = 0; k < keys; k++) {
            assertThat(attrs.get("stopped_" + k)).as("stopped_" + k).isIn(0, 1, 2, 3);
        }
    }

    @Test
    void eightThreadsCreatingFiveHundredTrialsEachGetNumbersZeroTo3999() throws Exception {
        long s = study("s");
        int threads = 8;
        int perThread = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Integer>>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                go.await();
                List<Integer> numbers = new ArrayList<>();
                for (int k = 0; k < perThread; k++) {
                    FrozenTrial t = storage.createRunningTrial(s);
                    numbers.add(t.number());
                    storage.finishTrial(t.id(), TrialState.COMPLETE, List.of((double) k), null);
                }
                return numbers;
            }));
        }
        go.countDown();
        Set<Integer> all = ConcurrentHashMap.newKeySet();
        int count = 0;
        for (Future<List<Integer>> f : futures) {
            List<Integer> numbers = f.get(5, TimeUnit.MINUTES);
            count += numbers.size();
            all.addAll(numbers);
        }
        pool.shutdown();
        assertThat(count).isEqualTo(threads * perThread);
        assertThat(all).hasSize(threads * perThread);
        assertThat(all).allSatisfy(n -> assertThat(n).isBetween(0, threads * perThread - 1));
        List<FrozenTrial> stored = storage.trials(s, EnumSet.of(TrialState.COMPLETE));
        assertThat(stored).hasSize(threads * perThread);
        for (int i = 0; i < stored.size(); i++) {
            assertThat(stored.get(i).number()).isEqualTo(i);
        }
    }

    @Test
    void eachWaitingTrialIsClaimedByExactlyOneOfManyThreads() throws Exception {
        long s = study("s");
        int waiting = 200;
        for (int i = 0; i < waiting; i++) {
            storage.createWaitingTrial(s, Map.of("i", i), Map.of());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            futures.add(pool.submit(() -> {
                List<Long> claimed = new ArrayList<>();
                while (true) {
                    var t = storage.claimWaitingTrial(s);
                    if (t.isEmpty()) {
                        return claimed;
                    }
                    claimed.add(t.get().id());
                }
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get(5, TimeUnit.MINUTES));
        }
        pool.shutdown();
        assertThat(all).hasSize(waiting).doesNotHaveDuplicates();
        assertThat(storage.trials(s, Set.of(TrialState.WAITING))).isEmpty();
    }

    @Test
    void aBudgetIsNeverExceededByRacingThreadsAndOnlySupersededFailuresDoNotCount() throws Exception {
        long s = study("s");
        FrozenTrial failed = storage.createRunningTrial(s);
        storage.finishTrial(failed.id(), TrialState.FAIL, List.of(), "boom");
        FrozenTrial stale = storage.createRunningTrial(s);
        storage.setSystemAttr(stale.id(), TrialStorage.SUPERSEDED, true);
        storage.finishTrial(stale.id(), TrialState.FAIL, List.of(), "stale: worker stopped responding");
        storage.createWaitingTrial(s, Map.of("x", 1), Map.of("retry_of", 1));
        int budget = 60;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            futures.add(pool.submit(() -> {
                int started = 0;
                while (true) {
                    var t = storage.startTrialWithinBudget(s, budget);
                    if (t.isEmpty()) {
                        return started;
                    }
                    assertThat(t.get().state()).isEqualTo(TrialState.RUNNING);
                    started++;
                    storage.finishTrial(t.get().id(), TrialState.COMPLETE, List.of(1.0), null);
                }
            }));
        }
        int total = 0;
        for (Future<Integer> f : futures) {
            total += f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(total).isEqualTo(budget - 1);
        assertThat(storage.trials(s, EnumSet.of(TrialState.COMPLETE))).hasSize(budget - 1);
        assertThat(storage.trials(s, EnumSet.of(TrialState.WAITING))).isEmpty();
        assertThat(storage.trialByNumber(s, 2).systemAttrs()).containsKey("fixed_params");
        assertThat(storage.trialByNumber(s, 2).state()).isEqualTo(TrialState.COMPLETE);
    }

    private static void assertConflict(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.CONFLICT));
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.INVALID)).hasMessage(message);
    }

    private static void assertNotFound(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.NOT_FOUND));
    }
}
