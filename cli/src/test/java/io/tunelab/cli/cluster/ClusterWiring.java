package io.tunelab.cli.cluster;

import io.tunelab.cli.DefaultWiring;
import io.tunelab.cli.wiring.TrainerFactory;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.config.StorageOptions;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real wiring with what a test needs to see a dead worker quickly: heartbeats every
 * {@value #HEARTBEAT_MILLIS} ms, stale after {@value #GRACE_MILLIS} ms of silence (defaults: 10 s and
 * 60 s), the PostgreSQL user {@code postgres}, and the real trainers slowed down by {@link PacedTrainers}.
 */
final class ClusterWiring implements Wiring {
    static final long HEARTBEAT_MILLIS = 200;
    static final long GRACE_MILLIS = 2_000;

    private final Path artifacts;
    private final String workerId;
    private final long stepMillis;
    private final AtomicReference<TrialStorage> opened = new AtomicReference<>();

    ClusterWiring(Path artifacts, String workerId, long stepMillis) {
        this.artifacts = artifacts;
        this.workerId = workerId;
        this.stepMillis = stepMillis;
    }

    @Override
    public TrialStorage openStorage(String url) {
        TrialStorage storage = open(url, artifacts, workerId);
        opened.set(storage);
        return storage;
    }

    /** A storage with the short heartbeat and grace, as the workers of these tests have. */
    static TrialStorage open(String url, Path artifacts, String workerId) {
        return Tracker.openStorage(new TrackerConfig(
                new DatabaseSettings(url, "postgres", "", DatabaseSettings.SERVER_POOL_SIZE), artifacts,
                StorageOptions.defaults().withWorkerId(workerId)
                        .withHeartbeat(Duration.ofMillis(HEARTBEAT_MILLIS), Duration.ofMillis(GRACE_MILLIS))));
    }

    @Override
    public List<TrainerFactory> trainers() {
        return new DefaultWiring().trainers().stream()
                .<TrainerFactory>map(t -> new PacedTrainers(t, opened::get, stepMillis, System.out))
                .toList();
    }
}
