package io.tunelab.spec;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * When a study stops: after a number of finished trials, after a wall-clock timeout, or at whichever
 * comes first. At least one is set.
 *
 * @param trials  number of trials, or 0 for no limit
 * @param timeout wall-clock limit, or {@code null} for none
 */
public record BudgetSpec(int trials, Duration timeout) {
    public BudgetSpec {
        if (trials < 0 || (trials == 0 && timeout == null)) {
            throw new IllegalArgumentException("a budget needs trials > 0 or a timeout, got trials=" + trials);
        }
    }

    public OptionalInt maxTrials() {
        return trials > 0 ? OptionalInt.of(trials) : OptionalInt.empty();
    }

    public Optional<Duration> maxDuration() {
        return Optional.ofNullable(timeout);
    }
}
