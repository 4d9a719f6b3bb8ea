package io.tunelab.tracker.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.storage.StorageException;
import io.tunelab.tracker.TestTrackers;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.config.DatabaseSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An alias that reads as a version ({@code v2}, {@code latest}) cannot be created, but one stored before stays usable. */
class VersionLikeAliasTest {
    @TempDir
    Path tmp;

    @Test
    void aNewAliasThatReadsAsAVersionIsRefusedNamingIt() {
        try (Tracker tracker = TestTrackers.open(tmp)) {
            twoVersions(tracker);
            for (String alias : List.of("v1", "V12", "latest", "Latest")) {
                assertThatThrownBy(() -> tracker.registry().setAlias("m", alias, 2, Change.by("a", "go")))
                        .isInstanceOfSatisfying(StorageException.class,
                                e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.INVALID))
                        .hasMessageContaining("alias '" + alias + "' reads as a version");
            }
            assertThat(tracker.registry().model("m").aliases()).isEmpty();
            tracker.registry().setAlias("m", "v1-candidate", 1, Change.by("a", "a name, not a version"));
            assertThat(tracker.registry().model("m").aliases()).containsEntry("v1-candidate", 1);
        }
    }

    @Test
    void anAliasOfThatShapeStoredBeforeCanBeReadMovedAndRemoved() throws Exception {
        try (Tracker tracker = TestTrackers.open(tmp)) {
            twoVersions(tracker);
        }
        DatabaseSettings db = DatabaseSettings.embedded(tmp);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO model_aliases (model_id, alias_name, version_id) SELECT m.model_id, 'v1',"
                    + " v.version_id FROM registered_models m JOIN model_versions v ON v.model_id = m.model_id"
                    + " WHERE v.version_number = 1");
        }
        try (Tracker tracker = TestTrackers.open(tmp)) {
            ModelRegistry registry = tracker.registry();
            assertThat(registry.resolve("m", "v1").orElseThrow().version()).isEqualTo(1);

            registry.setAlias("m", "v1", 2, Change.by("a", "moved"));
            assertThat(registry.resolve("m", "v1").orElseThrow().version()).isEqualTo(2);

            registry.removeAlias("m", "v1", Change.by("a", "removed"));
            assertThat(registry.resolve("m", "v1")).isEmpty();
        }
    }

    private static void twoVersions(Tracker tracker) {
        long trial = TestTrackers.completeTrial(tracker.storage(), "s", 1.0).id();
        tracker.registry().createModel("m", null);
        tracker.registry().createVersion("m", trial, null, null, "a");
        tracker.registry().createVersion("m", trial, null, null, "a");
    }
}
