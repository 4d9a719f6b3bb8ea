package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.wiring.ForwardingTrainerFactory;
import io.tunelab.cli.wiring.TrainerFactory;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.Objective;
import io.tunelab.search.trial.TrialState;
import io.tunelab.spec.StudySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Workers already running see a budget that {@code tunelab create} raises or lowers on the shared storage. */
@Timeout(300)
class WorkerBudgetChangeTest {
    private static final String FILE = """
            study: shared
            direction: maximize
            metric: accuracy
            sampler: {type: random, seed: 5}
            budget: {trials: %d}
            trainer: tribuo-cart
            data: {dataset: synthetic-classification, samples: 100, classes: 2, seed: 1}
            space:
              max_depth: {int: [1, 6]}
            """;

    private final InMemoryStorage storage = new InMemoryStorage();
    /** Runs once, inside trial 0 of the study: while every worker is still running. */
    private volatile Runnable duringTrialZero = () -> { };

    private final Wiring wiring = CliRun.wiring(storage, new DefaultWiring().trainers().stream().map(this::hooked).toList());

    private TrainerFactory hooked(TrainerFactory real) {
        return new ForwardingTrainerFactory(real) {
            @Override
            public Objective create(StudySpec spec) {
                Objective trained = delegate.create(spec);
                return trial -> {
                    if (trial.number() == 0) {
                        duringTrialZero.run();
                    }
                    return trained.evaluate(trial);
                };
            }
        };
    }

    private int tunelab(String... args) {
        CliRun run = CliRun.of(wiring, args);
        assertThat(run.code()).as(run.err()).isZero();
        return run.code();
    }

    private void createWithBudget(Path file, int trials) throws Exception {
        Files.writeString(file, FILE.formatted(trials));
        tunelab("create", file.toString(), "--storage", "memory:");
    }

    private void changeBudgetDuringTrialZero(Path file, int trials) {
        duringTrialZero = () -> {
            try {
                createWithBudget(file, trials);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private void runWorkers(int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            workers.add(pool.submit(() -> tunelab("worker", "--study", "shared", "--storage", "memory:", "--slots", "cpu:0")));
        }
        for (Future<Integer> w : workers) {
            w.get(4, TimeUnit.MINUTES);
        }
        pool.shutdown();
    }

    private int trials() {
        return storage.trials(storage.findStudy("shared").orElseThrow().id(), EnumSet.allOf(TrialState.class)).size();
    }

    @Test
    void aBudgetRaisedWhileTwoWorkersRunIsRunToItsNewEndByThem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("shared.yaml");
        createWithBudget(file, 2);
        changeBudgetDuringTrialZero(file, 5);

        runWorkers(2);

        assertThat(trials()).isEqualTo(5);
    }

    @Test
    void aBudgetLoweredWhileAWorkerRunsStopsItClaimingMoreAfterItsCurrentTrial(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("shared.yaml");
        createWithBudget(file, 6);
        changeBudgetDuringTrialZero(file, 2);

        runWorkers(1);

        assertThat(trials()).isEqualTo(2);
    }
}
