package io.tunelab.dashboard.api;

import static io.tunelab.dashboard.api.ApiFixture.json;
import static io.tunelab.dashboard.api.ApiFixture.studyId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunelab.dashboard.SampleStudies;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.FailFast;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudiesApiTest {
    @TempDir
    static Path dir;
    static InMemoryStorage storage;

    @BeforeAll
    static void runStudies() {
        storage = ApiFixture.storage(dir);
    }

    @Test
    void studiesListShowsDirectionsCountsBestValueAndSampler() {
        ApiFixture.withServer(storage, client -> {
            JsonNode studies = json(client.get("/api/studies"), 200).get("studies");
            assertThat(studies).hasSize(3);
            JsonNode q = studies.get(0);
            assertThat(q.get("name").asText()).isEqualTo(SampleStudies.QUADRATIC);
            assertThat(q.get("directions").get(0).asText()).isEqualTo("MINIMIZE");
            assertThat(q.get("counts").get("COMPLETE").asInt()).isEqualTo(32);
            assertThat(q.get("counts").get("PRUNED").asInt()).isEqualTo(8);
            assertThat(q.get("sampler").asText()).isEqualTo("auto");
            assertThat(q.get("bestValues").get(0).asDouble()).isEqualTo(
                    storage.trials(q.get("id").asLong(), java.util.EnumSet.of(io.tunelab.search.trial.TrialState.COMPLETE))
                            .stream().mapToDouble(t -> t.value()).min().orElseThrow());
            assertThat(q.get("lastActivity").asLong()).isGreaterThanOrEqualTo(q.get("created").asLong());
        });
    }

    @Test
    void aStudyNamesItsObjectivesAfterTheMetricsOfItsStudyFileElseByNumber() {
        InMemoryStorage own = new InMemoryStorage();
        long named = own.createStudy("named", List.of(Direction.MAXIMIZE, Direction.MINIMIZE)).id();
        own.setStudySystemAttr(named, "study_file", "study: named\ndirection: [maximize, minimize]\n"
                + "metric: [val_accuracy, epoch_time]\ntrainer: djl-mlp\n");
        long one = own.createStudy("one", List.of(Direction.MINIMIZE)).id();
        own.setStudySystemAttr(one, "study_file", "study: one\nmetric: val_loss\n");
        long plain = own.createStudy("plain", List.of(Direction.MINIMIZE, Direction.MINIMIZE)).id();
        long mismatched = own.createStudy("mismatched", List.of(Direction.MINIMIZE, Direction.MINIMIZE)).id();
        own.setStudySystemAttr(mismatched, "study_file", "metric: loss\n");
        long broken = own.createStudy("broken", List.of(Direction.MINIMIZE, Direction.MINIMIZE)).id();
        own.setStudySystemAttr(broken, "study_file", "metric: [a, b\n");
        ApiFixture.withServer(own, client -> {
            assertThat(objectives(client, named)).containsExactly("val_accuracy", "epoch_time");
            assertThat(objectives(client, one)).containsExactly("val_loss");
            assertThat(objectives(client, plain)).containsExactly("objective 0", "objective 1");
            assertThat(objectives(client, mismatched)).containsExactly("objective 0", "objective 1");
            assertThat(objectives(client, broken)).containsExactly("objective 0", "objective 1");
            JsonNode summary = json(client.get("/api/studies/" + named), 200);
            assertThat(summary.get("directions").toString()).isEqualTo("[\"MAXIMIZE\",\"MINIMIZE\"]");
            assertThat(summary.get("created").isNumber()).as("the summary's fields as before").isTrue();
        });
    }

    private static List<String> objectives(io.javalin.testtools.HttpClient client, long study) {
        List<String> names = new ArrayList<>();
        json(client.get("/api/studies/" + study), 200).get("objectives").forEach(n -> names.add(n.asText()));
        return names;
    }

    @Test
    void aStudyStoppedByFailFastCarriesTheReasonItsPageShows() {
        InMemoryStorage own = new InMemoryStorage();
        Study study = Study.builder("fails-fast").storage(own).direction(Direction.MINIMIZE).create();
        study.optimize(trial -> {
            throw new IllegalStateException("no such file");
        }, OptimizeOptions.trials(10).withParallelism(1).withCallback(new FailFast(3)));

        ApiFixture.withServer(own, client -> {
            JsonNode stopped = json(client.get("/api/studies/" + study.studyId()), 200).get("attrs").get("stopped");
            assertThat(stopped.get("reason").asText())
                    .isEqualTo("the first 3 trials all failed with the same error: IllegalStateException: no such file");
        });
    }

    @Test
    void aStudysUserAttributesAreShownApartFromItsSystemAttributesWithoutTheirStoragePrefix() {
        InMemoryStorage own = new InMemoryStorage();
        Study study = Study.builder("attributed").storage(own).direction(Direction.MINIMIZE).create();
        study.setUserAttr("team", "vision");
        study.setUserAttr("dataset", Map.of("name", "fashion-mnist", "rows", 70000));
        study.optimize(trial -> trial.suggestFloat("x", 0, 1), OptimizeOptions.trials(1).withParallelism(1));

        ApiFixture.withServer(own, client -> {
            JsonNode summary = json(client.get("/api/studies/" + study.studyId()), 200);
            assertThat(summary.get("userAttrs").get("team").asText()).isEqualTo("vision");
            assertThat(summary.get("userAttrs").get("dataset").get("rows").asInt()).isEqualTo(70000);
            assertThat(fieldNames(summary.get("attrs"))).as("the system attributes").isNotEmpty()
                    .noneMatch(name -> name.contains("team") || name.contains("dataset"));

            long trialId = json(client.get("/api/studies/" + study.studyId() + "/trials"), 200).get("trials").get(0)
                    .get("id").asLong();
            JsonNode trial = json(client.get("/api/trials/" + trialId), 200);
            assertThat(fieldNames(trial.get("studyUserAttrs"))).containsExactly("team", "dataset");
            assertThat(fieldNames(trial.get("studyAttrs"))).noneMatch(name -> name.contains("team"));
        });
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void searchBoxFiltersStudiesByName() {
        ApiFixture.withServer(storage, client -> {
            JsonNode studies = json(client.get("/api/studies?q=PARE"), 200).get("studies");
            List<String> names = new ArrayList<>();
            studies.forEach(s -> names.add(s.get("name").asText()));
            assertThat(names).containsExactly(SampleStudies.PARETO);
        });
    }

    @Test
    void trialsArePagedByTheAfterCursor() {
        ApiFixture.withServer(storage, client -> {
            long id = studyId(client, SampleStudies.QUADRATIC);
            JsonNode first = json(client.get("/api/studies/" + id + "/trials?limit=15"), 200);
            assertThat(first.get("hasMore").asBoolean()).isTrue();
            assertThat(first.get("trials")).hasSize(15);
            JsonNode rest = json(client.get("/api/studies/" + id + "/trials?after=14&limit=100"), 200);
            assertThat(rest.get("hasMore").asBoolean()).isFalse();
            assertThat(rest.get("trials").get(0).get("number").asInt()).isEqualTo(15);
            assertThat(rest.get("trials")).hasSize(SampleStudies.QUADRATIC_TRIALS - 15);
            assertThat(rest.get("trials").get(0).get("slot").asText()).startsWith("cpu:");
        });
    }

    @Test
    void paretoFrontOfATwoObjectiveStudyHoldsOnlyNonDominatedTrials() {
        ApiFixture.withServer(storage, client -> {
            long id = studyId(client, SampleStudies.PARETO);
            JsonNode front = json(client.get("/api/studies/" + id + "/pareto"), 200).get("numbers");
            JsonNode trials = json(client.get("/api/studies/" + id + "/trials"), 200).get("trials");
            assertThat(front.size()).isBetween(1, 30);
            for (JsonNode n : front) {
                JsonNode member = trials.get(n.asInt());
                for (JsonNode other : trials) {
                    boolean dominates = other.get("values").get(0).asDouble() <= member.get("values").get(0).asDouble()
                            && other.get("values").get(1).asDouble() <= member.get("values").get(1).asDouble()
                            && (other.get("values").get(0).asDouble() < member.get("values").get(0).asDouble()
                            || other.get("values").get(1).asDouble() < member.get("values").get(1).asDouble());
                    assertThat(dominates).as("trial %s dominates front member %s", other.get("number"), n).isFalse();
                }
            }
        });
    }

    @Test
    void theParetoChartHoldsTheWholeFrontAndABoundedSampleOfTheRest() {
        ApiFixture.withServer(storage, client -> {
            long id = studyId(client, SampleStudies.PARETO);
            JsonNode front = json(client.get("/api/studies/" + id + "/pareto"), 200).get("numbers");
            JsonNode all = json(client.get("/api/studies/" + id + "/front"), 200);
            assertThat(all.get("front").get("number")).isEqualTo(front);
            assertThat(all.get("front").get("values").size()).isEqualTo(2);
            assertThat(all.get("front").get("values").get(1).size()).isEqualTo(front.size());
            assertThat(front.size() + all.get("dominatedCount").asInt() + all.get("infeasibleCount").asInt()).isEqualTo(30);
            assertThat(all.get("dominated").get("number").size()).isEqualTo(all.get("dominatedCount").asInt());
            JsonNode few = json(client.get("/api/studies/" + id + "/front?lines=3"), 200);
            assertThat(few.get("front").get("number")).as("never sampled").isEqualTo(front);
            assertThat(few.get("dominated").get("number").size()).isEqualTo(3);
            assertThat(few.get("dominatedCount").asInt()).isEqualTo(all.get("dominatedCount").asInt());
            JsonNode trials = json(client.get("/api/studies/" + id + "/trials"), 200).get("trials");
            int first = few.get("dominated").get("number").get(0).asInt();
            assertThat(few.get("dominated").get("values").get(0).get(0).asDouble())
                    .isEqualTo(trials.get(first).get("values").get(0).asDouble());
        });
    }

    @Test
    void unknownStudyAnswersJson404AndABadIdAnswers400() {
        ApiFixture.withServer(storage, client -> {
            JsonNode missing = json(client.get("/api/studies/999"), 404);
            assertThat(missing.get("error").asText()).isEqualTo("NOT_FOUND");
            assertThat(missing.get("message").asText()).contains("999");
            JsonNode bad = json(client.get("/api/studies/abc"), 400);
            assertThat(bad.get("message").asText()).contains("'abc'");
            JsonNode noRoute = json(client.get("/api/nothing-here"), 404);
            assertThat(noRoute.get("message").asText()).contains("/api/nothing-here");
        });
    }

    @Test
    void parameterImportanceRanksTheParameterTheObjectiveDependsOnMost() {
        ApiFixture.withServer(storage, client -> {
            long id = studyId(client, SampleStudies.QUADRATIC);
            JsonNode result = json(client.get("/api/studies/" + id + "/importance"), 200);
            assertThat(result.get("trials").asInt()).isEqualTo(32);
            assertThat(result.get("sample").asInt()).as("a small study is read whole").isEqualTo(32);
            JsonNode entries = result.get("importances");
            assertThat(entries.get(0).get("param").asText()).isEqualTo("x");
            double sum = 0;
            for (JsonNode e : entries) {
                sum += e.get("importance").asDouble();
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        });
    }

    @Test
    void theBestSoFarLineIsComputedByTheServerAndEndsAtTheStudysBest() {
        ApiFixture.withServer(storage, client -> {
            long id = studyId(client, SampleStudies.QUADRATIC);
            JsonNode study = json(client.get("/api/studies/" + id), 200);
            JsonNode line = json(client.get("/api/studies/" + id + "/best-so-far?objective=0"), 200).get("line");
            assertThat(line.size()).isBetween(2, SampleStudies.QUADRATIC_TRIALS);
            for (int i = 1; i < line.size(); i++) {
                assertThat(line.get(i).get(0).asInt()).isGreaterThan(line.get(i - 1).get(0).asInt());
                assertThat(line.get(i).get(1).asDouble()).isLessThanOrEqualTo(line.get(i - 1).get(1).asDouble());
            }
            assertThat(line.get(line.size() - 1).get(1).asDouble()).isEqualTo(study.get("bestValues").get(0).asDouble());
            json(client.get("/api/studies/" + id + "/best-so-far?objective=1"), 400);
        });
    }

    @Test
    void learningCurvesMarkPrunedTrialsAndStopAtThePruningStep() {
        ApiFixture.withServer(storage, client -> {
            long id = studyId(client, SampleStudies.QUADRATIC);
            JsonNode curves = json(client.get("/api/studies/" + id + "/curves"), 200).get("curves");
            assertThat(curves).hasSize(SampleStudies.QUADRATIC_TRIALS);
            JsonNode pruned = curves.get(4);
            assertThat(pruned.get("state").asText()).isEqualTo("PRUNED");
            assertThat(pruned.get("steps")).hasSize(4);
            assertThat(curves.get(0).get("steps")).hasSize(SampleStudies.STEPS);
        });
    }
}
