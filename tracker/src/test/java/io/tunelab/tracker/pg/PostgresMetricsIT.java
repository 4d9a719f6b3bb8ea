package io.tunelab.tracker.pg;

import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.config.StorageOptions;
import io.tunelab.tracker.metrics.SummaryAcrossWrites;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** On PostgreSQL, metric summaries merged in SQL write after write agree with H2's (LEAST, GREATEST, CASE). */
class PostgresMetricsIT {
    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    @TempDir
    Path tmp;

    @Test
    void summariesAreMergedCorrectlyWriteAfterWrite() throws Exception {
        String url = PG.newDatabase("metrics");
        try (Tracker tracker = Tracker.open(new TrackerConfig(new DatabaseSettings(url, "postgres", "", 4),
                tmp.resolve("artifacts"), StorageOptions.defaults()))) {
            SummaryAcrossWrites.check(tracker.storage(), tracker.metrics());
        }
    }
}
