package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.TextSummary;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.artifact.LocalArtifactRepository;
import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.config.StorageOptions;
import io.tunelab.tracker.registry.ModelRegistry;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database file written by schema version 1 (kept as a fixture) opens, migrates and keeps its data. */
class MigrationFixtureTest {
    @TempDir
    Path tmp;

    private Path copyFixture() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/schema-v1/tracker.mv.db")) {
            assertThat(in).as("fixture on the test class path").isNotNull();
            Files.copy(in, tmp.resolve("tracker.mv.db"));
        }
        return tmp;
    }

    @Test
    void aVersionOneDatabaseIsMigratedToTheNewestSchemaWithItsDataIntact() throws Exception {
        Database db = Database.open(DatabaseSettings.embedded(copyFixture()));
        try (JdbcTrialStorage storage = new JdbcTrialStorage(db, true, new LocalArtifactRepository(tmp.resolve("a")),
                StorageOptions.defaults().withoutHeartbeat())) {
            assertThat(appliedVersions(db)).containsExactly("1", "2", "3", "3.1", "4", "5", "6", "6.1", "7", "8", "9");
            long study = storage.findStudy("legacy").orElseThrow().id();
            assertThat(storage.study(study).systemAttrs()).containsEntry("seed", 42)
                    .containsEntry("sampler", Map.of("type", "random", "seed", 42));
            List<FrozenTrial> trials = storage.trials(study, EnumSet.allOf(TrialState.class));
            assertThat(trials).extracting(FrozenTrial::state)
                    .containsExactly(TrialState.COMPLETE, TrialState.FAIL, TrialState.RUNNING);
            FrozenTrial best = trials.get(0);
            assertThat(best.params()).containsExactly(Map.entry("lr", 0.01), Map.entry("act", "elu"));
            assertThat(best.values()).containsExactly(0.86);
            assertThat(best.intermediateValues().get(1)).isNaN();
            assertThat(best.userAttrs()).containsEntry("note", "baseline");
            assertThat(trials.get(1).message()).isEqualTo("diverged");
            assertThat(storage.metrics(best.id(), "loss")).extracting(MetricPoint::value).containsExactly(0.9, 0.4);

            FrozenTrial next = storage.createRunningTrial(study);
            assertThat(next.number()).isEqualTo(3);
            storage.logSummaries(next.id(), List.of(new LoggedSummary("notes", 0, java.time.Instant.EPOCH,
                    new TextSummary("after the migration"))));
            assertThat(storage.summaries(next.id(), "notes")).extracting(LoggedSummary::value)
                    .containsExactly(new TextSummary("after the migration"));
            storage.finishTrial(trials.get(2).id(), TrialState.COMPLETE, List.of(0.9), null);
            ModelRegistry registry = new JdbcModelRegistry(db, Clock.systemUTC(), new JdbcMetricQueries(db));
            registry.createModel("legacy-model", null);
            assertThat(registry.createVersion("legacy-model", best.id(), null, null, "test").metrics().get("loss").min())
                    .isEqualTo(0.4);
        }
    }

    @Test
    void migratingAgainChangesNothing() throws Exception {
        Path dir = copyFixture();
        Database.open(DatabaseSettings.embedded(dir)).close();
        Database db = Database.open(DatabaseSettings.embedded(dir));
        try {
            assertThat(appliedVersions(db)).containsExactly("1", "2", "3", "3.1", "4", "5", "6", "6.1", "7", "8", "9");
        } finally {
            db.close();
        }
    }

    private static List<String> appliedVersions(Database db) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\""
                         + " WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }
}
