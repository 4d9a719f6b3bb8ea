package io.tunelab.tracker.jdbc;

import io.tunelab.search.trial.Direction;
import io.tunelab.tracker.MutableClock;
import io.tunelab.tracker.artifact.LocalArtifactRepository;
import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.config.StorageOptions;
import io.tunelab.tracker.liveness.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded tracker database of a test's directory and the storages of the workers sharing it, each reaping the
 * others' stale trials; closes them all. Not thread-safe: open storages from the test's thread.
 */
final class WorkersOnOneDatabase implements AutoCloseable {
    /** The default workers' heartbeat interval; their grace is twice as long. */
    static final Duration HOUR = Duration.ofHours(1);

    final Database db;
    private final Path dir;
    private final List<JdbcTrialStorage> opened = new ArrayList<>();

    WorkersOnOneDatabase(Path dir) {
        this.dir = dir;
        this.db = Database.open(DatabaseSettings.embedded(dir));
    }

    /** A worker's storage with {@code options}. */
    JdbcTrialStorage storage(StorageOptions options) {
        JdbcTrialStorage s = new JdbcTrialStorage(db, false, new LocalArtifactRepository(dir.resolve("a")), options);
        opened.add(s);
        return s;
    }

    /** A worker's storage whose heartbeat thread never fires during a test: stale after two hours of silence. */
    JdbcTrialStorage storage(MutableClock c, boolean heartbeats) {
        StorageOptions options = StorageOptions.defaults().withClock(c);
        return storage(heartbeats ? options.withHeartbeat(HOUR, HOUR.multipliedBy(2)) : options.withoutHeartbeat());
    }

    /** A study named "s" whose stale trials are retried up to {@code maxRetries} times. */
    static long study(JdbcTrialStorage s, int maxRetries) {
        long id = s.createStudy("s", List.of(Direction.MINIMIZE)).id();
        s.setStudySystemAttr(id, RetryPolicy.ATTR, new RetryPolicy(maxRetries).toAttr());
        return id;
    }

    @Override
    public void close() {
        opened.forEach(JdbcTrialStorage::close);
        db.close();
    }
}
