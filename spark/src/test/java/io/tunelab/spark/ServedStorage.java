package io.tunelab.spark;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.config.StorageOptions;
import io.tunelab.tracker.server.TrackerServer;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Opens a loopback {@code tunelab server}'s database as its study user, with short heartbeats (every
 * {@value #HEARTBEAT_MILLIS} ms, stale after {@value #GRACE_MILLIS} ms): a storage factory Spark tasks can carry.
 */
record ServedStorage(String url, String user, String password, String artifacts) implements SparkStudy.StorageFactory {
    static final long HEARTBEAT_MILLIS = 200;
    static final long GRACE_MILLIS = 2_000;

    static ServedStorage of(TrackerServer server) {
        DatabaseSettings settings = server.clientSettings();
        return new ServedStorage(settings.jdbcUrl(), settings.user(), settings.password(),
                server.directory().resolve("artifacts").toString());
    }

    @Override
    public TrialStorage open() {
        return Tracker.openStorage(new TrackerConfig(DatabaseSettings.of(url).withCredentials(user, password),
                Path.of(artifacts), StorageOptions.defaults()
                .withHeartbeat(Duration.ofMillis(HEARTBEAT_MILLIS), Duration.ofMillis(GRACE_MILLIS))));
    }
}
