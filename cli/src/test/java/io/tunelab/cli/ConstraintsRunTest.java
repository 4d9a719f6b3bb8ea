package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.wiring.ForwardingTrainerFactory;
import io.tunelab.cli.wiring.TribuoTrainers;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.Objective;
import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.spec.StudySpec;
import io.tunelab.trainers.device.FixedDeviceInventory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study file's {@code constraints} run end to end with a real Tribuo trainer: each completed trial
 * stores its constraint values, and {@code tunelab run}, {@code best} and {@code studies} take only
 * feasible trials for best.
 */
@Timeout(180)
class ConstraintsRunTest {
    /**
     * Tribuo's CART, plus a metric {@code depth_excess} (max_depth - 2) logged last, after a first point
     * of 100 that only a constraint reading the wrong step would see.
     */
    private static final class DepthReportingTrainers extends ForwardingTrainerFactory {
        DepthReportingTrainers() {
            super(new TribuoTrainers());
        }

        @Override
        public Objective create(StudySpec spec) {
            Objective cart = delegate.create(spec);
            return trial -> {
                trial.log("depth_excess", 0, 100);
                double value = cart.evaluate(trial);
                trial.log("depth_excess", 1, ((Number) trial.params().get("max_depth")).intValue() - 2);
                return value;
            };
        }
    }

    private static Path studyFile(Path dir, String constraints) throws Exception {
        Path file = dir.resolve("constrained.yaml");
        Files.writeString(file, """
                study: constrained
                direction: maximize
                metric: accuracy
                sampler: {type: grid, seed: 3}
                budget: {trials: 6}
                parallel: {workers: 2, devices: cpu}
                trainer: tribuo-cart
                data: {dataset: synthetic-classification, samples: 400, classes: 4, seed: 5}
                space:
                  max_depth: {int: [1, 6]}
                """ + constraints);
        return file;
    }

    private static List<FrozenTrial> complete(InMemoryStorage storage) {
        return storage.trials(storage.findStudy("constrained").orElseThrow().id(), EnumSet.of(TrialState.COMPLETE));
    }

    private static int depth(FrozenTrial t) {
        return ((Number) t.params().get("max_depth")).intValue();
    }

    @Test
    void theBestTrialIsTheBestAmongThoseWhoseConstraintsHold(@TempDir Path dir) throws Exception {
        InMemoryStorage storage = new InMemoryStorage();
        var wiring = CliRun.wiring(FixedDeviceInventory.cpuOnly(2), storage, new DepthReportingTrainers());

        CliRun run = CliRun.of(wiring, "run", studyFile(dir, "constraints: [depth_excess, 'cv_std <= 0.5']\n").toString());

        assertThat(run.code()).as(run.err()).isZero();
        List<FrozenTrial> trials = complete(storage);
        assertThat(trials).hasSize(6);
        for (FrozenTrial t : trials) {
            double cvStd = ((Number) t.userAttrs().get("cv_std")).doubleValue();
            assertThat(Constraints.of(t)).as("trial %d", t.number()).containsExactly(depth(t) - 2.0, cvStd - 0.5);
        }
        FrozenTrial unconstrained = trials.stream().max(Comparator.comparingDouble(FrozenTrial::value)).orElseThrow();
        FrozenTrial feasibleBest = trials.stream().filter(t -> depth(t) <= 2)
                .max(Comparator.comparingDouble(FrozenTrial::value)).orElseThrow();
        assertThat(depth(unconstrained)).as("precondition: without the constraint a deeper tree would be best")
                .isGreaterThan(2);
        assertThat(unconstrained.value()).isGreaterThan(feasibleBest.value());
        assertThat(run.out()).contains("4 violating a constraint").contains("Best trials:");

        CliRun best = CliRun.of(wiring, "best", "constrained", "--format", "csv");
        assertThat(best.code()).as(best.err()).isZero();
        assertThat(best.out().lines().skip(1).findFirst().orElseThrow()).startsWith(feasibleBest.number() + ",");
        CliRun listed = CliRun.of(wiring, "trials", "constrained", "--format", "csv");
        assertThat(listed.out().lines().findFirst().orElseThrow()).contains(",feasible,");
        assertThat(listed.out().lines().filter(l -> l.contains(",false,"))).hasSize(4);

        CliRun studies = CliRun.of(wiring, "studies", "--format", "csv");
        assertThat(studies.out().lines().findFirst().orElseThrow()).endsWith(",infeasible,best");
        String line = studies.out().lines().filter(l -> l.startsWith("constrained")).findFirst().orElseThrow();
        assertThat(line).endsWith(",4," + feasibleBest.value());
    }

