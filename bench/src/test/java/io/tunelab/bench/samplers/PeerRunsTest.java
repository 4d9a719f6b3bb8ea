package io.tunelab.bench.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.bench.peer.OptunaPeer;
import io.tunelab.search.SearchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PeerRunsTest {

    private static String optuna(String sampler) {
        Path here = Path.of("optuna_peer.py");
        return OptunaPeer.command("optuna:" + sampler, Files.isRegularFile(here) ? here : Path.of("bench", "optuna_peer.py"));
    }

    @Test
    void aPeerRunsEveryProblemWithTheSamplersSeedsAndCheckpointsSeveralObjectivesIncluded() {
        List<BenchProblem> problems = List.of(BenchProblems.byName("branin"), BenchProblems.byName("hpo_mixed"),
                BenchProblems.byName("zdt1_wide"));
        List<SamplerBenchmark.Row> rows;
        List<SamplerBenchmark.Row> again;
        try (PeerRuns peers = PeerRuns.start(List.of(optuna("random")))) {
            rows = peers.run(problems, 3, 2, 12);
            again = peers.run(problems, 3, 2, 12);
        }
        assertThat(rows).extracting(SamplerBenchmark.Row::sampler).containsOnly("optuna-random");
        assertThat(rows).extracting(r -> r.problem() + ":" + r.seed() + "@" + r.trials()).containsExactly(
                "branin:3@10", "branin:3@12", "branin:4@10", "branin:4@12",
                "hpo_mixed:3@10", "hpo_mixed:3@12", "hpo_mixed:4@10", "hpo_mixed:4@12",
                "zdt1_wide:3@10", "zdt1_wide:3@12", "zdt1_wide:4@10", "zdt1_wide:4@12");
        assertThat(rows).allMatch(r -> r.regret() >= 0 && r.samplerMsPerTrial() > 0);
        assertThat(rows).filteredOn(r -> r.problem().equals("branin") && r.trials() == 12)
                .allMatch(r -> r.boundShare() >= 0 && r.boundShare() <= 1);
        assertThat(rows).filteredOn(r -> r.problem().equals("hpo_mixed") || r.trials() == 10)
                .allMatch(r -> Double.isNaN(r.boundShare()));
        assertThat(rows.get(1).regret()).isLessThanOrEqualTo(rows.get(0).regret());
        assertThat(rows.get(9).regret()).isLessThanOrEqualTo(rows.get(8).regret()).isLessThan(11.7);
        assertThat(again).extracting(SamplerBenchmark.Row::regret)
                .isEqualTo(rows.stream().map(SamplerBenchmark.Row::regret).toList());
    }

    @Test
    void aPeerThatCannotStartFailsTheBenchmarkBeforeAnySamplerRuns() {
        AtomicInteger evaluations = new AtomicInteger();
        BenchProblem counted = ContinuousProblem.cube("counted", 2, 0, 1, 0, 20, x -> evaluations.incrementAndGet());
        SamplerBenchmark.Settings settings = new SamplerBenchmark.Settings(List.of(counted), List.of("random"), 1, 3, 0, 1,
                List.of("exit 3"));
        assertThatThrownBy(() -> SamplerBenchmark.run(settings)).isInstanceOf(SearchException.class)
                .hasMessageContaining("peer 'exit 3'");
        assertThat(evaluations).hasValue(0);
    }

    @Test
    void theBenchmarkListsAProblemsPeerRowsAfterItsSamplersRows() {
        SamplerBenchmark.Settings settings = new SamplerBenchmark.Settings(
                List.of(BenchProblems.byName("branin"), BenchProblems.byName("levy5")), List.of("random"), 1, 1, 5, 1,
                List.of(optuna("random")));
        List<SamplerBenchmark.Row> rows = SamplerBenchmark.run(settings);
        assertThat(rows).extracting(r -> r.problem() + "/" + r.sampler())
                .containsExactly("branin/random", "branin/optuna-random", "levy5/random", "levy5/optuna-random");
    }
}
