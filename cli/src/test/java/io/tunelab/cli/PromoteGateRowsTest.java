package io.tunelab.cli;

import static io.tunelab.cli.CliInvocation.tunelab;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.registry.AliasMove;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tunelab promote --gate} compares the challenger with the alias's holder only on rows neither trained on: the
 * rows in both studies' test splits when they split the same data with other seeds, and refuses when too few such rows
 * exist or the data differ.
 */
@Timeout(300)
class PromoteGateRowsTest {
    @TempDir
    static Path dir;
    static String storage;

    @BeforeAll
    static void studiesOfOneDataSetWithTwoSeeds() throws Exception {
        storage = dir.resolve("tracker").toString();
        Path big = csv("big.csv", 1000, 8);
        Path small = csv("small.csv", 150, 9);
        study("big-a", big, 1);
        study("big-b", big, 2);
        study("small-a", small, 1);
        study("small-b", small, 2);
    }

    private static Path csv(String name, int rows, long seed) throws Exception {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder("size,rooms,city,price\n");
        for (int i = 0; i < rows; i++) {
            double size = 30 + 170 * random.nextDouble();
            int rooms = 1 + random.nextInt(6);
            int city = random.nextInt(3);
            double price = 3 * size + 20 * rooms + 60 * city + 30 * random.nextGaussian();
            text.append(String.format(java.util.Locale.ROOT, "%.2f,%d,%s,%.2f%n", size, rooms, "abc".charAt(city), price));
        }
        return Files.writeString(dir.resolve(name), text);
    }

    private static void study(String name, Path data, int seed) throws Exception {
        Path file = Files.writeString(dir.resolve(name + ".yaml"), """
                study: %s
                direction: minimize
                metric: rmse
                sampler: {type: random, seed: %d}
                budget: {trials: 1}
                trainer: tribuo-cart
                data: {dataset: %s, target: price, task: regression, categorical: [city]}
                space:
                  max_depth: {int: [4, 4]}
                """.formatted(name, seed, data));
        CliInvocation.Result r = tunelab("run", file.toString(), "--storage", storage);
        assertThat(r.code()).as(r.err()).isZero();
    }

    private static CliInvocation.Result promote(String... args) {
        List<String> all = new ArrayList<>(List.of("promote"));
        all.addAll(List.of(args));
        all.addAll(List.of("--storage", storage));
        return tunelab(all.toArray(String[]::new));
    }

    private static int versions(String model) {
        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(Path.of(storage)))) {
            return tracker.registry().findModel(model).isEmpty() ? 0 : tracker.registry().versions(model).size();
        }
    }

    @Test
    void studiesSplitWithOtherSeedsAreComparedOnlyOnTheRowsBothHeldOut() {
        assertThat(promote("big-a", "--model", "shared").code()).isZero();

        CliInvocation.Result r = promote("big-b", "--model", "shared", "--gate", "paired-t", "--force");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("on \\d+ of the challenger's 200 test rows \\(those in both studies' test splits");
        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(Path.of(storage)))) {
            AliasMove move = tracker.registry().aliasHistory("shared").get(1);
            int examples = ((Number) ((Map<?, ?>) move.evidence().get("gate")).get("examples")).intValue();
            // a 20% split of 1000 rows shares about 40 rows with another: not the challenger's 200
            assertThat(examples).isBetween(30, 80);
        }
    }

    @Test
    void theSameSplitOfOneStudyComparesOnEveryTestRowWithoutSpeakingOfTwoStudies() {
        assertThat(promote("big-a", "--model", "same").code()).isZero();

        CliInvocation.Result r = promote("big-a", "--model", "same", "--gate", "paired-t", "--force");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("on 200 test rows (both models hold out the same rows)").doesNotContain("both studies");
    }

    @Test
    void tooFewRowsHeldOutByBothStudiesRefuseTheGateNamingBothAndTheRemedy() {
        assertThat(promote("small-a", "--model", "few").code()).isZero();

        CliInvocation.Result r = promote("small-b", "--model", "few", "--gate", "paired-t");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--gate paired-t: cannot compare trial 0 of study 'small-b' with few v1 (alias"
                        + " 'production', study 'small-a') on rows neither trained on: only ")
                .contains("of the challenger's 30 test rows are in the champion's test split too (sampler seed 2 vs"
                        + " sampler seed 1").contains("the gate needs at least 30")
                .contains("promote without --gate; nothing was registered");
        assertThat(r.err().lines().count()).isOne();
        assertThat(versions("few")).isOne();
    }

    @Test
    void studiesOfOtherDataRefuseTheGate() {
        assertThat(promote("small-a", "--model", "other").code()).isZero();

        CliInvocation.Result r = promote("big-b", "--model", "other", "--gate", "paired-t");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("the two studies read different data (sha256:").contains("nothing was registered");
        assertThat(versions("other")).isOne();
    }

    @Test
    void theRegressionGateNamesTheMeanSquaredErrorAndWhichWayIsBetter() {
        assertThat(promote("big-a", "--model", "named").code()).isZero();

        CliInvocation.Result r = promote("big-a", "--model", "named", "--gate", "paired-t", "--force");

        assertThat(r.out()).containsPattern("Gate paired-t: MSE [0-9.]+ \\(challenger\\) vs [0-9.]+ \\(v1\\), lower is better");
    }

    @Test
    void aFailedTrialIsRefusedNamingItsStateAndMessage() {
        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(Path.of(storage)))) {
            long study = tracker.storage().findStudy("small-a").orElseThrow().id();
            FrozenTrial failed = tracker.storage().createRunningTrial(study);
            tracker.storage().finishTrial(failed.id(), TrialState.FAIL, List.of(), "out of memory\nat somewhere");
        }

        CliInvocation.Result r = promote("small-a", "--model", "failed", "--trial", "1");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("trial 1 of study 'small-a' is FAIL (its message: out of memory); only COMPLETE"
                + " trials can be promoted");
        assertThat(versions("failed")).isZero();
    }
}
