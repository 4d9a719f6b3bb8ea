package io.tunelab.cli.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunelab.cli.query.Commands.Result;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QueryCommandsTest {
    private static final InMemoryStorage STORAGE = new InMemoryStorage();


    @BeforeAll
    static void fillStorage() {
        Study study = Study.builder("fashion-mlp").storage(STORAGE).direction(Direction.MAXIMIZE).seed(1).create();
        study.optimize(trial -> {
            double lr = trial.suggestReciprocal("lr", 1e-4, 1e-1);
            String act = trial.suggestCategorical("activation", List.of("relu", "elu"));
            trial.log("val_accuracy", 0, 0.5);
            trial.log("val_accuracy", 1, 0.6 + trial.number() / 100.0);
            if (trial.number() == 3) {
                throw new IllegalStateException("diverged");
            }
            return -Math.abs(Math.log10(lr) + 2) + (act.equals("elu") ? 0.1 : 0);
        }, OptimizeOptions.trials(6).withParallelism(1));
        Study.builder("<script>x</script>").storage(STORAGE).create();
        Study attributed = Study.builder("attrs").storage(STORAGE).create();
        attributed.setUserAttr("owner", "ana");
        attributed.setUserAttr("dataset", Map.of("rows", 70000));
        attributed.optimize(trial -> {
            trial.setUserAttr("note", "a, \"b\"");
            trial.setUserAttr("test_evaluation", Map.of("rmse", 1.5));
            trial.setUserAttr("sizes", List.of(3, 4));
            return trial.suggestFloat("x", 0, 1);
        }, OptimizeOptions.trials(1).withParallelism(1));
        double[] sums = {0.9291666666666667, 0.9291666666666666};
        Study.builder("sums").storage(STORAGE).create().optimize(trial -> sums[trial.number()],
                OptimizeOptions.trials(2).withParallelism(1));
    }

    private static Result run(String... args) {
        return Commands.run(STORAGE, args);
    }

    @Test
    void studiesListsEveryStudyWithItsCountsAndBestValue() {
        Result r = run("studies");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("fashion-mlp").contains("[maximize]").contains("<script>x</script>");
        String line = r.out().lines().filter(l -> l.startsWith("fashion-mlp")).findFirst().orElseThrow();
        assertThat(line.split("\\s+")).contains("6", "5", "1");
    }

    @Test
    void studiesAsJsonWriteDirectionsAsAnArrayAndNoBestAsNull() throws Exception {
        JsonNode json = new ObjectMapper().readTree(run("studies", "--format", "json").out());
        Result csv = run("studies", "--format", "csv");

        JsonNode fashion = find(json, "study", "fashion-mlp");
        assertThat(fashion.get("directions")).isEqualTo(new ObjectMapper().readTree("[\"maximize\"]"));
        assertThat(fashion.get("trials").asInt()).isEqualTo(6);
        assertThat(find(json, "study", "<script>x</script>").get("best").isNull()).isTrue();
        assertThat(csv.out()).contains("fashion-mlp,[maximize],6,");
    }

    @Test
    void studiesAsCsvOrJsonHoldTheUserAttributesOfEachStudyWithoutTheirStoragePrefixAsTheTableDoesNot()
            throws Exception {
        JsonNode json = new ObjectMapper().readTree(run("studies", "--format", "json").out());
        List<String> csv = run("studies", "--format", "csv").out().lines().toList();
        Result table = run("studies");

        JsonNode attrs = find(json, "study", "attrs");
        assertThat(attrs.get("user_attr:owner").asText()).isEqualTo("ana");
        assertThat(attrs.get("user_attr:dataset").get("rows").asInt()).isEqualTo(70000);
        assertThat(find(json, "study", "fashion-mlp").get("user_attr:owner").isNull()).isTrue();
        assertThat(csv.get(0)).endsWith(",best,user_attr:dataset,user_attr:owner");
        assertThat(csv).anyMatch(line -> line.startsWith("attrs,") && line.endsWith(",\"{\"\"rows\"\":70000}\",ana"));
        assertThat(table.out()).doesNotContain("user_attr").doesNotContain("ana");
    }

    @Test
    void compareAsJsonSaysWhetherEachFieldDiffersUnderAKey() throws Exception {
        JsonNode json = new ObjectMapper().readTree(run("compare", "fashion-mlp", "1", "3", "--format", "json").out());

        assertThat(json.get(0).has("")).isFalse();
        assertThat(find(json, "field", "state").get("differs").asBoolean()).isTrue();
        assertThat(find(json, "field", "state").get("trial 3").asText()).isEqualTo("FAIL");
        assertThat(run("compare", "fashion-mlp", "1", "3", "--format", "csv").out()).startsWith("differs,field,trial 1,trial 3\n*,state,");
    }

    private static JsonNode find(JsonNode rows, String key, String value) {
        for (JsonNode row : rows) {
            if (row.get(key).asText().equals(value)) {
                return row;
            }
        }
        throw new AssertionError("no row with " + key + " " + value + " in " + rows);
    }

    @Test
    void trialsCanBePrintedAsCsvAndJson() throws Exception {
        Result csv = run("trials", "fashion-mlp", "--format", "csv");
        assertThat(csv.code()).isZero();
        assertThat(csv.out().lines().findFirst().orElseThrow())
                .isEqualTo("number,state,value,seconds,sampler,param:lr,param:activation,message");
        assertThat(csv.out().lines()).hasSize(7);
        assertThat(csv.out().lines().skip(2).map(l -> l.split(",")[4])).as("auto chose TPE for a categorical space")
                .containsOnly("random (tpe start-up)");
        JsonNode json = new ObjectMapper().readTree(run("trials", "fashion-mlp", "--format", "json", "--state", "FAIL").out());
        assertThat(json).hasSize(1);
        assertThat(json.get(0).get("number").asInt()).isEqualTo(3);
        assertThat(json.get(0).get("state").asText()).isEqualTo("FAIL");
        assertThat(json.get(0).get("message").asText()).isEqualTo("IllegalStateException: diverged");
    }

    @Test
    void trialsAsCsvOrJsonHoldTheUserAttributesAsTheTableDoesNot() throws Exception {
        Result csv = run("trials", "attrs", "--format", "csv");
        Result table = run("trials", "attrs");
        JsonNode json = new ObjectMapper().readTree(run("trials", "attrs", "--format", "json").out());

        List<String> lines = csv.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("number,state,value,seconds,sampler,param:x,user_attr:note,user_attr:sizes,"
                + "user_attr:test_evaluation");
        assertThat(lines.get(1)).endsWith(",\"a, \"\"b\"\"\",\"[3,4]\",\"{\"\"rmse\"\":1.5}\"");
        assertThat(json.get(0).get("user_attr:sizes").isArray()).isTrue();
        assertThat(json.get(0).get("user_attr:test_evaluation").get("rmse").asDouble()).isEqualTo(1.5);
        assertThat(table.out()).doesNotContain("user_attr:");
    }

    @Test
    void trialsShowWhyAFailedTrialFailedAndLeaveTheMessageOutWhenNoListedTrialHasOne() {
        Result all = run("trials", "fashion-mlp");
        String failed = all.out().lines().filter(l -> l.trim().startsWith("3 ")).findFirst().orElseThrow();
        assertThat(failed).contains("FAIL").endsWith("IllegalStateException: diverged");

        Result complete = run("trials", "fashion-mlp", "--state", "COMPLETE", "--format", "csv");
        assertThat(complete.out().lines().findFirst().orElseThrow()).doesNotContain("message");
    }

    @Test
    void bestShowsTheBestTrial() {
        Result r = run("best", "fashion-mlp", "--format", "csv");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines()).hasSize(2);
    }

    @Test
    void compareNamesTheStudyAndItsTrialNumbersWhenATrialNumberIsNotThere() {
        Result r = run("compare", "fashion-mlp", "0", "7");
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("study 'fashion-mlp' has no trial number 7; its trials are numbered 0 to 5");
    }

    @Test
    void compareSaysItShowsTwoToTenTrialsWhenGivenOneOrEleven() {
        Result one = run("compare", "fashion-mlp", "0");
        Result eleven = run("compare", "fashion-mlp", "0", "1", "0", "1", "0", "1", "0", "1", "0", "1", "0");

        assertThat(one.code()).isEqualTo(2);
        assertThat(one.err()).contains("compare shows 2 to 10 trials side by side, got 1 trial number [0]");
        assertThat(eleven.code()).isEqualTo(2);
        assertThat(eleven.err()).contains("got 11 trial numbers");
    }

    @Test
    void compareMarksTheFieldsThatDiffer() {
        Result r = run("compare", "fashion-mlp", "0", "1");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("trial 0").contains("trial 1");
        assertThat(r.out().lines().filter(l -> l.contains("param:lr"))).allSatisfy(l -> assertThat(l).startsWith("*"));
        assertThat(r.out()).contains("last:val_accuracy");
    }

    @Test
    void compareDoesNotMarkValuesThatDifferOnlyInTheirLastBit() {
        Result r = run("compare", "sums", "0", "1");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().filter(l -> l.contains(" value "))).singleElement()
                .satisfies(l -> assertThat(l).doesNotStartWith("*"));
    }

    @Test
    void anUnknownStudyIsInvalidInputWithAOneLineMessage() {
        Result r = run("trials", "nope");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no study named 'nope'").doesNotContain("at io.tunelab");
        assertThat(r.err().lines()).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void aMisspeltStudyNameIsAnsweredWithTheClosestStudy() {
        Result r = run("trials", "fashoin-mlp");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no study named 'fashoin-mlp' (did you mean 'fashion-mlp'?); `tunelab studies`");
    }

    @Test
    void aBadFormatIsAUsageError() {
        Result r = run("trials", "fashion-mlp", "--format", "xml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("expected table, csv or json, got 'xml'").doesNotContain("Usage:");
    }

    @Test
    void stateTakesAnyCase() {
        Result lower = run("trials", "fashion-mlp", "--state", "fail", "--format", "csv");
        Result mixed = run("trials", "fashion-mlp", "--state", "Fail,complete", "--format", "csv");

        assertThat(lower.code()).as(lower.err()).isZero();
        assertThat(lower.out().lines().skip(1)).singleElement().satisfies(l -> assertThat(l).startsWith("3,FAIL"));
        assertThat(mixed.code()).as(mixed.err()).isZero();
        assertThat(mixed.out().lines().skip(1)).hasSize(6);
    }

    @Test
    void aBadStateIsOneLineNamingTheOptionTheValueAndTheStates() {
        Result r = run("trials", "fashion-mlp", "--state", "pruned,bogus");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().findFirst().orElseThrow()).startsWith("trials: ").contains("'--state'")
                .contains("'bogus'").contains("RUNNING, COMPLETE, PRUNED, FAIL, WAITING");
        assertThat(r.err()).doesNotContain("Usage:");
        assertThat(r.err().lines()).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void debugShowsTheStackTrace() {
        Result r = run("--debug", "trials", "nope");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("at io.tunelab");
    }
}
