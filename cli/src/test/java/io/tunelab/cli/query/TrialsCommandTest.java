package io.tunelab.cli.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunelab.cli.query.Commands.Result;
import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code tunelab trials --filter --sort --limit}, as MLflow's {@code search_runs(filter_string, order_by, max_results)}. */
class TrialsCommandTest {
    private static final InMemoryStorage STORAGE = new InMemoryStorage();

    /**
     * Five trials: SGD ones (0, 2) have a momentum, Adam ones do not; val_accuracy ends at 0.91, 0.95, 0.7, none and
     * 0.8 (trial 4 peaked at 0.99 first); 0, 1 and 4 complete, 2 pruned, 3 failed.
     */
    @BeforeAll
    static void fillStorage() {
        long study = STORAGE.createStudy("mnist", List.of(Direction.MINIMIZE)).id();
        Object[][] trials = {
            {0.001, "sgd", 0.9, new double[] {0.5, 0.91}, TrialState.COMPLETE, 0.3},
            {0.05, "adam", null, new double[] {0.6, 0.95}, TrialState.COMPLETE, 0.2},
            {0.02, "sgd", 0.5, new double[] {0.7}, TrialState.PRUNED, null},
            {0.1, "adam", null, new double[] {}, TrialState.FAIL, null},
            {0.03, "adam", null, new double[] {0.99, 0.8}, TrialState.COMPLETE, 0.25}};
        for (Object[] t : trials) {
            long id = STORAGE.createRunningTrial(study).id();
            STORAGE.setParam(id, "lr", t[0], FloatDistribution.logUniform(1e-4, 1));
            STORAGE.setParam(id, "optimizer", t[1], CategoricalDistribution.of("sgd", "adam"));
            if (t[2] != null) {
                STORAGE.setParam(id, "momentum", t[2], FloatDistribution.uniform(0, 1));
            }
            STORAGE.setUserAttr(id, "team", t[1].equals("sgd") ? "Vision" : "nlp");
            List<MetricPoint> points = new ArrayList<>();
            double[] accuracy = (double[]) t[3];
            for (int step = 0; step < accuracy.length; step++) {
                points.add(new MetricPoint("val_accuracy", step, accuracy[step], Instant.ofEpochSecond(1_700_000_000L + step)));
            }
            STORAGE.logMetrics(id, points);
            STORAGE.finishTrial(id, (TrialState) t[4], t[5] == null ? List.of() : List.of((Double) t[5]),
                    t[4] == TrialState.FAIL ? "diverged" : null);
        }
    }

    private static Result run(String... args) {
        return Commands.run(STORAGE, args);
    }

