package io.tunelab.cli.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.TunelabCommand;
import io.tunelab.cli.wiring.TestCsv;
import io.tunelab.cli.wiring.TribuoTrainers;
import io.tunelab.dashboard.data.PromoteRequest;
import io.tunelab.dashboard.data.PromoteResult;
import io.tunelab.dashboard.data.TrackerDashboardData;
import io.tunelab.dashboard.data.TrackerPorts;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's promote action goes through the same gate as {@code tunelab promote}. */
class DashboardPromoterTest {

    @Test
    void aWorseTrialIsNeitherRegisteredNorGivenTheAliasAndTheVerdictIsShown(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, """
                study: gated
                direction: maximize
                metric: accuracy
                sampler: {type: random, seed: 3}
                budget: {trials: 6}
                trainer: tribuo-cart
                data: {dataset: synthetic-classification, samples: 600, classes: 3, seed: 5}
                space:
                  max_depth: {int: [1, 10]}
                """);
        Path storage = dir.resolve("tracker");
        assertThat(TunelabCommand.commandLine().execute("run", file.toString(), "--storage", storage.toString())).isZero();

        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(storage))) {
            long study = tracker.storage().findStudy("gated").orElseThrow().id();
            List<FrozenTrial> byValue = tracker.storage().trials(study, EnumSet.of(TrialState.COMPLETE)).stream()
                    .sorted(Comparator.comparingDouble(FrozenTrial::value)).toList();
            DashboardPromoter promoter = new DashboardPromoter(tracker, List.of(new TribuoTrainers()), "mcnemar", 0.95);
            TrackerDashboardData data = new TrackerDashboardData(new TrackerPorts(tracker.storage(), tracker.queries(),
                    tracker.changes(), tracker.metrics(), tracker.registry(),
                    tracker.artifacts()), promoter);
            promoter.viewsFrom(data);

            PromoteResult best = data.promote(new PromoteRequest("cart", "production", null,
                    byValue.get(byValue.size() - 1).id(), "", "tester"));
            assertThat(best.moved()).isTrue();
            assertThat(best.version().version()).isEqualTo(1);

            PromoteResult worst = data.promote(new PromoteRequest("cart", "production", null, byValue.get(0).id(),
                    "", "tester"));
            assertThat(worst.moved()).isFalse();
            assertThat(worst.version()).as("the gate said no: nothing registered").isNull();
            assertThat(tracker.registry().versions("cart")).hasSize(1);
            assertThat(worst.gate().passed()).isFalse();
            assertThat(worst.gate().message()).contains("McNemar");
            assertThat(tracker.registry().resolve("cart", "production").orElseThrow().version()).isEqualTo(1);
        }
    }

    @Test
    void aTrialOfAStudyRunFromJavaIsRegisteredWithTheModelFileItsMlmodelNamesWithoutAGate(@TempDir Path dir) throws Exception {
        Path storage = dir.resolve("tracker");
        JavaRegistration.runTribuo(storage, "classes", TestCsv.noisyClasses(dir, 150));

        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(storage))) {
            long study = tracker.storage().findStudy("classes").orElseThrow().id();
            FrozenTrial trial = tracker.storage().trials(study, EnumSet.of(TrialState.COMPLETE)).get(0);
            DashboardPromoter promoter = new DashboardPromoter(tracker, List.of(new TribuoTrainers()), "mcnemar", 0.95);
            TrackerDashboardData data = new TrackerDashboardData(new TrackerPorts(tracker.storage(), tracker.queries(),
                    tracker.changes(), tracker.metrics(), tracker.registry(), tracker.artifacts()), promoter);
            promoter.viewsFrom(data);

            PromoteResult result = data.promote(new PromoteRequest("classes-model", "production", null, trial.id(), "",
                    "tester"));

            assertThat(result.moved()).isTrue();
            assertThat(result.gate()).as("no study file, no test set to gate on").isNull();
            assertThat(result.version().source().artifact().name()).isEqualTo("model.tribuo");
        }
    }
}
