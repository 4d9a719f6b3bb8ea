package io.tunelab.spec;

import java.time.Duration;
import java.util.Objects;

/**
 * How a running trial shows it is alive: it sends a heartbeat every {@code interval}, and a RUNNING
 * trial silent for {@code grace} is failed as stale (its worker died) and retried with the same
 * parameters, up to {@code maxRetries} times per original trial (the study's retry policy).
 *
 * @param interval   time between heartbeats, at least 1 second
 * @param grace      silence after which a trial is stale, at least twice {@code interval}
 * @param maxRetries retries of a stale trial, 0 (never retry) to {@value #MAX_RETRIES_LIMIT}
 */
public record HeartbeatSpec(Duration interval, Duration grace, int maxRetries) {
    /** Retries of a stale trial unless the file sets {@code max_retries}. */
    public static final int DEFAULT_MAX_RETRIES = 2;
    /** The most retries a file may ask for. */
    public static final int MAX_RETRIES_LIMIT = 1000;
    /** Heartbeats every 10 s, stale after 60 s, {@value #DEFAULT_MAX_RETRIES} retries. */
    public static final HeartbeatSpec DEFAULT = new HeartbeatSpec(Duration.ofSeconds(10), Duration.ofSeconds(60));

    public HeartbeatSpec {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(grace, "grace");
        if (grace.compareTo(interval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("heartbeat grace must be at least twice the interval " + interval
                    + ", got " + grace);
        }
        if (maxRetries < 0 || maxRetries > MAX_RETRIES_LIMIT) {
            throw new IllegalArgumentException("heartbeat max_retries: expected an integer from 0 to "
                    + MAX_RETRIES_LIMIT + ", got " + maxRetries);
        }
    }

    /** {@code interval} and {@code grace} with the default {@value #DEFAULT_MAX_RETRIES} retries. */
    public HeartbeatSpec(Duration interval, Duration grace) {
        this(interval, grace, DEFAULT_MAX_RETRIES);
    }
}
