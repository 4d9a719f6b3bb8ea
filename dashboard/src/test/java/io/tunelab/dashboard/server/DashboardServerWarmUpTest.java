package io.tunelab.dashboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.dashboard.SampleStudies;
import io.tunelab.dashboard.data.DashboardData;
import io.tunelab.dashboard.data.StorageDashboardData;
import io.tunelab.search.storage.InMemoryStorage;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A started dashboard warms, on a thread of its own, what a first visit of each study page asks for, the trials
 * table's first page among it (its catalog reads the study's metric names), then sends itself the page's first requests
 * over HTTP: the server answers meanwhile.
 */
@Timeout(60)
class DashboardServerWarmUpTest {
    @TempDir
    Path dir;

    @Test
    void theWarmUpComputesEveryStudysTablePageWhileTheServerAlreadyAnswers() throws Exception {
        InMemoryStorage storage = SampleStudies.create(dir);
        StorageDashboardData real = new StorageDashboardData(storage, 0);
        CountDownLatch answered = new CountDownLatch(1);
        Set<Long> tableStudies = ConcurrentHashMap.newKeySet();
        Set<Long> spaceRequested = ConcurrentHashMap.newKeySet();
        DashboardData held = (DashboardData) Proxy.newProxyInstance(DashboardData.class.getClassLoader(),
                new Class<?>[] {DashboardData.class}, (proxy, method, args) -> {
                    if (method.getName().equals("metricNames") && Thread.currentThread().getName().equals("tunelab-dashboard-warm-up")) {
                        answered.await(30, TimeUnit.SECONDS); // the warm-up waits until the test has had an answer
                        tableStudies.add((Long) args[0]);
                    }
                    if (method.getName().equals("space") && !Thread.currentThread().getName().equals("tunelab-dashboard-warm-up")) {
                        spaceRequested.add((Long) args[0]); // a request for /api/studies/{id}/space, on a server thread
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        DashboardServer server = new DashboardServer(held, 0).start();
        try {
            HttpResponse<String> info = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/api/info")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(info.statusCode()).as("answered while the warm-up waits").isEqualTo(200);
            assertThat(server.awaitWarmUp(Duration.ofMillis(50))).as("the warm-up is not over yet").isFalse();
            answered.countDown();
            assertThat(server.awaitWarmUp(Duration.ofSeconds(30))).isTrue();
            assertThat(tableStudies).as("the table's first page of every study")
                    .containsExactlyInAnyOrderElementsOf(real.studies().stream().map(s -> s.id()).toList());
            assertThat(spaceRequested).as("then the server sent itself each study page's first requests (the test sent none)")
                    .containsExactlyInAnyOrderElementsOf(real.studies().stream().map(s -> s.id()).toList());
        } finally {
            server.stop();
        }
    }

    @Test
    void theWarmUpEndsWithAFullCollectionSoTheFirstVisitsDoNotPayForCopyingWhatItCached() throws Exception {
        InMemoryStorage storage = SampleStudies.create(dir);
        long before = fullCollections();

        DashboardServer server = new DashboardServer(new StorageDashboardData(storage, 0), 0).start();
        try {
            assertThat(server.awaitWarmUp(Duration.ofSeconds(30))).isTrue();
            assertThat(fullCollections()).as("collections of the old generation").isGreaterThan(before);
        } finally {
            server.stop();
        }
    }

    /** Collections of the whole heap so far (G1's and Parallel's old generation, Serial's mark-sweep-compact). */
    private static long fullCollections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(b -> b.getName().contains("Old") || b.getName().contains("MarkSweep"))
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }
}
