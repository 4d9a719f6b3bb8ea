package io.tunelab.dashboard.api;

import static io.tunelab.dashboard.api.ApiFixture.json;
import static io.tunelab.dashboard.api.ApiFixture.studyId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunelab.dashboard.SampleStudies;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialState;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialsTableApiTest {
    @TempDir
    static Path dir;
    static InMemoryStorage storage;

    @BeforeAll
    static void runStudies() {
        storage = ApiFixture.storage(dir);
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void filterLanguageCombinesAndWithOrOverStateParamsAndMetrics() {
        ApiFixture.withServer(storage, client -> {
            long id = studyId(client, SampleStudies.QUADRATIC);
            JsonNode all = json(client.get("/api/studies/" + id + "/table?limit=1000&metrics=loss"), 200);
            long expected = 0;
            for (JsonNode r : all.get("rows")) {
                boolean match = r.get("state").asText().equals("COMPLETE")
                        && (r.get("params").get("optimizer").asText().equals("adam") || r.get("params").get("x").asDouble() > 2)
                        && r.get("metrics").get("loss").get("min").asDouble() < 10;
                expected += match ? 1 : 0;
            }
            String filter = "state = complete AND (optimizer = adam OR x > 2) AND loss.min < 10";
            JsonNode filtered = json(client.get("/api/studies/" + id + "/table?limit=1000&filter=" + q(filter)), 200);
            assertThat(filtered.get("total").asLong()).isEqualTo(expected).isBetween(1L, 31L);
            for (JsonNode r : filtered.get("rows")) {
                assertThat(r.get("state").asText()).isEqualTo("COMPLETE");
            }
        });
    }

    @Test
    void tableSortsByAMetricSummaryAndPagesByOffset() {
        ApiFixture.withServer(storage, client -> {
            long id = studyId(client, SampleStudies.QUADRATIC);
            JsonNode page = json(client.get("/api/studies/" + id + "/table?sort=loss.max&desc=true&offset=5&limit=10&metrics=loss"), 200);
            assertThat(page.get("total").asInt()).isEqualTo(SampleStudies.QUADRATIC_TRIALS);
            assertThat(page.get("offset").asInt()).isEqualTo(5);
            JsonNode rows = page.get("rows");
            assertThat(rows).hasSize(10);
            for (int i = 1; i < rows.size(); i++) {
                assertThat(rows.get(i).get("metrics").get("loss").get("max").asDouble())
                        .isLessThanOrEqualTo(rows.get(i - 1).get("metrics").get("loss").get("max").asDouble());
            }
        });
    }

    @Test
    void aBrokenFilterAnswers400SayingWhere() {
        ApiFixture.withServer(storage, client -> {
            long id = studyId(client, SampleStudies.QUADRATIC);
            JsonNode error = json(client.get("/api/studies/" + id + "/table?filter=" + q("x > 1 AND (lr <")), 400);
            assertThat(error.get("message").asText()).contains("expected a value").contains("at the end");
            JsonNode unknown = json(client.get("/api/studies/" + id + "/table?filter=" + q("lrr < 1")), 400);
            assertThat(unknown.get("message").asText()).contains("unknown field 'lrr'").contains("lr");
        });
    }

    @Test
    void csvExportHoldsEveryMatchingRowWithMetricColumns() {
        ApiFixture.withServer(storage, client -> {
            long id = studyId(client, SampleStudies.QUADRATIC);
            String csv = ApiFixture.text(client.get("/api/studies/" + id + "/table.csv?metrics=loss&filter=" + q("state = PRUNED")));
            String[] lines = csv.split("\r\n");
            assertThat(lines[0]).isEqualTo("number,state,value,start,end,feasible,message,param:x,param:lr,param:optimizer,"
                    + "loss.last,loss.min,loss.max");
            assertThat(lines).hasSize(1 + 8);
            String[] cells = lines[1].split(",");
            assertThat(cells[0] + "," + cells[1]).isEqualTo("4,PRUNED");
            assertThat(cells[2]).as("a pruned trial's value is its last reported one, as in Optuna").isEqualTo(cells[10]);
        });
    }

    @Test
    void csvExportSaysWhetherATrialIsFeasibleAndWhyOneFailed() {
        InMemoryStorage own = new InMemoryStorage();
        Study study = Study.builder("csv-columns").storage(own).direction(Direction.MINIMIZE).create();
        Trial infeasible = study.ask();
        infeasible.setConstraints(0.5);
        study.tell(infeasible, 1.0);
        study.tell(study.ask(), 2.0);
        long failed = own.createRunningTrial(study.studyId()).id();
        own.finishTrial(failed, TrialState.FAIL, List.of(), "CUDA out of memory, at epoch 3");
        ApiFixture.withServer(own, client -> {
            var response = client.get("/api/studies/" + study.studyId() + "/table.csv");
            assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"csv-columns-trials.csv\"");
            String[] lines = ApiFixture.text(response).split("\r\n");
            assertThat(lines[0]).isEqualTo("number,state,value,start,end,feasible,message,user_attr:constraints");
            assertThat(lines).hasSize(4);
            assertThat(lines[1]).startsWith("0,COMPLETE,1.0,").endsWith(",false,,[0.5]");
            assertThat(lines[2]).startsWith("1,COMPLETE,2.0,").endsWith(",true,,");
            assertThat(lines[3]).startsWith("2,FAIL,,").endsWith(",true,\"CUDA out of memory, at epoch 3\",");
        });
    }

    @Test
    void csvExportHoldsUserAttributesAsUserAttrColumnsJsonWhenNotScalarAndNeutralised() {
        InMemoryStorage own = new InMemoryStorage();
        Study study = Study.builder("csv-attrs").storage(own).direction(Direction.MINIMIZE).create();
        Trial first = study.ask();
        first.setUserAttr("note", "=HYPERLINK(\"x\")");
        first.setUserAttr("layers", List.of(64, 32));
        first.setUserAttr("seed", 7);
        study.tell(first, 1.0);
        Trial second = study.ask();
        second.setUserAttr("note", "plain, with a comma");
        study.tell(second, 2.0);
        ApiFixture.withServer(own, client -> {
            String[] lines = ApiFixture.text(client.get("/api/studies/" + study.studyId() + "/table.csv")).split("\r\n");
            assertThat(lines[0]).isEqualTo("number,state,value,start,end,feasible,message,user_attr:layers,user_attr:note,user_attr:seed");
            assertThat(lines[1]).startsWith("0,COMPLETE,1.0,").endsWith(",true,,\"[64,32]\",\"'=HYPERLINK(\"\"x\"\")\",7");
            assertThat(lines[2]).startsWith("1,COMPLETE,2.0,").endsWith(",true,,,\"plain, with a comma\",");
        });
    }

    @Test
    void quotedFieldNamesReachParametersWithUnusualCharacters() {
        ApiFixture.withServer(storage, client -> {
            long id = studyId(client, SampleStudies.HOSTILE);
            JsonNode rows = json(client.get("/api/studies/" + id + "/table?filter=" + q("\"<b>choice</b>\" = y")), 200).get("rows");
            for (JsonNode r : rows) {
                assertThat(r.get("params").get("<b>choice</b>").asText()).isEqualTo("y");
            }
            JsonNode sorted = json(client.get("/api/studies/" + id + "/table?sort=" + q("\"<b>choice</b>\"")), 200);
            assertThat(sorted.get("total").asInt()).isEqualTo(3);
        });
    }
}