    @Test
    void aDryRunShowsTheConstraintsBesideTheObjective(@TempDir Path dir) throws Exception {
        var wiring = CliRun.wiring(FixedDeviceInventory.cpuOnly(2), new InMemoryStorage(), new TribuoTrainers());

        CliRun r = CliRun.of(wiring, "run", "--dry-run", studyFile(dir, "constraints: ['cv_mean >= 0.5', cv_std]\n").toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("objective  maximize accuracy subject to cv_mean >= 0.5, cv_std <= 0");
    }

    @Test
    void aMalformedConstraintIsInvalidInputNamingTheField(@TempDir Path dir) throws Exception {
        var wiring = CliRun.wiring(FixedDeviceInventory.cpuOnly(2), new InMemoryStorage(), new TribuoTrainers());

        CliRun r = CliRun.of(wiring, "run", studyFile(dir, "constraints: ['cv_std < 0.05']\n").toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("constraints[0]").contains("got 'cv_std < 0.05'").doesNotContain("at io.tunelab");
    }

    @Test
    void whenEveryTrialViolatesAConstraintThereIsNoBestAndBestSaysWhy(@TempDir Path dir) throws Exception {
        InMemoryStorage storage = new InMemoryStorage();
        var wiring = CliRun.wiring(FixedDeviceInventory.cpuOnly(2), storage, new TribuoTrainers());

        CliRun run = CliRun.of(wiring, "run", studyFile(dir, "constraints: 'cv_mean >= 2'\n").toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(complete(storage)).hasSize(6).noneMatch(Constraints::isFeasible);
        assertThat(run.out()).contains("6 violating a constraint")
                .contains("No best trial: every COMPLETE trial violates a constraint").doesNotContain("Best trials:");
        CliRun best = CliRun.of(wiring, "best", "constrained");
        assertThat(best.code()).isEqualTo(2);
        assertThat(best.err()).contains("study 'constrained' has no feasible trial: all 6 COMPLETE trials violate a constraint")
                .doesNotContain("at io.tunelab");
    }

    @Test
    void aConstraintOnANameTheTrainerDoesNotReportIsInvalidInputBeforeAnyTrialRuns(@TempDir Path dir) throws Exception {
        InMemoryStorage storage = new InMemoryStorage();
        var wiring = CliRun.wiring(FixedDeviceInventory.cpuOnly(2), storage, new TribuoTrainers());
        Path file = studyFile(dir, "constraints: ['cv_sdt <= 0.1']\n");

        CliRun dry = CliRun.of(wiring, "run", "--dry-run", file.toString());
        CliRun run = CliRun.of(wiring, "run", file.toString());

        for (CliRun r : List.of(dry, run)) {
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("constraints[0]: tribuo-cart trials report no metric or numeric user attribute"
                    + " 'cv_sdt'; expected one of accuracy, cv_fold_score, cv_mean, cv_std (did you mean 'cv_std'?)")
                    .doesNotContain("at io.tunelab");
        }
        assertThat(storage.findStudy("constrained")).isEmpty();
    }

    @Test
    void promotingAStudyWhoseTrialsAllViolateAConstraintNamesNoBestTrial(@TempDir Path dir) throws Exception {
        String storage = dir.resolve("tracker").toString();
        CliInvocation.Result run = CliInvocation.tunelab("run", studyFile(dir, "constraints: 'cv_mean >= 2'\n").toString(),
                "--storage", storage);
        assertThat(run.code()).as(run.err()).isZero();

        CliInvocation.Result promote = CliInvocation.tunelab("promote", "constrained", "--model", "m", "--alias", "production",
                "--storage", storage);

        assertThat(promote.code()).isEqualTo(2);
        assertThat(promote.err()).contains("study 'constrained' has no feasible trial to promote: all 6 COMPLETE trials"
                + " violate a constraint; name one with --trial").doesNotContain("at io.tunelab");
    }
}
