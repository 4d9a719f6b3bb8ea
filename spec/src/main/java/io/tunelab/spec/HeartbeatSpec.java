package io.tunelab.spec;

import java.time.Duration;
import java.util.Objects;

/**
 * How a running trial shows it is alive: it sends a heartbeat every {@code interval}, and a RUNNING
 * trial silent for {@code grace} is failed as stale (its worker died) and may be retried.
 *
 * @param interval time between heartbeats, at least 1 second
 * @param grace    silence after which a trial is stale, at least twice {@code interval}
 */
public record HeartbeatSpec(Duration interval, Duration grace) {
    /** Heartbeats every 10 s, stale after 60 s. */
    public static final HeartbeatSpec DEFAULT = new HeartbeatSpec(Duration.ofSeconds(10), Duration.ofSeconds(60));

    public HeartbeatSpec {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(grace, "grace");
        if (grace.compareTo(interval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("heartbeat grace must be at least twice the interval " + interval
                    + ", got " + grace);
        }
    }
}
