package io.tunelab.search.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.summary.Histogram;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.TextSummary;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyCopyTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
    private static final Instant NOW = Instant.parse("2100-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private final InMemoryStorage from = new InMemoryStorage();
    private final InMemoryStorage to = new InMemoryStorage();

    private StudyCopy copier(boolean includeRunning) {
        return new StudyCopy(from, to, includeRunning, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Trial 0 COMPLETE with everything, 1 PRUNED with intermediate values, 2 FAIL with a message, 3 WAITING. */
    private StudyRecord study(String name, List<Direction> directions) throws IOException {
        StudyRecord s = from.createStudy(name, directions);
        from.setStudySystemAttr(s.id(), "study_file", "trainer: cart\n");
        from.setStudySystemAttr(s.id(), StudyRecord.USER_ATTR_PREFIX + "owner", "ana");
        long done = from.createRunningTrial(s.id()).id();
        from.setParam(done, "lr", 0.01, new FloatDistribution(1e-4, 1, true, 0));
        from.setParam(done, "depth", 3, new IntDistribution(1, 8, false, 1));
        from.setParam(done, "act", "relu", new CategoricalDistribution(List.of("relu", "tanh")));
        from.setUserAttr(done, "note", Map.of("k", List.of(1, 2)));
        from.setSystemAttr(done, "seed", 7);
        from.logMetrics(done, List.of(new MetricPoint("loss", 0, 0.9, T0), new MetricPoint("loss", 1, 0.5, T0.plusSeconds(1)),
                new MetricPoint("acc", 1, 0.7, T0.plusSeconds(1))));
        from.logSummaries(done, List.of(new LoggedSummary("notes", 0, T0, new TextSummary("# hi")),
                new LoggedSummary("weights", 1, T0, Histogram.of(new double[] {1, 2, 3}))));
        from.storeArtifact(done, "model.txt", Files.writeString(dir.resolve("model.txt"), "weights"));
        List<Double> values = directions.size() == 1 ? List.of(0.5) : List.of(0.5, 12.0);
        from.finishTrial(done, TrialState.COMPLETE, values, null, T0, T0.plusSeconds(60));
        long pruned = from.createRunningTrial(s.id()).id();
        from.setIntermediateValue(pruned, 1, 0.8);
        from.setIntermediateValue(pruned, 2, 0.85);
        from.finishTrial(pruned, TrialState.PRUNED, List.of(), "pruned at step 2", T0, T0.plusSeconds(5));
        long failed = from.createRunningTrial(s.id()).id();
        from.finishTrial(failed, TrialState.FAIL, List.of(), "ValueError: nan loss", T0, T0.plusSeconds(2));
        from.createWaitingTrial(s.id(), Map.of("lr", 0.1), Map.of("origin", "enqueued"), Map.of("why", "try"));
        return s;
    }

    @Test
    void aRoundTripKeepsTheStudyAndEveryTrialWithItsSeriesSummariesAndArtifacts() throws IOException {
        StudyRecord s = study("mlp", List.of(Direction.MINIMIZE));

        StudyCopy.Report r = copier(false).copy("mlp", "mlp");

        assertThat(r).isEqualTo(new StudyCopy.Report("mlp", "mlp", 4, 3, 2, 1, 0));
        StudyRecord c = to.findStudy("mlp").orElseThrow();
        assertThat(c.directions()).isEqualTo(s.directions());
        assertThat(c.systemAttrs()).isEqualTo(from.study(s.id()).systemAttrs());
        assertThat(c.userAttrs()).containsEntry("owner", "ana");
        List<FrozenTrial> original = from.trials(s.id(), EnumSet.allOf(TrialState.class));
        List<FrozenTrial> copied = to.trials(c.id(), EnumSet.allOf(TrialState.class));
        assertThat(copied).hasSize(4);
        for (int i = 0; i < 4; i++) {
            FrozenTrial o = original.get(i);
            FrozenTrial t = copied.get(i);
            assertThat(t).usingRecursiveComparison().ignoringFields("id", "start").isEqualTo(o);
            if (o.state() != TrialState.WAITING) {
                assertThat(t.start()).isEqualTo(o.start());
            }
            assertThat(to.metricNames(t.id())).isEqualTo(from.metricNames(o.id()));
            for (String m : from.metricNames(o.id())) {
                assertThat(to.metrics(t.id(), m)).isEqualTo(from.metrics(o.id(), m));
            }
            assertThat(to.summaryTags(t.id())).isEqualTo(from.summaryTags(o.id()));
        }
        long first = copied.get(0).id();
        assertThat(to.summaries(first, "notes")).isEqualTo(from.summaries(original.get(0).id(), "notes"));
        assertThat(to.summaries(first, "weights")).singleElement()
                .satisfies(h -> assertThat(((Histogram) h.value()).counts()).containsExactly(
                        ((Histogram) from.summaries(original.get(0).id(), "weights").get(0).value()).counts()));
        ArtifactRef a = to.artifacts(first).get(0);
        assertThat(a.name()).isEqualTo("model.txt");
        assertThat(a.sha256()).isEqualTo(from.artifacts(original.get(0).id()).get(0).sha256());
        assertThat(a.uri()).isNotEqualTo(from.artifacts(original.get(0).id()).get(0).uri());
        assertThat(copied.get(1).intermediateValues()).containsExactly(Map.entry(1, 0.8), Map.entry(2, 0.85));
        assertThat(copied.get(2).message()).isEqualTo("ValueError: nan loss");
        assertThat(copied.get(3).state()).isEqualTo(TrialState.WAITING);
    }

    @Test
    void aMultiObjectiveStudyIsCopiedUnderAnotherNameWithBothValues() throws IOException {
        study("pareto", List.of(Direction.MINIMIZE, Direction.MAXIMIZE));

        copier(false).copy("pareto", "pareto-backup");

        StudyRecord c = to.findStudy("pareto-backup").orElseThrow();
        assertThat(c.directions()).containsExactly(Direction.MINIMIZE, Direction.MAXIMIZE);
        assertThat(to.trialByNumber(c.id(), 0).values()).containsExactly(0.5, 12.0);
    }

    @Test
    void aStudyWithARunningTrialIsRefusedAndNothingIsWritten() throws IOException {
        StudyRecord s = study("mlp", List.of(Direction.MINIMIZE));
        from.createRunningTrial(s.id());

        assertThatThrownBy(() -> copier(false).copy("mlp", "mlp")).isInstanceOf(StorageException.class)
                .hasMessage("study 'mlp' has 1 RUNNING trial; expected a finished study, or running trials included");
        assertThat(to.studies()).isEmpty();
    }

    @Test
    void withRunningTrialsIncludedARunningTrialIsCopiedFailedEndingAtTheCopy() throws IOException {
        StudyRecord s = study("mlp", List.of(Direction.MINIMIZE));
        long running = from.createRunningTrial(s.id()).id();
        from.setIntermediateValue(running, 0, 0.3);

        StudyCopy.Report r = copier(true).copy("mlp", "mlp");

        FrozenTrial t = to.trialByNumber(to.findStudy("mlp").orElseThrow().id(), 4);
        assertThat(r.running()).isEqualTo(1);
        assertThat(t.state()).isEqualTo(TrialState.FAIL);
        assertThat(t.message()).isEqualTo(StudyCopy.COPIED_WHILE_RUNNING);
        assertThat(t.start()).isEqualTo(from.trial(running).start());
        assertThat(t.end()).isEqualTo(NOW);
        assertThat(t.intermediateValues()).containsEntry(0, 0.3);
    }

    @Test
    void aTargetStudyOfTheSameNameIsRefusedAndKept() throws IOException {
        study("mlp", List.of(Direction.MINIMIZE));
        to.createStudy("mlp", List.of(Direction.MAXIMIZE));

        assertThatThrownBy(() -> copier(false).copy("mlp", "mlp")).isInstanceOf(StorageException.class)
                .hasMessage("the target already has a study named 'mlp'");
        assertThat(to.findStudy("mlp").orElseThrow().directions()).containsExactly(Direction.MAXIMIZE);
    }

    @Test
    void aMissingStudyIsNamed() {
        assertThatThrownBy(() -> copier(false).copy("nope", "nope")).hasMessage("no study named 'nope' to copy");
    }
}
