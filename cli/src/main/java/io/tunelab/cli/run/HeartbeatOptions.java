package io.tunelab.cli.run;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.wiring.StorageAccess;
import io.tunelab.spec.Durations;
import io.tunelab.spec.HeartbeatSpec;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --heartbeat-interval} and {@code --heartbeat-grace} of the commands that run trials; they
 * override the study file's {@code heartbeat} section.
 */
public final class HeartbeatOptions {
    @Option(names = "--heartbeat-interval", paramLabel = "DURATION",
            description = "how often running trials send a heartbeat, e.g. 10s (default: the study file's, else 10s)")
    String interval;

    @Option(names = "--heartbeat-grace", paramLabel = "DURATION",
            description = "silence after which a RUNNING trial is stale and retried, e.g. 60s; at least twice the"
                    + " interval (default: the study file's, else 60s)")
    String grace;

    /** {@code access} with the heartbeat of {@code file} (may be null), overridden by these options. */
    public StorageAccess apply(StorageAccess access, HeartbeatSpec file) {
        HeartbeatSpec base = file == null ? HeartbeatSpec.DEFAULT : file;
        Duration i = interval == null ? base.interval() : parse("--heartbeat-interval", interval);
        Duration g = grace == null ? base.grace() : parse("--heartbeat-grace", grace);
        if (g.compareTo(i.multipliedBy(2)) < 0) {
            throw new CliException("--heartbeat-grace: expected at least twice the heartbeat interval "
                    + Durations.format(i) + " (" + Durations.format(i.multipliedBy(2)) + "), got " + Durations.format(g));
        }
        return access.withHeartbeat(i, g);
    }

    private static Duration parse(String option, String text) {
        Duration d = Durations.parse(text);
        if (d == null) {
            throw new CliException(option + ": expected a duration from 1s to 365d such as 10s, 2m or 1h, got '"
                    + text + "'");
        }
        return d;
    }
}
