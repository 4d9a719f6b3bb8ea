package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.artifact.LocalArtifactRepository;
import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.config.StorageOptions;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the JDBC store promises beyond the port's contract. */
class JdbcStorageExtrasTest {
    @TempDir
    Path tmp;
    Database db;
    JdbcTrialStorage writer;
    JdbcTrialStorage reader;

    @BeforeEach
    void open() {
        db = Database.open(DatabaseSettings.embedded(tmp));
        writer = storage();
        reader = storage();
    }

    private JdbcTrialStorage storage() {
        return new JdbcTrialStorage(db, false, new LocalArtifactRepository(tmp.resolve("a")),
                StorageOptions.defaults().withoutHeartbeat());
    }

    @AfterEach
    void close() {
        writer.close();
        reader.close();
        db.close();
    }

    @Test
    void aTrialsSummaryTagsAreReadFromTheirIndexNotFromTheRowsAndTheirNumbers() {
        String plan = db.read(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("EXPLAIN " + SummaryRows.TAGS)) {
                ps.setLong(1, 1);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        assertThat(plan).contains("TRIAL_SUMMARIES_TAG_KINDS");
    }

    @Test
    void aValueAnEnqueuedTrialUsedOutsideItsRangeIsStoredAndReadBackAsItIs() {
        long study = writer.createStudy("s", List.of(Direction.MINIMIZE)).id();
        FrozenTrial a = writer.createRunningTrial(study);
        FloatDistribution unit = FloatDistribution.uniform(0, 1);

        writer.setParam(a.id(), "x", 1.5, unit);
        writer.setParam(a.id(), "x", 1.5, unit);

        FrozenTrial read = reader.trial(a.id());
        assertThat(read.params()).containsEntry("x", 1.5);
        assertThat(read.internalParam("x")).isEqualTo(1.5);
    }

    @Test
    void aSecondStorageSeesEveryStateChangeOfTheFirstThroughItsCache() {
        long study = writer.createStudy("s", List.of(Direction.MINIMIZE)).id();
        FrozenTrial a = writer.createRunningTrial(study);
        assertThat(reader.trials(study, EnumSet.of(TrialState.COMPLETE))).isEmpty();
        assertThat(reader.trials(study, Set.of(TrialState.RUNNING))).extracting(FrozenTrial::id).containsExactly(a.id());
        writer.setParam(a.id(), "x", 0.5, FloatDistribution.uniform(0, 1));
        assertThat(reader.trials(study, Set.of(TrialState.RUNNING)).get(0).params()).containsEntry("x", 0.5);
        writer.finishTrial(a.id(), TrialState.COMPLETE, List.of(2.0), null);
        FrozenTrial b = writer.createRunningTrial(study);
        writer.finishTrial(b.id(), TrialState.PRUNED, List.of(), "pruned at step 3");
        assertThat(reader.trials(study, EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED)))
                .extracting(FrozenTrial::number, FrozenTrial::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, TrialState.COMPLETE),
                        org.assertj.core.groups.Tuple.tuple(1, TrialState.PRUNED));
        assertThat(reader.trials(study, Set.of(TrialState.RUNNING))).isEmpty();
        assertThat(reader.trials(study, EnumSet.allOf(TrialState.class))).hasSize(2);
        assertThat(reader.trialByNumber(study, 0)).isSameAs(reader.trial(a.id()));
    }

    @Test
    void negativeZeroAndNonFiniteAttributesReadBackExactly() {
        long study = writer.createStudy("s", List.of(Direction.MINIMIZE)).id();
        FrozenTrial t = writer.createRunningTrial(study);
        writer.setIntermediateValue(t.id(), 0, -0.0);
        writer.setUserAttr(t.id(), "threshold", Double.NaN);
        writer.setUserAttr(t.id(), "big", 1L << 40);
        writer.setSystemAttr(t.id(), "bounds", List.of(Double.NEGATIVE_INFINITY, 1.5));
        writer.finishTrial(t.id(), TrialState.COMPLETE, List.of(-0.0), null);
        FrozenTrial read = reader.trial(t.id());
        assertThat(Double.doubleToRawLongBits(read.intermediateValues().get(0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(Double.doubleToRawLongBits(read.values().get(0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat((Double) read.userAttrs().get("threshold")).isNaN();
        assertThat(read.userAttrs()).containsEntry("big", 1L << 40);
        assertThat(read.systemAttrs()).containsEntry("bounds", List.of(Double.NEGATIVE_INFINITY, 1.5));
    }

    @Test
    void aVeryLongFailureMessageIsKeptUpToTenThousandCharacters() {
        long study = writer.createStudy("s", List.of(Direction.MINIMIZE)).id();
        FrozenTrial t = writer.createRunningTrial(study);
        writer.finishTrial(t.id(), TrialState.FAIL, List.of(), "x".repeat(50_000));
        assertThat(reader.trial(t.id()).message()).hasSize(10_000);
    }

    @Test
    void studyAttributesAndFixedParametersKeepNestedJson() {
        long study = writer.createStudy("s", List.of(Direction.MINIMIZE)).id();
        writer.setStudySystemAttr(study, "budget", Map.of("trials", 50, "timeout", "1h"));
        FrozenTrial w = writer.createWaitingTrial(study, Map.of("layers", List.of(64, 32)), Map.of());
        assertThat(reader.study(study).systemAttrs()).containsEntry("budget", Map.of("trials", 50, "timeout", "1h"));
        assertThat(reader.trial(w.id()).systemAttrs()).containsEntry("fixed_params", Map.of("layers", List.of(64, 32)));
    }
}
