package io.tunelab.bench.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.bench.peer.OptunaPeer;
import io.tunelab.search.SearchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The benchmark with observation noise ({@code --noise}): samplers and peers alike. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NoisyBenchmarkTest {
    private static final BenchProblem BRANIN = BenchProblems.byName("branin");

    private static String optuna(String sampler) {
        Path here = Path.of("optuna_peer.py");
        return OptunaPeer.command("optuna:" + sampler, Files.isRegularFile(here) ? here : Path.of("bench", "optuna_peer.py"));
    }

    /**
     * Random search proposes the same points whatever the values, so with noise its regret (the true value of the best
     * observed trial) is never below the noise-free one (the best true value), and with strong noise above it somewhere.
     * Rows of several runs, in the same order.
     */
    private static void assertNoiseOnlyHurts(List<SamplerBenchmark.Row> noiseFree, List<SamplerBenchmark.Row> noisy) {
        assertThat(noisy).hasSameSizeAs(noiseFree);
        boolean above = false;
        for (int i = 0; i < noisy.size(); i++) {
            assertThat(noisy.get(i).trials()).isEqualTo(noiseFree.get(i).trials());
            assertThat(noisy.get(i).regret()).isGreaterThanOrEqualTo(noiseFree.get(i).regret());
            above |= noisy.get(i).regret() > noiseFree.get(i).regret();
        }
        assertThat(above).as("some checkpoint where the noise picked a worse trial").isTrue();
    }

    private static List<Double> regrets(List<SamplerBenchmark.Row> rows) {
        return rows.stream().map(SamplerBenchmark.Row::regret).toList();
    }

    @Test
    void aSamplersRegretUnderNoiseIsTheTrueValueOfItsBestObservedTrial() {
        List<SamplerBenchmark.Row> noiseFree = new ArrayList<>();
        List<SamplerBenchmark.Row> noisy = new ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            noiseFree.addAll(SamplerBenchmark.runOne(BRANIN, "random", seed, 50));
            noisy.addAll(SamplerBenchmark.runOne(BRANIN, "random", seed, 50, 0.5));
        }
        assertNoiseOnlyHurts(noiseFree, noisy);
        assertThat(regrets(SamplerBenchmark.runOne(BRANIN, "tpe", 2, 30, 0)))
                .isEqualTo(regrets(SamplerBenchmark.runOne(BRANIN, "tpe", 2, 30)));
        assertThat(regrets(SamplerBenchmark.runOne(BRANIN, "tpe", 2, 30, 0.2)))
                .as("the same seed gives the same noise and so the same run")
                .isEqualTo(regrets(SamplerBenchmark.runOne(BRANIN, "tpe", 2, 30, 0.2)));
    }

    @Test
    void aPeersRegretUnderNoiseIsTheTrueValueOfItsBestObservedTrialToo() {
        List<BenchProblem> problems = List.of(BRANIN, BenchProblems.byName("hpo_mixed"));
        try (PeerRuns peers = PeerRuns.start(List.of(optuna("random")))) {
            assertNoiseOnlyHurts(peers.run(problems, 1, 3, 30), peers.run(problems, 1, 3, 30, 0.5));
        }
    }

    @Test
    void withNoiseProblemsOfSeveralObjectivesAreSkipped() {
        SamplerBenchmark.Settings settings = new SamplerBenchmark.Settings(
                List.of(BRANIN, BenchProblems.byName("zdt1")), List.of("random", "nsga2"), 1, 1, 12, 1, List.of(), 0.1);
        assertThat(settings.runnable()).containsExactly(BRANIN);
        assertThat(SamplerBenchmark.run(settings)).extracting(SamplerBenchmark.Row::problem).containsOnly("branin");
    }

    @Test
    void aNegativeOrNonFiniteNoiseIsRefusedNamingTheOptionAndValue() {
        for (double bad : new double[] {-0.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new SamplerBenchmark.Settings(List.of(BRANIN), List.of("random"), 1, 1, 10, 1,
                    List.of(), bad)).isInstanceOf(SearchException.class).hasMessageContaining("--noise")
                    .hasMessageContaining("got " + bad);
        }
    }
}
