package io.tunelab.dashboard.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.dashboard.TestTrackers;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.metrics.MetricQueries;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warm-up keeps what the trials table's first sort by a metric reads, so that sort reads nothing from the database. */
class TrackerDashboardDataWarmUpTest {
    @TempDir
    Path dir;

    @Test
    void eachMetricsPerTrialSummariesAreReadOnceByTheWarmUpAndKept() {
        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(dir.resolve("db")))) {
            TrialStorage storage = tracker.storage();
            long study = storage.createStudy("warm", List.of(Direction.MINIMIZE)).id();
            for (int n = 0; n < 5; n++) {
                long id = storage.createRunningTrial(study).id();
                storage.logMetrics(id, List.of(new MetricPoint("loss", 0, 1.0 / (n + 1), Instant.EPOCH),
                        new MetricPoint("acc", 0, n, Instant.EPOCH)));
                storage.finishTrial(id, TrialState.COMPLETE, List.of((double) n), null);
            }
            storage.flush();
            AtomicInteger columnReads = new AtomicInteger();
            MetricQueries real = tracker.metrics();
            MetricQueries counting = (MetricQueries) Proxy.newProxyInstance(MetricQueries.class.getClassLoader(),
                    new Class<?>[] {MetricQueries.class}, (proxy, method, args) -> {
                        if (method.getName().equals("column")) {
                            columnReads.incrementAndGet();
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            TrackerPorts ports = TestTrackers.ports(tracker);
            TrackerDashboardData data = new TrackerDashboardData(new TrackerPorts(ports.storage(), ports.queries(), ports.changes(),
                    counting, ports.registry(), ports.artifacts()));
            data.warmUp(1000);
            assertThat(columnReads.get()).as("one read per metric").isEqualTo(2);
            Map<Long, MetricSummary> loss = data.metricSummaries(study, "loss");
            data.metricSummaries(study, "acc");
            assertThat(columnReads.get()).as("the table's first sort by either metric reads no summary again").isEqualTo(2);
            assertThat(loss).hasSize(5);
            assertThat(loss.get(storage.trialByNumber(study, 1).id()).last()).isEqualTo(0.5);
        }
    }
}
