package io.tunelab.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.liveness.RetryPolicy;
import io.tunelab.tracker.server.ServerOptions;
import io.tunelab.tracker.server.TrackerServer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The Java API on Spark in local mode (two task threads) against a loopback {@code tunelab server}. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SparkStudyRunnerTest {
    @TempDir
    static Path dir;
    private static TrackerServer server;
    private static JavaSparkContext spark;

    @BeforeAll
    static void start() {
        server = TrackerServer.start(ServerOptions.loopback(dir.resolve("server")).withReapEvery(null));
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("SparkStudyRunnerTest"));
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
        if (server != null) {
            server.close();
        }
    }

    private static SparkStudy quadratic(String name, int trials) {
        return new SparkStudy(ServedStorage.of(server), storage -> Study.builder(name).storage(storage)
                .direction(Direction.MINIMIZE).seed(7).createOrLoad(), trials);
    }

    @Test
    void twentyTrialsOnTwoTasksAreNumberedZeroToNineteenAndAllComplete() {
        List<FrozenTrial> trials = new SparkStudyRunner(spark).optimize(quadratic("quadratic", 20),
                plan -> trial -> {
                    double x = trial.suggestFloat("x", -3, 3);
                    return x * x;
                }, 2);

        assertThat(trials).extracting(FrozenTrial::number).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, 20).boxed().toList());
        assertThat(trials).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
    }

    @Test
    void theTasksReapATrialWhoseWorkerDiedWithinTheStudysRetryLimit() {
        SparkStudy never = quadratic("never-retried", 3).withRetries(new RetryPolicy(0));
        try (TrialStorage dead = never.storage().open()) {
            dead.createRunningTrial(never.study().createOrLoad(dead).studyId()); // its heartbeats stop at close
        }

        List<FrozenTrial> trials = new SparkStudyRunner(spark).optimize(never, plan -> trial -> {
            double x = trial.suggestFloat("x", -3, 3);
            return x * x;
        }, 2);

        assertThat(trials).extracting(FrozenTrial::number).containsExactlyInAnyOrder(0, 1, 2);
        FrozenTrial dead = trials.stream().filter(t -> t.number() == 0).findFirst().orElseThrow();
        assertThat(dead.state()).isEqualTo(TrialState.FAIL);
        assertThat(dead.message()).isEqualTo("stale: worker stopped responding; not retried (max_retries 0)");
        assertThat(trials).allSatisfy(t -> assertThat(t.systemAttrs()).doesNotContainKey(TrialStorage.RETRY_OF));
        assertThat(quadratic("any", 1).retries()).as("the default").isEqualTo(RetryPolicy.DEFAULT);
    }

    @Test
    void anObjectiveFactoryThatCannotBeSerialisedIsRefusedBeforeSparkRunsAnything() {
        Object lock = new Object();
        ObjectiveFactory holdsALock = plan -> trial -> {
            synchronized (lock) {
                return trial.suggestFloat("x", 0, 1);
            }
        };

        assertThatThrownBy(() -> new SparkStudyRunner(spark).optimize(quadratic("unsent", 3), holdsALock, 2))
                .isInstanceOf(SparkStudyException.class)
                .hasMessageStartingWith("objectiveFactory: Spark sends it to every executor, so it must be serialisable")
                .hasMessageContaining("java.lang.Object");
        assertThat(server.storage().findStudy("unsent")).as("nothing was created").isEmpty();
    }
}
