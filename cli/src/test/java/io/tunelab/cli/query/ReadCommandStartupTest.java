package io.tunelab.cli.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.DefaultWiring;
import io.tunelab.cli.TunelabProcess;
import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.TrialState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands that only read the tracker ({@code studies}, {@code best}) start without Jackson's data binding: stored
 * JSON (attributes, distributions) is read by {@code UntypedJson}, and Jackson is loaded only to write JSON.
 * Jackson's start-up was a fifth of such a command's time.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ReadCommandStartupTest {
    @TempDir
    Path dir;

    @BeforeEach
    void aStudyWithAnAttributeAndACompleteTrial() {
        try (TrialStorage storage = new DefaultWiring().openStorage(dir.toString())) {
            long study = storage.createStudy("quick", List.of(Direction.MINIMIZE)).id();
            storage.setStudySystemAttr(study, "owner", "ada");
            long trial = storage.createRunningTrial(study).id();
            storage.setParam(trial, "lr", 0.01, FloatDistribution.logUniform(1e-4, 1e-1));
            storage.setParam(trial, "act", "relu", CategoricalDistribution.of("relu", "elu"));
            storage.setUserAttr(trial, "note", List.of(1, 2.5, "x"));
            storage.finishTrial(trial, TrialState.COMPLETE, List.of(0.25), null);
        }
    }

    private String classesLoadedBy(String... args) throws Exception {
        Process p = TunelabProcess.builder(List.of("-Xlog:class+load=info:stdout"), args).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void listingStudiesLoadsNoJacksonDataBinding() throws Exception {
        String out = classesLoadedBy("studies", "--storage", dir.toString());
        assertThat(out).contains("quick").doesNotContain("com.fasterxml.jackson.databind");
    }

    @Test
    void showingTheBestTrialReadsItsParametersWithoutJacksonDataBinding() throws Exception {
        String out = classesLoadedBy("best", "quick", "--storage", dir.toString());
        assertThat(out).contains("0.25").contains("relu").doesNotContain("com.fasterxml.jackson.databind");
    }
}
