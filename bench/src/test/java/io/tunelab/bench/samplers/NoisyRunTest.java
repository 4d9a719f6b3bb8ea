package io.tunelab.bench.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NoisyRunTest {

    @Test
    void withoutNoiseTheObservedValueIsTheTrueOneAndTheRegretIsTheBestTrueValue() {
        NoisyRun run = new NoisyRun(0, 1);
        assertThat(run.observe(3.0)).isEqualTo(3.0);
        assertThat(run.observe(1.5)).isEqualTo(1.5);
        assertThat(run.observe(2.0)).isEqualTo(2.0);
        assertThat(run.trueValueOfBestAfter(1)).isEqualTo(3.0);
        assertThat(run.trueValueOfBestAfter(3)).isEqualTo(1.5);
    }

    @Test
    void theNoiseOfATrialDependsOnTheSeedAndTheTrialAlone() {
        NoisyRun a = new NoisyRun(2, 5);
        NoisyRun b = new NoisyRun(2, 5);
        NoisyRun other = new NoisyRun(2, 6);
        for (int k = 0; k < 20; k++) {
            double value = k * 0.5;
            double observed = a.observe(value);
            assertThat(b.observe(value)).isEqualTo(observed).isEqualTo(value + 2 * NoisyRun.draw(5, k));
            assertThat(other.observe(value)).isNotEqualTo(observed);
        }
    }

    @Test
    void theDrawsAreStandardNormal() {
        double[] z = IntStream.range(0, 20_000).mapToDouble(k -> NoisyRun.draw(11, k)).toArray();
        double mean = java.util.Arrays.stream(z).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(z).map(v -> (v - mean) * (v - mean)).sum() / (z.length - 1));
        assertThat(mean).isBetween(-0.03, 0.03);
        assertThat(sd).isBetween(0.97, 1.03);
        assertThat(java.util.Arrays.stream(z).filter(v -> Math.abs(v) > 1.96).count() / (double) z.length).isBetween(0.04, 0.06);
    }

    @Test
    void theRegretIsTheTrueValueOfTheBestObservedTrialNotTheBestTrueValue() {
        // a seed where trial 1 (true value 1) is observed below trial 0 (true value 0)
        long seed = IntStream.range(1, 1000).filter(s -> 1 + 10 * NoisyRun.draw(s, 1) < 10 * NoisyRun.draw(s, 0))
                .findFirst().orElseThrow();
        NoisyRun run = new NoisyRun(10, seed);
        run.observe(0);
        run.observe(1);
        assertThat(run.trueValueOfBestAfter(1)).isEqualTo(0);
        assertThat(run.trueValueOfBestAfter(2)).isEqualTo(1);
    }

    @Test
    void aNegativeNoiseOrACheckpointBeyondTheObservationsIsRefusedNamingIt() {
        assertThatThrownBy(() -> new NoisyRun(-0.1, 1)).hasMessageContaining("got -0.1");
        assertThatThrownBy(() -> new NoisyRun(Double.NaN, 1)).hasMessageContaining("got NaN");
        NoisyRun run = new NoisyRun(1, 1);
        run.observe(1);
        assertThatThrownBy(() -> run.trueValueOfBestAfter(2)).hasMessageContaining("1..1").hasMessageContaining("got 2");
    }
}
