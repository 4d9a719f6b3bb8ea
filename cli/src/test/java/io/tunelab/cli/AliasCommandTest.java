package io.tunelab.cli;

import static io.tunelab.cli.CliInvocation.tunelab;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.tracker.registry.AliasMove;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code tunelab alias}: an alias rolls back to a registered version, or goes, and the audit trail says so. */
@Timeout(120)
class AliasCommandTest {
    @TempDir
    Path dir;
    String storage;

    /** Model m with v1 (trial 0) and v2 (trial 1), production at v2. */
    @BeforeEach
    void twoVersions() throws Exception {
        storage = dir.resolve("tracker").toString();
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, """
                study: s
                direction: maximize
                metric: accuracy
                sampler: {type: grid, seed: 1}
                budget: {trials: 2}
                trainer: tribuo-cart
                data: {dataset: synthetic-classification, samples: 200, classes: 2, seed: 1}
                space:
                  max_depth: {int: [2, 3]}
                """);
        assertThat(tunelab("run", file.toString(), "--storage", storage).code()).isZero();
        assertThat(tunelab("promote", "s", "--trial", "0", "--model", "m", "--storage", storage).code()).isZero();
        assertThat(tunelab("promote", "s", "--trial", "1", "--model", "m", "--storage", storage).code()).isZero();
    }

    private List<AliasMove> history() {
        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(Path.of(storage)))) {
            return tracker.registry().aliasHistory("m", "production");
        }
    }

    @Test
    void anAliasRollsBackToAnEarlierVersionWithTheReasonInTheAuditTrail() {
        CliInvocation.Result r = tunelab("alias", "m@production", "v1", "--reason", "v2 misbehaves", "--storage", storage);

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Alias 'production' of m now points at v1 (was v2).");
        AliasMove last = history().get(history().size() - 1);
        assertThat(last.fromVersion()).isEqualTo(2);
        assertThat(last.toVersion()).isEqualTo(1);
        assertThat(last.reason()).isEqualTo("v2 misbehaves");
    }

    @Test
    void anAliasIsRemovedWithDelete() {
        CliInvocation.Result r = tunelab("alias", "m@production", "--delete", "--storage", storage);
        CliInvocation.Result again = tunelab("alias", "m@production", "--delete", "--storage", storage);

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Removed alias 'production' of m (it pointed at v2).");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("model 'm' has no alias 'production'");
    }

    @Test
    void aVersionOrModelThatDoesNotExistOrAMissingVersionIsInvalidInput() {
        CliInvocation.Result noVersion = tunelab("alias", "m@production", "7", "--storage", storage);
        CliInvocation.Result notANumber = tunelab("alias", "m@production", "latest", "--storage", storage);
        CliInvocation.Result noModel = tunelab("alias", "nope@production", "1", "--storage", storage);
        CliInvocation.Result neither = tunelab("alias", "m@production", "--storage", storage);

        assertThat(List.of(noVersion, notANumber, noModel, neither)).allSatisfy(r -> assertThat(r.code()).isEqualTo(2));
        assertThat(noVersion.err()).contains("7");
        assertThat(notANumber.err()).contains("VERSION must be a version number such as 3 or v3, got 'latest'");
        assertThat(noModel.err()).contains("nope");
        assertThat(neither.err()).contains("give the VERSION to point m@production at, or --delete");
        assertThat(history()).hasSize(2);
    }

    @Test
    void anAliasThatDiffersFromAnExistingOneOnlyByCaseIsRefusedHereAndInPromote() {
        CliInvocation.Result alias = tunelab("alias", "m@Production", "1", "--storage", storage);
        CliInvocation.Result promote = tunelab("promote", "s", "--trial", "0", "--model", "m", "--alias", "PRODUCTION",
                "--gate", "mcnemar", "--storage", storage);

        assertThat(alias.code()).isEqualTo(2);
        assertThat(alias.err()).contains("model 'm' has an alias 'production' (at v2), not 'Production'");
        assertThat(promote.code()).isEqualTo(2);
        assertThat(promote.err()).contains("aliases are case-sensitive: use 'production'");
    }
}
