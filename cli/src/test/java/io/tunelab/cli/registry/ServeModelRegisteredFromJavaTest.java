package io.tunelab.cli.registry;

import static io.tunelab.cli.CliInvocation.freePort;
import static io.tunelab.cli.CliInvocation.tunelab;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunelab.cli.CliInvocation;
import io.tunelab.cli.wiring.TestCsv;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model registered from Java, as the README's "Registering a model from Java" shows (no study file), is served and
 * predicted with by its alias, as MLflow's {@code mlflow models serve -m models:/name@alias}: its trial's MLmodel file
 * names the loader.
 */
@Timeout(300)
class ServeModelRegisteredFromJavaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(int port, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/predict"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Starts {@code tunelab serve TARGET} in {@code pool} and waits (a minute at most) until it answers /health. */
    private int serve(ExecutorService pool, Path tracker, String target) throws Exception {
        int port = freePort();
        Future<CliInvocation.Result> serving = pool.submit(() -> tunelab("serve", target, "--port", String.valueOf(port),
                "--storage", tracker.toString()));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && !serving.isDone()) {
            try {
                if (get(port, "/health").statusCode() == 200) {
                    return port;
                }
            } catch (java.io.IOException notYet) {
                // the server is still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server did not start: " + (serving.isDone() ? serving.get() : "timeout"));
    }

    /** Trains a network from Java, registers its trial's {@code artifact} and predicts its data with the CLI. */
    private CliInvocation.Result registerDjlAndPredict(String artifact) {
        Path tracker = dir.resolve("tracker");
        Path data = JavaRegistration.regressionCsv(dir);
        JavaRegistration.runDjl(tracker, "binh", data);
        JavaRegistration.register(tracker, "binh", "binh-model", artifact);
        return tunelab("predict", "binh-model@production", "--input", data.toString(), "--storage", tracker.toString());
    }

    @Test
    void aDjlNetworkRegisteredFromJavaIsServedByItsAliasWithItsSignature() throws Exception {
        Path tracker = dir.resolve("tracker");
        JavaRegistration.runDjl(tracker, "binh", JavaRegistration.regressionCsv(dir));
        JavaRegistration.register(tracker, "binh", "binh-model", "best-0000.params");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            int port = serve(pool, tracker, "binh-model@production");

            HttpResponse<String> ok = post(port, "{\"instances\": [{\"x1\": 0.5, \"x2\": -1, \"x3\": 0.2}]}");
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            assertThat(JSON.readTree(ok.body()).get("predictions").get(0).get("value").isNumber()).isTrue();
            JsonNode metadata = JSON.readTree(get(port, "/metadata").body());
            assertThat(metadata.get("task").asText()).isEqualTo("regression");
            assertThat(metadata.get("inputs").get("columns").findValuesAsText("name")).containsExactly("x1", "x2", "x3");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDjlNetworkRegisteredFromJavaPredictsACsvFileThroughTheCli() {
        CliInvocation.Result r = registerDjlAndPredict("best-0000.params");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst()).hasValue("x1,x2,x3,y,prediction");
        assertThat(r.out().lines().count()).isEqualTo(201);
        assertThat(JavaRegistration.mlmodel(dir.resolve("tracker"), "binh").trainer()).as("the trainer beside the flavor")
                .isEqualTo("djl-mlp");
    }

    @Test
    void aTribuoModelRegisteredFromJavaPredictsItsClassesThroughTheCli() throws Exception {
        Path tracker = dir.resolve("tracker");
        Path data = TestCsv.noisyClasses(dir, 150);
        JavaRegistration.runTribuo(tracker, "classes", data);
        JavaRegistration.register(tracker, "classes", "classes-model", "model.tribuo");

        CliInvocation.Result r = tunelab("predict", "classes-model@1", "--input", data.toString(),
                "--storage", tracker.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow()).endsWith(",y,prediction,probability_c0,probability_c1,probability_c2");
        assertThat(r.out().lines().skip(1).map(l -> l.split(",")[17])).hasSize(150).allMatch(c -> c.matches("c[012]"));
        assertThat(JavaRegistration.mlmodel(tracker, "classes").trainer()).isEqualTo("tribuo-xgboost");
    }

    @Test
    void aVersionWhoseTrialLoggedNoMlmodelIsPredictedWithTheTrainerWhoseModelFileItHolds() throws Exception {
        Path tracker = dir.resolve("tracker");
        Path data = TestCsv.noisyClasses(dir, 150);
        JavaRegistration.runTribuo(tracker, "classes", data);
        JavaRegistration.forgetMlmodel(tracker, "classes");
        JavaRegistration.register(tracker, "classes", "classes-model", "model.tribuo");

        CliInvocation.Result r = tunelab("predict", "classes-model@1", "--input", data.toString(),
                "--storage", tracker.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().skip(1).map(l -> l.split(",")[17])).hasSize(150).allMatch(c -> c.matches("c[012]"));
    }

    @Test
    void aVersionWhoseTrialLoggedNoMlmodelNorAModelFileOfATrainerNamesTheVersionTheFileAndTheCallThatLogsOne()
            throws Exception {
        Path tracker = dir.resolve("tracker");
        long trialId;
        try (io.tunelab.tracker.setup.Tracker t = io.tunelab.tracker.setup.Tracker.open(
                io.tunelab.tracker.setup.TrackerConfig.inDirectory(tracker))) {
            Path weights = java.nio.file.Files.writeString(dir.resolve("weights.bin"), "not a model a trainer saves");
            io.tunelab.search.study.Study.builder("own").storage(t.storage()).createOrLoad().optimize(trial -> {
                trial.logArtifact("weights.bin", weights);
                return 1.0;
            }, io.tunelab.search.study.OptimizeOptions.trials(1));
            trialId = t.storage().trials(t.storage().findStudy("own").orElseThrow().id(),
                    java.util.EnumSet.allOf(io.tunelab.search.trial.TrialState.class)).get(0).id();
        }
        JavaRegistration.register(tracker, "own", "own-model", "weights.bin");

        CliInvocation.Result r = tunelab("predict", "own-model@production", "--input", TestCsv.noisyClasses(dir, 5).toString(),
                "--storage", tracker.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("trial 0 of study 'own' (the source of own-model v1) has no model to load: it logged"
                        + " no 'MLmodel' file")
                .contains("none of its artifacts [weights.bin] is one of the model files the trainers here save")
                .contains("Log one for it: new ModelFormat(FLAVOR, \"weights.bin\", Map.of()).log(tracker.storage(), "
                        + trialId + "), FLAVOR one of ")
                .doesNotContain("\tat ");
    }

    @Test
    void aVersionPointingAtAnotherFileThanItsMlmodelNamesSaysWhichToRegister() {
        CliInvocation.Result r = registerDjlAndPredict("best.architecture.json");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("binh-model v1 points at the file 'best.architecture.json'")
                .contains("names 'best-0000.params' as the model").doesNotContain("\tat ");
    }
}
