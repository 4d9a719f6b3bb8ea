package io.tunelab.dashboard.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.dashboard.DashboardException;
import io.tunelab.dashboard.TestTrackers;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.metrics.MetricQueries;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reaped and retried trial's series move to its retry when its worker's late result arrives (the tracker's
 * LateResults): the dashboard caches none of its reads, so it shows the move at once, while the series of other
 * finished trials stay cached.
 */
class FinalRecordsTest {
    private final InMemoryStorage memory = new InMemoryStorage();
    private final long study = memory.createStudy("late", List.of(Direction.MINIMIZE)).id();
    /** Set when the reaped trial's records moved to its retry: the storage then has none for it. */
    private final AtomicBoolean moved = new AtomicBoolean();
    private long reaped;

    /** The storage as the tracker's is after LateResults moved the reaped trial's records, once {@link #moved} is set. */
    private TrialStorage storage() {
        return forwarding(TrialStorage.class, memory, (method, args) -> moved.get() && (Long) args[0] == reaped
                && List.of("metricNames", "metrics").contains(method.getName()) ? List.of() : null);
    }

    private long finished(TrialState state, boolean retried) {
        long id = memory.createRunningTrial(study).id();
        if (retried) {
            memory.setSystemAttr(id, TrialStorage.RETRIED_BY, 7);
        }
        memory.logMetrics(id, List.of(new MetricPoint("loss", 0, 0.9, Instant.EPOCH), new MetricPoint("loss", 1, 0.4, Instant.EPOCH)));
        memory.finishTrial(id, state, state == TrialState.COMPLETE ? List.of(0.4) : List.of(), null);
        return id;
    }

    @Test
    void aRetriedFailuresSeriesNamesAndSummariesAreReadAfreshSoTheirMoveToTheRetryShowsAtOnce() {
        reaped = finished(TrialState.FAIL, true);
        StorageDashboardData data = new StorageDashboardData(storage(), 0);
        assertThat(data.series(reaped, "loss", SeriesQuery.downsampled(1000)).values()).hasSize(2);
        assertThat(data.trial(reaped).metricNames()).containsExactly("loss");
        assertThat(data.metricSummaries(study, "loss")).containsKey(reaped);

        moved.set(true);

        assertThatThrownBy(() -> data.series(reaped, "loss", SeriesQuery.downsampled(1000)))
                .isInstanceOf(DashboardException.class).hasMessageContaining("has no metric series 'loss'");
        assertThat(data.trial(reaped).metricNames()).isEmpty();
        assertThat(data.metricSummaries(study, "loss")).doesNotContainKey(reaped);
    }

    @Test
    void theTrackersSeriesCacheKeepsNoSeriesOfARetriedFailure(@TempDir Path dir) {
        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(dir.resolve("db")))) {
            TrialStorage db = tracker.storage();
            long id = db.createStudy("late", List.of(Direction.MINIMIZE)).id();
            reaped = db.createRunningTrial(id).id();
            db.setSystemAttr(reaped, TrialStorage.RETRIED_BY, 1);
            db.logMetrics(reaped, List.of(new MetricPoint("loss", 0, 0.9, Instant.EPOCH), new MetricPoint("loss", 1, 0.4, Instant.EPOCH)));
            db.finishTrial(reaped, TrialState.FAIL, List.of(), null);
            long empty = db.createRunningTrial(id).id();
            db.flush();
            // finished an hour ago (settled: the cache would keep its series), and its series moved once moved is set
            Instant hourAgo = Instant.now().minusSeconds(3600);
            TrialStorage settled = forwarding(TrialStorage.class, db, (method, args) -> method.getName().equals("trial")
                    && (Long) args[0] == reaped ? db.trial(reaped).finished(TrialState.FAIL, List.of(), hourAgo, null) : null);
            MetricQueries metrics = forwarding(MetricQueries.class, tracker.metrics(), (method, args) -> {
                if (moved.get() && (Long) args[0] == reaped && method.getName().equals("columns")) {
                    return tracker.metrics().columns(empty, (String) args[1], (Long) args[2], (Long) args[3]);
                }
                return moved.get() && (Long) args[0] == reaped && method.getName().equals("names") ? List.of() : null;
            });
            TrackerPorts ports = TestTrackers.ports(tracker);
            TrackerDashboardData data = new TrackerDashboardData(new TrackerPorts(settled, ports.queries(), ports.changes(), metrics,
                    ports.registry(), ports.artifacts()));
            assertThat(data.series(reaped, "loss", SeriesQuery.downsampled(1000)).values()).hasSize(2);

            moved.set(true);

            assertThatThrownBy(() -> data.series(reaped, "loss", SeriesQuery.downsampled(1000)))
                    .isInstanceOf(DashboardException.class).hasMessageContaining("has no metric series 'loss'");
        }
    }

    /** A proxy answering what {@code answer} returns, and forwarding to {@code target} when it returns null. */
    @SuppressWarnings("unchecked")
    private static <T> T forwarding(Class<T> type, T target, java.util.function.BiFunction<Method, Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Object answered = args == null || args.length == 0 || !(args[0] instanceof Long) ? null : answer.apply(method, args);
            if (answered != null) {
                return answered;
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    @Test
    void aFinishedTrialNotRetriedIsFinalAndAFailedOneRetriedIsNot() {
        assertThat(FinalRecords.of(memory.trial(finished(TrialState.COMPLETE, false)))).isTrue();
        assertThat(FinalRecords.of(memory.trial(finished(TrialState.FAIL, false)))).isTrue();
        assertThat(FinalRecords.of(memory.trial(finished(TrialState.FAIL, true)))).isFalse();
        assertThat(FinalRecords.of(memory.createRunningTrial(study))).isFalse();
    }
}
