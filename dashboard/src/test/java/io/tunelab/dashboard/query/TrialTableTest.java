package io.tunelab.dashboard.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.dashboard.data.StorageDashboardData;
import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.filter.Field;
import io.tunelab.tracker.filter.FieldCatalog;
import io.tunelab.tracker.filter.FieldResolver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrialTableTest {
    private static final CategoricalDistribution OPTIMIZER = CategoricalDistribution.of("sgd", "Adam", "adam", "adagrad");

    private InMemoryStorage storage;
    private long study;
    private TrialTable table;

    /** One trial: value null means FAIL (no value); optimizer null means the parameter was never set; loss null means no series. */
    private void trial(Double value, String optimizer, Double loss) {
        long id = storage.createRunningTrial(study).id();
        storage.setParam(id, "x", value == null ? 0.5 : value / 100, FloatDistribution.uniform(0, 1));
        if (optimizer != null) {
            storage.setParam(id, "optimizer", optimizer, OPTIMIZER);
        }
        if (loss != null) {
            storage.logMetrics(id, List.of(new MetricPoint("loss", 0, loss + 1, Instant.EPOCH),
                    new MetricPoint("loss", 1, loss, Instant.EPOCH)));
        }
        storage.finishTrial(id, value == null ? TrialState.FAIL : TrialState.COMPLETE, value == null ? List.of() : List.of(value), null);
    }

    @BeforeEach
    void study() {
        storage = new InMemoryStorage();
        study = storage.createStudy("table", List.of(Direction.MINIMIZE)).id();
        trial(0.3, "sgd", 2.0);    // 0
        trial(null, "Adam", 1.0);  // 1 failed: no value
        trial(0.1, "adagrad", null); // 2
        trial(0.3, null, 2.0);     // 3 tie with 0 on value and loss
        trial(0.2, "adam", 0.5);   // 4 same choice as 1 but another case
        trial(null, null, null);   // 5 failed
        trial(0.1, "sgd", 3.0);    // 6 tie with 2
        table = new TrialTable(new StorageDashboardData(storage));
    }

    private List<Integer> numbers(String filter, String sort, boolean descending) {
        return numbers(filter, sort, descending, 0, 1000);
    }

    private List<Integer> numbers(String filter, String sort, boolean descending, int offset, int limit) {
        return table.query(study, new TableQuery(filter, sort, descending, offset, limit, List.of())).rows().stream()
                .map(r -> r.trial().number()).toList();
    }

    @Test
    void sortsByValueWithTiesByNumberAndFailedTrialsLastBothWays() {
        assertThat(numbers("", "value", false)).containsExactly(2, 6, 4, 0, 3, 1, 5);
        assertThat(numbers("", "value", true)).containsExactly(0, 3, 4, 2, 6, 1, 5);
    }

    @Test
    void sortsACategoricalParameterAsTextIgnoringCaseWithUnsetLast() {
        assertThat(numbers("", "optimizer", false)).containsExactly(2, 1, 4, 0, 6, 3, 5);
        assertThat(numbers("", "optimizer", true)).containsExactly(0, 6, 1, 4, 2, 3, 5);
    }

    @Test
    void sortsByAMetricSummaryWithTrialsWithoutTheSeriesLast() {
        assertThat(numbers("", "loss.last", false)).containsExactly(4, 1, 0, 3, 6, 2, 5);
        assertThat(numbers("", "loss.max", true)).containsExactly(6, 0, 3, 1, 4, 2, 5);
    }

    @Test
    void filtersThenPagesInSortOrder() {
        assertThat(numbers("state = COMPLETE", "value", true)).containsExactly(0, 3, 4, 2, 6);
        assertThat(numbers("optimizer = adam", "number", true)).containsExactly(4, 1);
        assertThat(numbers("state = COMPLETE AND loss.min < 2.5", "loss.min", false, 1, 2)).containsExactly(0, 3);
        TableResult page = table.query(study, new TableQuery("value < 0.25", "value", false, 2, 10, List.of("loss")));
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.rows()).extracting(r -> r.trial().number()).containsExactly(4);
        assertThat(page.rows().get(0).metrics().get("loss").min()).isEqualTo(0.5);
    }

    @Test
    void aTrialAddedAfterASortIsInTheNextSort() {
        assertThat(numbers("", "value", false)).startsWith(2, 6);
        trial(0.05, "sgd", 0.1);
        assertThat(numbers("", "value", false)).startsWith(7, 2, 6).hasSize(8);
        assertThat(numbers("", "loss.last", false)).startsWith(7, 4);
    }

    @Test
    void agreesWithSortingRowObjectsOnARandomStudy() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 500; i++) {
            trial(random.nextInt(5) == 0 ? null : (double) random.nextInt(40), random.nextBoolean() ? "sgd" : null,
                    random.nextInt(3) == 0 ? null : (double) random.nextInt(20));
        }
        for (String sort : List.of("value", "optimizer", "loss.min", "x", "state")) {
            for (boolean descending : List.of(false, true)) {
                TableResult all = table.all(study, new TableQuery("", sort, descending, 0, 1, List.of()));
                Field field = FieldResolver.resolve(sort, new FieldCatalog(Set.of("x", "optimizer"),
                        Set.of("loss"), 1));
                List<TableRow> expected = new ArrayList<>(table.all(study, new TableQuery("", "number", false, 0, 1,
                        List.of("loss"))).rows());
                Comparator<Object> present = (a, b) -> a instanceof Double x && b instanceof Double y ? Double.compare(x, y)
                        : a instanceof Double ? -1 : b instanceof Double ? 1 : a.toString().compareToIgnoreCase(b.toString());
                expected.sort(Comparator.comparing((TableRow r) -> field.of(r),
                        Comparator.nullsLast(descending ? present.reversed() : present)).thenComparingInt(r -> r.trial().number()));
                assertThat(all.rows()).as(sort + (descending ? " desc" : "")).extracting(r -> r.trial().number())
                        .containsExactlyElementsOf(expected.stream().map(r -> r.trial().number()).toList());
            }
        }
    }
}
