package io.tunelab.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.cli.error.CliException;
import io.tunelab.dashboard.data.StorageDashboardData;
import io.tunelab.dashboard.server.DashboardServer;
import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard load generator against a dashboard on loopback (its figures are not asserted, only its counting). */
class DashboardLoadTest {
    private DashboardServer server;

    @BeforeEach
    void start() {
        InMemoryStorage storage = new InMemoryStorage();
        Study study = Study.builder("loaded").storage(storage).seed(3).sampler(RandomSampler::new).create();
        study.optimize(t -> {
            double x = t.suggestFloat("x", 0, 1);
            t.log("loss", 0, x);
            return x;
        }, OptimizeOptions.trials(20).withParallelism(1));
        server = new DashboardServer(new StorageDashboardData(storage), 0).start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void clientsLoadTheStudyPageAndEveryRequestIsCountedWithoutErrors() throws Exception {
        DashboardLoad.Result r = new DashboardLoad(URI.create(server.url()), "loaded", 2, Duration.ofSeconds(1)).run();
        assertThat(r.errors()).as(r.errorsByKind().toString()).isZero();
        assertThat(r.requests()).isGreaterThanOrEqualTo(2 * 7);
        assertThat(r.p99Ms()).isGreaterThanOrEqualTo(r.p50Ms()).isPositive();
        assertThat(r.maxMs()).isGreaterThanOrEqualTo(r.p99Ms());
        assertThat(r.figures()).extracting(f -> f.metric()).contains("dashboard_throughput", "dashboard_latency_p99");
    }

    @Test
    void anUnknownStudyIsNamedAndANonLoopbackAddressIsRefused() {
        assertThatThrownBy(() -> new DashboardLoad(URI.create(server.url()), "nope", 1, Duration.ofSeconds(1)).run())
                .isInstanceOf(CliException.class).hasMessageContaining("no study named 'nope'");
        assertThatThrownBy(() -> new DashboardLoad(URI.create("http://192.0.2.1:8080/"), "loaded", 1, Duration.ofSeconds(1)))
                .isInstanceOf(CliException.class).hasMessageContaining("loopback");
        assertThatThrownBy(() -> new DashboardLoad(URI.create(server.url()), "loaded", 500, Duration.ofSeconds(1)))
                .isInstanceOf(CliException.class).hasMessageContaining("got 500");
    }

    @Test
    void percentilesPickTheRankedLatency() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (i + 1) * 1_000_000L;
        }
        assertThat(DashboardLoad.percentile(nanos, 0.99)).isEqualTo(99.0);
        assertThat(DashboardLoad.percentile(nanos, 0.50)).isEqualTo(50.0);
        assertThat(DashboardLoad.percentile(new long[0], 0.99)).isZero();
    }
}
