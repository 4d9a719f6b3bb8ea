package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.run.StudyRunner;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerCommandTest {
    private final InMemoryStorage storage = new InMemoryStorage();
    private final Wiring wiring = CliRun.wiring(storage, new DefaultWiring().trainers());

    private CliRun tunelab(String... args) {
        return CliRun.of(wiring, args);
    }

    @Test
    void workersSharingAStudyRunExactlyItsBudgetBetweenThem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("shared.yaml");
        Files.writeString(file, """
                study: shared
                direction: maximize
                metric: accuracy
                sampler: {type: tpe, seed: 5, startup_trials: 3}
                budget: {trials: 12}
                trainer: tribuo-cart
                data: {dataset: synthetic-classification, samples: 200, classes: 2, seed: 1}
                space:
                  max_depth: {int: [1, 6]}
                """);
        CliRun created = tunelab("create", file.toString(), "--storage", "memory:");
        assertThat(created.code()).as(created.err()).isZero();
        assertThat(created.out()).contains("Created study 'shared'").contains("tunelab worker --storage memory: --study shared");
        assertThat(storage.trials(storage.findStudy("shared").orElseThrow().id(), java.util.EnumSet.allOf(TrialState.class)))
                .isEmpty();

        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<CliRun>> workers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            workers.add(pool.submit(() -> tunelab("worker", "--study", "shared", "--slots", "cpu:0")));
        }
        for (Future<CliRun> w : workers) {
            CliRun r = w.get(5, TimeUnit.MINUTES);
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("Worker done");
        }
        pool.shutdown();
        Study study = Study.builder("shared").storage(storage).direction(io.tunelab.search.trial.Direction.MAXIMIZE).load();
        assertThat(study.trials()).hasSize(12).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
        assertThat(study.trials()).extracting(FrozenTrial::number).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 12).boxed().toList());
    }

    @Test
    void createOnAnExistingStudyChangesTheBudgetThatWorkersJoiningItThenRun(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lowered.yaml");
        String text = """
                study: lowered
                direction: maximize
                metric: accuracy
                sampler: {type: random, seed: 5}
                budget: {trials: %d}
                trainer: tribuo-cart
                data: {dataset: synthetic-classification, samples: 200, classes: 2, seed: 1}
                space:
                  max_depth: {int: [1, 6]}
                """;
        Files.writeString(file, text.formatted(1000));
        assertThat(tunelab("create", file.toString(), "--storage", "memory:").code()).isZero();
        Files.writeString(file, text.formatted(3));
        CliRun updated = tunelab("create", file.toString(), "--storage", "memory:");
        assertThat(updated.code()).as(updated.err()).isZero();
        assertThat(updated.out()).contains("Updated study 'lowered'").contains("budget 3 trials");

        CliRun worker = tunelab("worker", "--study", "lowered", "--slots", "cpu:0");
        assertThat(worker.code()).as(worker.err()).isZero();
        Study study = Study.builder("lowered").storage(storage).direction(io.tunelab.search.trial.Direction.MAXIMIZE).load();
        assertThat(study.trials()).hasSize(3).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
    }

    @Test
    void aWorkersSlotErrorsNameTheSlotsOptionItWasGiven(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("slots.yaml"), """
                study: slots
                direction: maximize
                metric: accuracy
                budget: {trials: 1}
                trainer: tribuo-cart
                data: {dataset: synthetic-classification, samples: 100, classes: 2, seed: 1}
                space:
                  max_depth: {int: [1, 6]}
                """);
        assertThat(tunelab("create", file.toString(), "--storage", "memory:").code()).isZero();

        CliRun missingGpu = tunelab("worker", "--study", "slots", "--slots", "cpu:0,gpu:97");
        CliRun misspelt = tunelab("worker", "--study", "slots", "--slots", "cpu0");

        assertThat(missingGpu.code()).isNotZero();
        assertThat(missingGpu.err()).contains("--slots: slot gpu:97 names GPU 97").doesNotContain("parallel.devices");
        assertThat(misspelt.code()).isNotZero();
        assertThat(misspelt.err()).contains("'--slots'").contains("'cpu0'").contains("expected slots such as cpu:0,cpu:1");
    }

    private static final String BAD_FOR_ITS_TRAINER = """
            study: bad
            direction: maximize
            metric: accuracy
            budget: {trials: 3}
            trainer: tribuo-cart
            data: {dataset: synthetic-classification, samples: 200, classes: 40}
            space:
              max_depth: {int: [0, 6]}
            """;

    @Test
    void createPrintsEveryProblemOfTheFileAtItsPositionAsRunDoes(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), BAD_FOR_ITS_TRAINER);

        CliRun created = tunelab("create", file.toString(), "--storage", "memory:");

        assertThat(created.code()).isEqualTo(2);
        assertThat(created.err().lines().toList()).containsExactly(
                file + ":6:57: data.classes: expected a whole number from 2 to 16, got 40",
                file + ":8:3: space.max_depth: tribuo-cart (classification) cannot read 0 (of int[0, 6]): 'max_depth' must"
                        + " be >= 1",
                "2 problems in " + file + " for its trainer; nothing was created");
        assertThat(storage.findStudy("bad")).isEmpty();

        Files.writeString(file, BAD_FOR_ITS_TRAINER.replace("budget: {trials: 3}", "budget: {trials: -3}"));
        assertThat(tunelab("create", file.toString(), "--storage", "memory:").err()).startsWith(file + ":4:")
                .contains("1 problem in " + file + "; nothing was created");
    }

    @Test
    void aWorkerPrintsEveryProblemOfTheStoredStudyFileAtItsPosition() {
        Study study = Study.builder("bad").storage(storage).create();
        storage.setStudySystemAttr(study.studyId(), StudyRunner.STUDY_FILE, BAD_FOR_ITS_TRAINER);

        CliRun r = tunelab("worker", "--study", "bad", "--slots", "cpu:0");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().toList()).containsExactly(
                "study file of 'bad':6:57: data.classes: expected a whole number from 2 to 16, got 40",
                "study file of 'bad':8:3: space.max_depth: tribuo-cart (classification) cannot read 0 (of int[0, 6]):"
                        + " 'max_depth' must be >= 1",
                "2 problems in the study file stored with 'bad'; no trial was run");
        assertThat(study.trials()).isEmpty();

        storage.setStudySystemAttr(study.studyId(), StudyRunner.STUDY_FILE,
                BAD_FOR_ITS_TRAINER.replace("budget: {trials: 3}", "budget: {trials: -3}").replace("metric: accuracy\n", ""));
        CliRun invalid = tunelab("worker", "--study", "bad", "--slots", "cpu:0");
        assertThat(invalid.code()).isEqualTo(2);
        assertThat(invalid.err().lines().toList()).containsExactly("study file of 'bad':1:1: metric: is required",
                "study file of 'bad':3:18: budget.trials: must be an integer from 1 to 10000000, got -3",
                "2 problems in the study file stored with 'bad'; no trial was run");
    }

    @Test
    void joiningAnUnknownStudyIsInvalidInput() {
        CliRun r = tunelab("worker", "--study", "ghost");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no study named 'ghost'").contains("tunelab create");
    }

    @Test
    void joiningAnUnknownStudyNamesTheStorageWithoutItsPassword() {
        CliRun r = tunelab("worker", "--study", "ghost", "--storage", "jdbc:postgresql://db/tunelab?user=ann&password=s3cret");
        assertThat(r.err()).contains("no study named 'ghost' in jdbc:postgresql://db/tunelab?user=ann&password=***")
                .doesNotContain("s3cret");
    }

    @Test
    void aStudyWithoutAStudyFileCannotBeJoined() {
        Study.builder("api-only").storage(storage).create();
        CliRun r = tunelab("worker", "--study", "api-only");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("has no study file");
    }
}
