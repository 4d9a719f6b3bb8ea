package io.tunelab.cli.registry;

import static io.tunelab.cli.CliInvocation.tunelab;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.CliInvocation;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code promote} of a study run from Java, which has no study file, says how such a study registers its models. */
class PromoteStudyFromJavaTest {
    @TempDir
    Path dir;

    @Test
    void promotingAStudyRunFromJavaPointsToTheRegistryOfTheJavaApi() {
        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(dir))) {
            Study.builder("from-java").storage(tracker.storage()).createOrLoad()
                    .optimize(t -> t.suggestFloat("x", 0, 1), OptimizeOptions.trials(1));
        }

        CliInvocation.Result r = tunelab("promote", "from-java", "--model", "m", "--storage", dir.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("has no study file").contains("Tracker.registry().createVersion")
                .contains("Registering a model from Java").doesNotContain("\tat ");
    }
}
