package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The real wiring quiets Tribuo's java.util.logging loggers when it hands out the trainers, before any training. */
class DefaultWiringTest {
    @Test
    void handingOutTheTrainersKeepsTribuosLoggersToWarnings() {
        new DefaultWiring().trainers();

        assertThat(Logger.getLogger("org.tribuo").getLevel()).isEqualTo(Level.WARNING);
        assertThat(Logger.getLogger("com.oracle.labs.mlrg").getLevel()).isEqualTo(Level.WARNING);
        assertThat(Logger.getLogger("org.tribuo.classification.sgd").isLoggable(Level.INFO)).isFalse();
    }
}
