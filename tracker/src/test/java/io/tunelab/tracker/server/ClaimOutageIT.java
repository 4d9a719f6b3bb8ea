package io.tunelab.tracker.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.storage.StorageException;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.config.StorageOptions;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real H2 tracker server stops just as a worker claims its next trial and stays down for longer than the worker's
 * outage tolerance: the worker stops with one message naming the database and what to do, loses none of the trials
 * it finished, and resumes the study once the server is back.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ClaimOutageIT {
    private static final Duration TOLERANCE = Duration.ofSeconds(2);

    @TempDir
    Path tmp;

    @Test
    void aClaimOutlastingTheToleranceStopsTheStudySayingWhatToDoAndTheStudyResumesOnceTheServerIsBack() {
        Path dir = tmp.resolve("srv");
        TrackerServer[] server = {TrackerServer.start(ServerOptions.loopback(dir).withReapEvery(null))};
        int port = server[0].port();
        TrackerConfig config = new TrackerConfig(server[0].clientSettings().withOutageTolerance(TOLERANCE),
                tmp.resolve("artifacts"), StorageOptions.defaults().withoutHeartbeat());
        try (Tracker tracker = Tracker.open(config)) {
            Study study = Study.builder("claims").storage(tracker.storage()).create();
            OptimizeOptions options = OptimizeOptions.trials(3).withParallelism(1).withCallback((s, trial) -> {
                if (trial.number() == 1) {
                    server[0].close();
                }
            });

            assertThatThrownBy(() -> study.optimize(trial -> 0.5 + trial.number(), options))
                    .isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.UNAVAILABLE))
                    .hasMessageContaining("study 'claims' stopped: no trial could be claimed for 2 s")
                    .hasMessageContaining("127.0.0.1:" + port)
                    .hasMessageContaining("Nothing is lost")
                    .hasMessageContaining("once the storage is reachable");

            server[0] = TrackerServer.start(ServerOptions.loopback(dir).withPort(port).withReapEvery(null));
            study.optimize(trial -> 0.5 + trial.number(), OptimizeOptions.trials(1).withParallelism(1));
            assertThat(study.trials()).extracting(FrozenTrial::state).startsWith(TrialState.COMPLETE, TrialState.COMPLETE)
                    .endsWith(TrialState.COMPLETE);
            assertThat(study.trials(java.util.EnumSet.of(TrialState.COMPLETE))).hasSizeGreaterThanOrEqualTo(3);
        } finally {
            server[0].close();
        }
    }
}
