package io.tunelab.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcknowledgedPointsTest {

    @Test
    void aCommitLineAcknowledgesEachOfItsPoints() {
        assertThat(AcknowledgedPoints.parse("09:12:01.123 [tunelab-metric-writer] DEBUG MetricWriter - committed trial 42"
                + " points [loss@3, val_accuracy@3, lr@12]")).containsExactly(
                new AcknowledgedPoints.Point(42, "loss", 3), new AcknowledgedPoints.Point(42, "val_accuracy", 3),
                new AcknowledgedPoints.Point(42, "lr", 12));
    }

    @Test
    void aLineCutShortByAKillAcknowledgesNothing() {
        assertThat(AcknowledgedPoints.parse("DEBUG MetricWriter - committed trial 42 points [loss@3, val_accuracy@1")).isEmpty();
        assertThat(AcknowledgedPoints.parse("Running study 'soak' (budget 30 trials) on [cpu:0]")).isEmpty();
    }
}
