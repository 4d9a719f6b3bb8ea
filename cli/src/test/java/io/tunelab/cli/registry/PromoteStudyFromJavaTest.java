package io.tunelab.cli.registry;

import static io.tunelab.cli.CliInvocation.tunelab;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.CliInvocation;
import io.tunelab.cli.wiring.TestCsv;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.tracker.registry.ModelVersion;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code promote} of a study run from Java, which has no study file: the best trial's model is the file its MLmodel
 * names, registered and aliased as for any study; a trial that logged no MLmodel is named with how to log one.
 */
@Timeout(300)
class PromoteStudyFromJavaTest {
    @TempDir
    Path dir;

    @Test
    void promotingAStudyRunFromJavaRegistersTheFileItsBestTrialsMlmodelNames() throws Exception {
        Path tracker = dir.resolve("tracker");
        Path data = TestCsv.noisyClasses(dir, 150);
        JavaRegistration.runTribuo(tracker, "classes", data);

        CliInvocation.Result r = tunelab("promote", "classes", "--model", "m", "--storage", tracker.toString());

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Registered m v1 from trial 0 of study 'classes'.")
                .contains("Alias 'production' now points at v1.");
        try (Tracker t = Tracker.open(TrackerConfig.inDirectory(tracker))) {
            ModelVersion production = t.registry().resolve("m", "production").orElseThrow();
            assertThat(production.source().artifact().name()).isEqualTo("model.tribuo");
        }
        CliInvocation.Result predicted = tunelab("predict", "m@production", "--input", data.toString(),
                "--storage", tracker.toString());
        assertThat(predicted.code()).as(predicted.err()).isZero();
        assertThat(predicted.out().lines().count()).isEqualTo(151);
    }

    @Test
    void aGateOnAStudyRunFromJavaIsRefusedForWantOfATestSetAndNothingIsRegistered() throws Exception {
        Path tracker = dir.resolve("tracker");
        JavaRegistration.runTribuo(tracker, "classes", TestCsv.noisyClasses(dir, 150));

        CliInvocation.Result r = tunelab("promote", "classes", "--model", "m", "--gate", "mcnemar",
                "--storage", tracker.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--gate mcnemar compares the models on the test set of the study file")
                .contains("promote without --gate").doesNotContain("\tat ");
        try (Tracker t = Tracker.open(TrackerConfig.inDirectory(tracker))) {
            assertThat(t.registry().findModel("m")).isEmpty();
        }
    }

    @Test
    void promotingATrialThatLoggedNoModelNamesTheTrialTheMissingFileAndHowToLogOne() {
        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(dir))) {
            Study.builder("from-java").storage(tracker.storage()).createOrLoad()
                    .optimize(t -> t.suggestFloat("x", 0, 1), OptimizeOptions.trials(1));
        }

        CliInvocation.Result r = tunelab("promote", "from-java", "--model", "m", "--storage", dir.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("trial 0 of study 'from-java' has no model to load: it logged no 'MLmodel' file")
                .contains("DjlObjective, TribuoObjective").contains("new ModelFormat(FLAVOR, \"MODEL_FILE\", Map.of())"
                        + ".log(tracker.storage(), ")
                .doesNotContain("\tat ");
    }
}