    /** The trial numbers a CSV listing holds, in order. */
    private static List<Integer> numbers(String... args) {
        List<String> all = new ArrayList<>(List.of("trials", "mnist", "--format", "csv"));
        all.addAll(List.of(args));
        Result r = run(all.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        return r.out().lines().skip(1).map(l -> Integer.parseInt(l.split(",")[0])).toList();
    }

    @Test
    void aFilterKeepsTheTrialsMlflowsFilterStringWouldWithAMetricMeaningItsLastValue() {
        assertThat(numbers("--filter", "params.lr > 0.01 and metrics.val_accuracy >= 0.9 and state = 'COMPLETE'"))
                .containsExactly(1);
        assertThat(numbers("--filter", "metrics.val_accuracy > 0.85")).as("trial 4 peaked at 0.99 but ended at 0.8")
                .containsExactly(0, 1);
        assertThat(numbers("--filter", "value < 0.26 AND tags.team ILIKE 'NLP'")).containsExactly(1, 4);
        assertThat(numbers("--filter", "params.optimizer IN ('sgd', 'rmsprop')", "--state", "COMPLETE")).containsExactly(0);
    }

    @Test
    void equalityOnTextIsCaseSensitiveAsInMlflowAndIlikeIsNot() {
        assertThat(numbers("--filter", "tags.team = 'Vision'")).containsExactly(0, 2);
        assertThat(numbers("--filter", "tags.team = 'vision'")).isEmpty();
        assertThat(numbers("--filter", "params.optimizer != 'SGD'")).containsExactly(0, 1, 2, 3, 4);
        assertThat(numbers("--filter", "tags.team ILIKE 'vision'")).containsExactly(0, 2);
    }

    @Test
    void aBareSamplerThatIsAlsoAParameterIsTheAttributeWithAOneLineNoteOnStderr() {
        InMemoryStorage storage = new InMemoryStorage();
        long study = storage.createStudy("samplers", List.of(Direction.MINIMIZE)).id();
        for (String sampler : List.of("tpe", "cmaes")) {
            long id = storage.createRunningTrial(study).id();
            storage.setParam(id, "sampler", sampler, CategoricalDistribution.of("tpe", "cmaes"));
            storage.finishTrial(id, TrialState.COMPLETE, List.of(1.0), null);
        }

        Result bare = Commands.run(storage, "trials", "samplers", "--format", "csv", "--filter", "sampler = 'tpe'");
        Result prefixed = Commands.run(storage, "trials", "samplers", "--format", "csv", "--filter", "params.sampler = 'tpe'");

        assertThat(bare.code()).isZero();
        assertThat(bare.out().lines().skip(1)).as("no trial recorded a sampler attribute").isEmpty();
        assertThat(bare.err()).isEqualTo("note: 'sampler' is the trial attribute; write params.sampler for the parameter"
                + System.lineSeparator());
        assertThat(prefixed.out().lines().skip(1)).hasSize(1).allSatisfy(l -> assertThat(l).startsWith("0,"));
        assertThat(prefixed.err()).isEmpty();
    }

    @Test
    void aParameterATrialDoesNotHaveMakesTheComparisonFalse() {
        assertThat(numbers("--filter", "params.momentum < 0.95")).containsExactly(0, 2);
        assertThat(numbers("--filter", "params.momentum != 0.9")).containsExactly(2);
    }

    @Test
    void sortKeysOrderTheTrialsWithMissingValuesLastAndTheLimitCountsAfterFilterAndSort() {
        assertThat(numbers("--sort", "metrics.val_accuracy DESC")).containsExactly(1, 0, 4, 2, 3);
        assertThat(numbers("--sort", "metrics.val_accuracy")).containsExactly(2, 4, 0, 1, 3);
        assertThat(numbers("--sort", "params.optimizer desc, params.lr DESC")).containsExactly(2, 0, 3, 1, 4);
        assertThat(numbers("--sort", "params.optimizer", "--sort", "value DESC")).containsExactly(4, 1, 3, 0, 2);
        assertThat(numbers("--sort", "value", "--limit", "2")).containsExactly(1, 4);
        assertThat(numbers("--filter", "state != 'COMPLETE'", "--sort", "number DESC", "--limit", "1")).containsExactly(3);
    }

    @Test
    void everyFormatListsTheSelectedTrials() throws Exception {
        JsonNode json = new ObjectMapper().readTree(run("trials", "mnist", "--format", "json", "--filter",
                "params.optimizer = 'sgd'", "--sort", "number DESC").out());
        Result table = run("trials", "mnist", "--filter", "attributes.status LIKE 'PRUN%'");

        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("number").asInt()).isEqualTo(2);
        assertThat(json.get(0).get("param:momentum").asDouble()).isEqualTo(0.5);
        assertThat(table.code()).isZero();
        assertThat(table.out().lines().skip(1).filter(l -> !l.isBlank() && !l.startsWith("-"))).hasSize(1)
                .allSatisfy(l -> assertThat(l.trim()).startsWith("2 ").contains("PRUNED"));
    }

    private static String error(String... args) {
        List<String> all = new ArrayList<>(List.of("trials", "mnist"));
        all.addAll(List.of(args));
        Result r = run(all.toArray(String[]::new));
        assertThat(r.code()).as(r.out()).isEqualTo(2);
        assertThat(r.err().lines()).as(r.err()).hasSize(1);
        return r.err().strip();
    }

    @Test
    void mistakesAreOneLineNamingWhereTheValueAndWhatWasExpectedWithExitCode2() {
        assertThat(error("--filter", "metrics.val_acc > 0.9")).startsWith("trials: unknown field 'metrics.val_acc': no trial has a"
                + " metric 'val_acc' (did you mean 'metrics.val_accuracy'?)");
        assertThat(error("--filter", "params.lr > 0.01 or state = 'FAIL'")).startsWith("trials: filter 'params.lr > 0.01 or state"
                + " = 'FAIL'': MLflow's filter syntax joins comparisons with AND only").endsWith("at position 18, got 'or'");
        assertThat(error("--filter", "params.optimizer = 'adam")).contains("the quote opened at position 20 is never closed");
        assertThat(error("--filter", "run.lr > 1")).startsWith("trials: unknown field prefix 'run' in 'run.lr': expected attributes.,");
        assertThat(error("--filter", "params.lr => 1")).contains("unknown operator '=>' at position 11");
        assertThat(error("--filter", "params.momentun > 0")).contains("(did you mean 'params.momentum'?)");
        assertThat(error("--sort", "params.lr UP")).isEqualTo("trials: sort key 'params.lr UP': the direction must be ASC or DESC,"
                + " got 'UP'");
        assertThat(error("--limit", "0")).isEqualTo("trials: --limit must be 1 or more, got 0");
    }
}
