package io.tunelab.dashboard.api;

import static io.tunelab.dashboard.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.Trial;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trials that violate a constraint are marked, never best and never on the Pareto front. */
class ConstraintsApiTest {

    private static void tell(Study study, double constraint, double... values) {
        Trial trial = study.ask();
        trial.setConstraints(constraint);
        study.tell(trial, values);
    }

    @Test
    void theStudyHeaderNamesTheBestFeasibleTrialAndCountsTheInfeasibleOnes() {
        InMemoryStorage storage = new InMemoryStorage();
        Study study = Study.builder("one").storage(storage).direction(Direction.MINIMIZE).create();
        tell(study, 0.0, 3.0);
        tell(study, 0.4, 1.0);
        tell(study, -1.0, 2.0);

        ApiFixture.withServer(storage, client -> {
            JsonNode summary = json(client.get("/api/studies/" + study.studyId()), 200);
            assertThat(summary.get("bestNumber").asInt()).isEqualTo(2);
            assertThat(summary.get("bestValues").get(0).asDouble()).isEqualTo(2.0);
            assertThat(summary.get("infeasible").asInt()).isEqualTo(1);
            JsonNode trials = json(client.get("/api/studies/" + study.studyId() + "/trials"), 200).get("trials");
            List<Boolean> feasible = new ArrayList<>();
            trials.forEach(t -> feasible.add(t.get("feasible").asBoolean()));
            assertThat(feasible).containsExactly(true, false, true);
            JsonNode listed = json(client.get("/api/studies"), 200).get("studies").get(0);
            assertThat(listed.get("bestNumber").asInt()).isEqualTo(2);
        });
    }

    @Test
    void theParetoFrontLeavesOutInfeasibleTrialsEvenWhenTheyDominate() {
        InMemoryStorage storage = new InMemoryStorage();
        Study study = Study.builder("two").storage(storage).directions(Direction.MINIMIZE, Direction.MINIMIZE).create();
        tell(study, 1.0, 0, 0);
        tell(study, 0.0, 1, 5);
        tell(study, 0.0, 5, 1);
        tell(study, 0.0, 3, 3);

        ApiFixture.withServer(storage, client -> {
            JsonNode front = json(client.get("/api/studies/" + study.studyId() + "/pareto"), 200).get("numbers");
            List<Integer> numbers = new ArrayList<>();
            front.forEach(n -> numbers.add(n.asInt()));
            assertThat(numbers).containsExactly(1, 2, 3);
            JsonNode summary = json(client.get("/api/studies/" + study.studyId()), 200);
            assertThat(summary.get("paretoSize").asInt()).isEqualTo(3);
            assertThat(summary.get("infeasible").asInt()).isEqualTo(1);
        });
    }
}
