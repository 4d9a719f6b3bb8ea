package io.tunelab.cli;

import static io.tunelab.cli.CliInvocation.tunelab;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code tunelab delete-model} deletes versions and models, so that a study once promoted can be deleted. */
@Timeout(180)
class DeleteModelCommandTest {
    @TempDir
    Path dir;
    String storage;

    @BeforeEach
    void aStudyPromotedTwice() throws Exception {
        storage = dir.resolve("tracker").toString();
        Path file = Files.writeString(dir.resolve("s.yaml"), """
                study: s
                direction: maximize
                metric: accuracy
                budget: {trials: 1}
                trainer: tribuo-cart
                data: {dataset: synthetic-classification, samples: 200, classes: 2, seed: 5}
                space:
                  max_depth: {int: [3, 3]}
                """);
        assertThat(tunelab("run", file.toString(), "--storage", storage).code()).isZero();
        assertThat(tunelab("promote", "s", "--model", "m", "--storage", storage).code()).isZero();
        assertThat(tunelab("promote", "s", "--model", "m", "--alias", "staging", "--storage", storage).code()).isZero();
    }

    private CliInvocation.Result run(String... args) {
        return CliInvocation.onStorage(storage, args);
    }

    @Test
    void aVersionAnAliasPointsAtIsRefusedNamingTheAliasUnlessForced() {
        CliInvocation.Result refused = run("delete-model", "m", "v2", "--yes");

        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("not deleting m v2: alias staging (v2) points at it").contains("--force");

        CliInvocation.Result forced = run("delete-model", "m", "v2", "--yes", "--force");

        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("Deleted m v2 and its alias staging");
        assertThat(run("models", "m", "--history").out()).contains("v2 deleted");
    }

    @Test
    void withoutATerminalNothingIsDeletedUnlessYes() {
        CliInvocation.Result r = run("delete-model", "m", "1", "--force");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("not deleting m v1 without confirmation").contains("--yes");
        assertThat(run("models", "m").out()).contains("v1").contains("v2");
    }

    @Test
    void onceItsVersionsAreDeletedTheStudyCanBeDeleted() {
        assertThat(run("delete", "s", "--yes").err()).contains("tunelab delete-model MODEL VERSION");

        assertThat(run("delete-model", "m", "1", "--yes", "--force").code()).isZero();
        CliInvocation.Result last = run("delete-model", "m", "2", "--yes", "--force");

        assertThat(last.out()).contains("Deleted model 'm' (v2, its last version");
        assertThat(run("models").out()).doesNotContain("m ");
        CliInvocation.Result study = run("delete", "s", "--yes");
        assertThat(study.code()).as(study.err()).isZero();
        assertThat(study.out()).contains("Deleted study 's'");
    }

    @Test
    void aWholeModelIsDeletedWithItsVersions() {
        CliInvocation.Result r = run("delete-model", "m", "--yes", "--force");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Deleted model 'm' (2 versions");
        assertThat(run("models", "m").err()).contains("no registered model named 'm'");
    }

    @Test
    void everyDeletionIsInTheAuditTrailWhichOutlivesTheModel() {
        assertThat(run("delete-model", "m", "1", "--yes", "--force", "--reason", "worse").code()).isZero();
        assertThat(run("delete-model", "m", "--yes", "--force").code()).isZero();

        CliInvocation.Result history = run("models", "m", "--history");

        assertThat(history.code()).as(history.err()).isZero();
        assertThat(history.out()).containsPattern("\\(version deleted\\) +v1 +- .*worse")
                .containsPattern("staging +v2 +- .*model deleted").containsPattern("\\(version deleted\\) +v2 +- .*model deleted")
                .containsPattern("\\(model deleted\\) +- +- .*model deleted");
    }
}
