package io.tunelab.cli.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.cli.error.CliException;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.TrialState;
import io.tunelab.serving.ModelRef;
import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.registry.Change;
import io.tunelab.tracker.registry.ModelRegistry;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve MODEL@ALIAS} follows the alias; {@code serve MODEL@3} or {@code MODEL@v3} pins the version. */
class ServeTargetTest {
    @TempDir
    Path dir;

    private Tracker twoVersionsWithProductionAtV2() throws Exception {
        Path model = Files.writeString(dir.resolve("model.txt"), "weights");
        Tracker t = Tracker.open(TrackerConfig.inDirectory(dir.resolve("tracker")));
        Study.builder("s").storage(t.storage()).seed(2).create().optimize(trial -> {
            trial.logArtifact("model.txt", model);
            return trial.suggestFloat("x", 0, 1);
        }, 2);
        ModelRegistry registry = t.registry();
        long first = t.storage().findStudy("s").orElseThrow().id();
        List<Long> trials = t.storage().trials(first, EnumSet.allOf(TrialState.class)).stream()
                .map(tr -> tr.id()).toList();
        registry.createModel("m", null);
        registry.createVersion("m", trials.get(0), "model.txt", null, "me");
        registry.createVersion("m", trials.get(1), "model.txt", null, "me");
        registry.setAlias("m", "production", 2, Change.by("me", "test"));
        return t;
    }

    @Test
    void aVersionNumberPinsTheVersionWhichDoesNotFollowTheAlias() throws Exception {
        try (Tracker t = twoVersionsWithProductionAtV2()) {
            for (String target : List.of("m@1", "m@v1")) {
                ServeTarget pinned = ServeTarget.parse(target, t.registry());
                assertThat(pinned.pinned()).as(target).isTrue();
                RegistryModelResolver resolver = new RegistryModelResolver(t, pinned, List.of());
                t.registry().setAlias("m", "production", 1, Change.by("me", "test"));
                t.registry().setAlias("m", "production", 2, Change.by("me", "test"));
                assertThat(resolver.current()).isEqualTo(new ModelRef("m", 1));
                assertThat(resolver.alias()).isNull();
            }
            ServeTarget followed = ServeTarget.parse("m@production", t.registry());
            assertThat(new RegistryModelResolver(t, followed, List.of()).current()).isEqualTo(new ModelRef("m", 2));
        }
    }

    /** Points alias {@code name} of model m at v1 as an old database may hold it: new aliases of that shape are refused. */
    private void storedBeforeVersionLikeAliasesWereRefused(String name) throws SQLException {
        DatabaseSettings db = DatabaseSettings.embedded(dir.resolve("tracker"));
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO model_aliases (model_id, alias_name, version_id) SELECT m.model_id, '" + name + "',"
                    + " v.version_id FROM registered_models m JOIN model_versions v ON v.model_id = m.model_id"
                    + " WHERE v.version_number = 1");
        }
    }

    @Test
    void anAliasNamedLikeAVersionStaysTheAliasAndAMissingVersionIsNamed() throws Exception {
        try (Tracker t = twoVersionsWithProductionAtV2()) {
            storedBeforeVersionLikeAliasesWereRefused("v2");
            assertThat(ServeTarget.parse("m@v2", t.registry())).isEqualTo(new ServeTarget("m", "v2", 0));

            assertThatThrownBy(() -> ServeTarget.parse("m@9", t.registry())).hasMessageContaining("9");
            assertThatThrownBy(() -> ServeTarget.parse("m@", t.registry())).isInstanceOf(CliException.class)
                    .hasMessageContaining("expected MODEL@ALIAS or MODEL@VERSION");
        }
    }
}
