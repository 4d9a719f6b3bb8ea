package io.tunelab.cli.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunelab.cli.query.Commands.Result;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.TrialPrunedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tunelab trial STUDY NUMBER}: one trial's whole record. */
class TrialCommandTest {
    private static final InMemoryStorage STORAGE = new InMemoryStorage();

    @TempDir
    static Path dir;


    @BeforeAll
    static void fillStorage() throws IOException {
        Path model = Files.writeString(dir.resolve("model.txt"), "weights");
        Study study = Study.builder("mlp").storage(STORAGE).direction(Direction.MAXIMIZE).seed(1).create();
        study.optimize(trial -> {
            double lr = trial.suggestFloat("lr", 1e-4, 1e-1);
            trial.setUserAttr("epochs_run", 3);
            trial.setUserAttr("stop_reason", "early_stopping");
            trial.setUserAttr("test_evaluation", Map.of("accuracy", 0.8, "n", 100));
            for (int epoch = 0; epoch < 3; epoch++) {
                trial.log("val_accuracy", epoch, 0.5 + 0.1 * epoch);
                trial.report(epoch, 0.5 + 0.1 * epoch);
            }
            if (trial.number() == 1) {
                throw new TrialPrunedException();
            }
            trial.logArtifact("model.txt", model);
            return 0.7;
        }, OptimizeOptions.trials(2).withParallelism(1));
    }

    private static Result run(String... args) {
        return Commands.run(STORAGE, args);
    }

    @Test
    void aTrialShowsItsStateValuesParamsAttrsSeriesAndArtifacts() {
        Result r = run("trial", "mlp", "0");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("state").contains("COMPLETE").contains("value").contains("0.7")
                .contains("param:lr").contains("user:epochs_run").contains("user:stop_reason")
                .contains("early_stopping").contains("user:test_evaluation").contains("\"accuracy\":0.8")
                .contains("system:sampler").contains("intermediate").contains("3 reported, last at step 2")
                .contains("metric:val_accuracy").contains("at step 2 (3 points").contains("artifact:model.txt")
                .contains("7 bytes");
        assertThat(r.out().lines().filter(l -> l.startsWith("number") || l.startsWith("value")))
                .as("values are left-aligned, not padded to the widest").allSatisfy(l -> assertThat(l).hasSizeLessThan(40));
    }

    @Test
    void aPrunedTrialShowsItsState() {
        Result r = run("trial", "mlp", "1");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("PRUNED").doesNotContain("artifact:");
    }

    /** Fails deep in its own code with an exception that has no message. */
    private static double failDeepDown(int depth) {
        if (depth == 0) {
            throw new IllegalStateException();
        }
        return failDeepDown(depth - 1);
    }

    @Test
    void aFailedTrialShowsItsStackTraceOnlyWithTraceOrDebugAndOtherwiseSaysItExists() {
        Study study = Study.builder("failing").storage(STORAGE).create();
        study.optimize(trial -> failDeepDown(2), OptimizeOptions.trials(1).withParallelism(1));

        Result plain = run("trial", "failing", "0");
        Result traced = run("trial", "failing", "0", "--trace");
        Result debug = run("--debug", "trial", "failing", "0");

        assertThat(plain.code()).as(plain.err()).isZero();
        assertThat(plain.out()).contains("message").contains("IllegalStateException").doesNotContain("\tat io.tunelab")
                .contains("(the trial's stack trace is stored: show it with --trace)");
        for (Result r : List.of(traced, debug)) {
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("Stack trace (system:fail_trace):\njava.lang.IllegalStateException\n"
                            + "\tat io.tunelab.cli.query.TrialCommandTest.failDeepDown(TrialCommandTest.java:")
                    .doesNotContain("system:fail_trace  ").doesNotContain("show it with --trace");
        }
        assertThat(run("trial", "failing", "0", "--format", "json").out()).contains("\"fail_trace\" : \"java.lang.Illegal");
    }

    @Test
    void aLongMessageIsShownWholeWrappedOverRows() {
        String message = "training diverged: the loss became NaN at epoch 3; " + "try a smaller learning rate ".repeat(8)
                + "or gradient clipping (END)";
        Study study = Study.builder("diverging").storage(STORAGE).create();
        study.optimize(trial -> {
            throw new IllegalArgumentException(message);
        }, OptimizeOptions.trials(1).withParallelism(1));

        Result r = run("trial", "diverging", "0");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("or gradient clipping (END)").doesNotContain("...");
        assertThat(r.out().lines().filter(l -> l.contains("try a smaller"))).hasSizeGreaterThan(1)
                .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(TrialCommand.MESSAGE_WIDTH + 20));
        assertThat(TrialCommand.wrap("a bb ccc\ndd", 4)).containsExactly("a bb", "ccc", "dd");
    }

    @Test
    void jsonIsTheWholeRecord() throws IOException {
        Result r = run("trial", "mlp", "0", "--format", "json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode t = new ObjectMapper().readTree(r.out());
        assertThat(t.get("study").asText()).isEqualTo("mlp");
        assertThat(t.get("number").asInt()).isZero();
        assertThat(t.get("state").asText()).isEqualTo("COMPLETE");
        assertThat(t.get("values").get(0).asDouble()).isEqualTo(0.7);
        assertThat(t.get("params").has("lr")).isTrue();
        assertThat(t.get("distributions").get("lr").get("type").asText()).isEqualTo("float");
        assertThat(t.get("userAttrs").get("test_evaluation").get("n").asInt()).isEqualTo(100);
        assertThat(t.get("systemAttrs").has("sampler")).isTrue();
        assertThat(t.get("intermediateValues").size()).isEqualTo(3);
        assertThat(t.get("metrics").get("val_accuracy").get("points").asInt()).isEqualTo(3);
        assertThat(t.get("metrics").get("val_accuracy").get("lastStep").asInt()).isEqualTo(2);
        assertThat(t.get("artifacts")).hasSize(1);
        assertThat(t.get("artifacts").get(0).get("name").asText()).isEqualTo("model.txt");
    }

    @Test
    void aMissingTrialNumberOrStudyIsOneLineNamingIt() {
        Result trial = run("trial", "mlp", "7");
        Result study = run("trial", "nope", "0");

        assertThat(trial.code()).isEqualTo(2);
        assertThat(trial.err()).contains("study 'mlp' has no trial number 7; its trials are numbered 0 to 1");
        assertThat(trial.err().lines()).hasSize(1);
        assertThat(study.code()).isEqualTo(2);
        assertThat(study.err()).contains("no study named 'nope'");
        assertThat(List.of(study.out(), trial.out())).containsOnly("");
    }
}
