package io.tunelab.cli.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunelab.cli.query.Commands.Result;
import io.tunelab.search.importance.ParamImportances;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ImportanceCommandTest {
    private static final InMemoryStorage STORAGE = new InMemoryStorage();
    private static Study quadratic;


    @BeforeAll
    static void fillStorage() {
        quadratic = Study.builder("quadratic").storage(STORAGE).seed(3).create();
        quadratic.optimize(t -> 10 * Math.pow(t.suggestFloat("x", -1, 1), 2) + 0.1 * t.suggestFloat("y", 0, 1), 30);
        Study.builder("short").storage(STORAGE).seed(1).create().optimize(t -> t.suggestFloat("x", 0, 1), 1);
        Study.builder("two").storage(STORAGE).directions(Direction.MINIMIZE, Direction.MAXIMIZE).seed(1).create()
                .optimizeMulti(t -> new double[] {t.suggestFloat("x", 0, 1), t.suggestFloat("y", 0, 1)},
                        OptimizeOptions.trials(20));
    }

    private static Result run(String... args) {
        return Commands.run(STORAGE, args);
    }

    @Test
    void printsEachParametersShareMostImportantFirstWithTheMethodAndTrialCount() {
        Result r = run("importance", "quadratic");

        assertThat(r.code()).isZero();
        assertThat(r.out().lines().toList()).first().isEqualTo(
                "Parameter importance in study 'quadratic': fANOVA (random forest, main effects), 30 trials");
        assertThat(r.out()).containsSubsequence("param", "importance", "x", "y");
    }

    @Test
    void writesJsonAndCsvWithTheNumbersOfOptunasGetParamImportances() throws Exception {
        Map<String, Double> expected = ParamImportances.get(quadratic);

        JsonNode json = new ObjectMapper().readTree(run("importance", "quadratic", "--format", "json").out());
        String csv = run("importance", "quadratic", "--format", "csv").out();

        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("param").asText()).isEqualTo("x");
        assertThat(json.get(0).get("importance").asDouble()).isEqualTo(expected.get("x"));
        assertThat(csv.lines().toList()).first().isEqualTo("param,importance");
        assertThat(csv).contains("x," + expected.get("x"));
    }

    @Test
    void ranksOnlyTheParametersNamedAndExplainsTheObjectiveNamedInAStudyOfSeveral() {
        assertThat(run("importance", "quadratic", "--params", "y", "--format", "csv").out().lines().toList())
                .containsExactly("param,importance", "y,1.0");
        Result second = run("importance", "two", "--objective", "1");
        assertThat(second.code()).isZero();
        assertThat(second.out()).startsWith("Parameter importance in study 'two', objective 1:");
    }

    @Test
    void saysWhyThereIsNoImportanceAsTheDashboardDoes() {
        Result table = run("importance", "short");
        Result json = run("importance", "short", "--format", "json");

        assertThat(table.code()).isZero();
        assertThat(table.out()).endsWith("too few trials: 1 complete with a finite value, need at least 2"
                + System.lineSeparator());
        assertThat(json.out().strip()).isEqualTo("[ ]");
        assertThat(json.err()).contains("too few trials: 1 complete");
    }

    @Test
    void refusesAnUnknownParameterOrObjectiveNamingIt() {
        Result param = run("importance", "quadratic", "--params", "z");
        Result objective = run("importance", "quadratic", "--objective", "2");

        assertThat(param.code()).isNotZero();
        assertThat(param.err()).contains("parameter 'z' is in no COMPLETE trial of study 'quadratic'; their parameters: x, y");
        assertThat(objective.err()).contains("objective 2 is not one of study 'quadratic': it has 1 objective (index 0)");
        assertThat(List.of(param.out(), objective.out())).containsOnly("");
    }
}
