package io.tunelab.cli;

import static io.tunelab.cli.CliInvocation.tunelab;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunelab.tracker.registry.ModelVersion;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code tunelab describe} and {@code tunelab archive}: a version's description and archived state, from the CLI. */
@Timeout(120)
class ModelVersionCommandsTest {
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

    private ModelVersion version(int n) {
        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(Path.of(storage)))) {
            return tracker.registry().version("m", n);
        }
    }

    @Test
    void aDescriptionIsSetShownListedAndCleared() {
        CliInvocation.Result set = tunelab("describe", "m", "v1", "baseline, depth 2", "--storage", storage);
        CliInvocation.Result shown = tunelab("describe", "m", "1", "--storage", storage);
        CliInvocation.Result listed = tunelab("models", "m", "--format", "csv", "--storage", storage);

        assertThat(set.code()).as(set.err()).isZero();
        assertThat(set.out()).contains("Set the description of m v1.");
        assertThat(version(1).description()).isEqualTo("baseline, depth 2");
        assertThat(shown.out().strip()).isEqualTo("baseline, depth 2");
        assertThat(listed.out()).contains("description").contains("\"baseline, depth 2\"");

        CliInvocation.Result cleared = tunelab("describe", "m", "v1", "", "--storage", storage);
        assertThat(cleared.out()).contains("Cleared the description of m v1.");
        assertThat(version(1).description()).isNull();
        assertThat(tunelab("describe", "m", "v1", "--storage", storage).out()).contains("m v1 has no description.");
    }

    @Test
    void modelsAsJsonWriteAliasesVersionsAndMissingValuesAsJsonValuesNotTableText() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode models = json.readTree(tunelab("models", "--format", "json", "--storage", storage).out());
        JsonNode versions = json.readTree(tunelab("models", "m", "--format", "json", "--storage", storage).out());
        JsonNode history = json.readTree(tunelab("models", "m", "--history", "--format", "json", "--storage", storage).out());
        CliInvocation.Result csv = tunelab("models", "--format", "csv", "--storage", storage);

        assertThat(models.get(0).get("aliases")).isEqualTo(json.readTree("{\"production\": 2}"));
        assertThat(versions.get(1).get("version").asInt()).isEqualTo(2);
        assertThat(versions.get(1).get("aliases")).isEqualTo(json.readTree("[\"production\"]"));
        assertThat(versions.get(0).get("aliases")).isEqualTo(json.readTree("[]"));
        assertThat(history.get(0).get("to").isInt()).isTrue();
        assertThat(history.findValues("from")).as("the first move had no version to leave").anyMatch(JsonNode::isNull);
        assertThat(history.get(0).get("evidence").isObject()).isTrue();
        assertThat(csv.out().lines().toList()).startsWith("model,versions,aliases,description").element(1).asString()
                .startsWith("m,2,production=v2,");
    }

    @Test
    void anArchivedVersionCannotTakeAnAliasUntilItIsUnarchivedAndModelsShowsItsState() {
        CliInvocation.Result archived = tunelab("archive", "m", "v1", "--storage", storage);
        CliInvocation.Result alias = tunelab("alias", "m@production", "1", "--storage", storage);
        CliInvocation.Result listed = tunelab("models", "m", "--format", "csv", "--storage", storage);

        assertThat(archived.code()).as(archived.err()).isZero();
        assertThat(archived.out()).contains("Archived m v1");
        assertThat(version(1).archived()).isTrue();
        assertThat(alias.code()).isEqualTo(2);
        assertThat(alias.err()).contains("v1 of model 'm' is archived")
                .contains("tunelab archive m v1 --unarchive").doesNotContain("\tat ");
        assertThat(version(2).aliases()).containsExactly("production");
        assertThat(listed.out().lines().filter(l -> l.startsWith("v1,")).findFirst().orElseThrow()).contains(",true,");
        assertThat(tunelab("archive", "m", "v1", "--storage", storage).out()).contains("m v1 is already archived; nothing changed.");

        CliInvocation.Result back = tunelab("archive", "m", "v1", "--unarchive", "--storage", storage);
        assertThat(back.code()).as(back.err()).isZero();
        assertThat(back.out()).contains("Unarchived m v1");
        assertThat(version(1).archived()).isFalse();
        assertThat(tunelab("alias", "m@production", "1", "--storage", storage).code()).isZero();
    }

    @Test
    void aVersionAnAliasPointsAtIsNotArchived() {
        CliInvocation.Result r = tunelab("archive", "m", "2", "--storage", storage);

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("m v2 is the version of alias production; point it elsewhere")
                .doesNotContain("\tat ");
        assertThat(version(2).archived()).isFalse();
    }

    @Test
    void aModelOrVersionThatDoesNotExistOrABadVersionIsInvalidInputNamingIt() {
        for (List<String> command : List.of(List.of("archive"), List.of("archive", "--unarchive"), List.of("describe"))) {
            CliInvocation.Result noModel = run(command, "nope", "1");
            CliInvocation.Result noVersion = run(command, "m", "7");
            CliInvocation.Result notANumber = run(command, "m", "latest");

            assertThat(List.of(noModel, noVersion, notANumber)).as("%s", command)
                    .allSatisfy(r -> assertThat(r.code()).isEqualTo(2));
            assertThat(noModel.err()).as("%s", command).contains("no registered model named 'nope'");
            assertThat(noVersion.err()).as("%s", command).contains("model 'm' has no version 7");
            assertThat(notANumber.err()).as("%s", command).contains("VERSION must be a version number such as 3 or v3, got 'latest'");
        }
    }

    private CliInvocation.Result run(List<String> command, String model, String version) {
        List<String> args = new java.util.ArrayList<>(List.of(command.get(0), model, version));
        args.addAll(command.subList(1, command.size()));
        args.addAll(List.of("--storage", storage));
        return tunelab(args.toArray(String[]::new));
    }
}
