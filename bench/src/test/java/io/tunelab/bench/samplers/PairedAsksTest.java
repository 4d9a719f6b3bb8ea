package io.tunelab.bench.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairedAsksTest {
    private static final int WARMUP_PAIRS = 10;

    @Test
    void inAutosGpPhaseEachPortfolioAskIsPairedWithTheDelegateThatServedItButNoPairIsReportedAsTheTurnsAlternate() {
        int history = 20;
        int asks = 12;
        InMemoryStorage storage = AskCost.history(history, 2, AskClock.WALL);
        Map<String, PairedAsks.Pair> pairs = PairedAsks.measure("auto", storage, 2, asks, AskClock.WALL);

        List<FrozenTrial> trials = trialsFrom(storage, history);
        assertThat(trials).hasSize(2 * (WARMUP_PAIRS + asks));
        List<Object> by = trials.stream().map(t -> t.systemAttrs().get(Sampler.SAMPLER_ATTR)).toList();
        assertThat(by).as("the portfolio's turns change with the trial number").contains("gp", "tpe");
        for (int pair = 0; pair < WARMUP_PAIRS + asks; pair += 2) {
            assertThat(by.get(2 * pair + 1)).as("the direct ask of pair %d, asked after the portfolio's", pair)
                    .isEqualTo(by.get(2 * pair));
        }
        assertThat(pairs).isEmpty();
    }

    @Test
    void inAutosCmaesPhaseEveryPairIsKeptAndBothSidesAreCmaes() {
        int history = 260;
        InMemoryStorage storage = AskCost.history(history, 2, AskClock.WALL);
        Map<String, PairedAsks.Pair> pairs = PairedAsks.measure("auto", storage, 2, 8, AskClock.WALL);

        assertThat(pairs).containsOnlyKeys("cmaes");
        assertThat(pairs.get("cmaes").pairs()).isEqualTo(8);
        assertThat(pairs.get("cmaes").msVia()).isPositive();
        assertThat(pairs.get("cmaes").msDirect()).isPositive();
        assertThat(trialsFrom(storage, history)).hasSize(2 * (WARMUP_PAIRS + 8))
                .allMatch(t -> "cmaes".equals(t.systemAttrs().get(Sampler.SAMPLER_ATTR)));
    }

    @Test
    void aSamplerWithoutDelegatesHasNoPairs() {
        assertThat(PairedAsks.measure("tpe", 5, 2, 4, AskClock.WALL)).isEmpty();
    }

    @Test
    void overRoundsARowKeepsTheFasterRoundsAskTimeAndThePairWithTheLowerSum() {
        AskCost.Row first = new AskCost.Row("auto:cmaes", 250, 10, 0.010, 0.004, 0.003, 0.009, 0.006);
        AskCost.Row second = new AskCost.Row("auto:cmaes", 250, 10, 0.008, 0.003, 0.004, 0.008, 0.008);

        AskCost.Row lowest = first.lowest(second);

        assertThat(lowest).isEqualTo(new AskCost.Row("auto:cmaes", 250, 10, 0.008, 0.003, 0.004, 0.009, 0.006));
        assertThat(second.lowest(first)).isEqualTo(lowest);
        AskCost.Row unpaired = new AskCost.Row("auto:cmaes", 250, 10, 0.007, 0.003, 0.003, Double.NaN, Double.NaN);
        assertThat(unpaired.lowest(first).msPairedVia()).as("a round with a pair wins over one without").isEqualTo(0.009);
        assertThat(first.lowest(unpaired).msPairedVia()).isEqualTo(0.009);
        assertThat(unpaired.lowest(first).msPerAsk()).isEqualTo(0.007);
    }

    private static List<FrozenTrial> trialsFrom(InMemoryStorage storage, int number) {
        long study = storage.findStudy(AskCost.STUDY).orElseThrow().id();
        return storage.trials(study, EnumSet.of(TrialState.COMPLETE)).stream().filter(t -> t.number() >= number).toList();
    }
}
