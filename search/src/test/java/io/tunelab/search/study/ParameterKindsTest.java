package io.tunelab.search.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.space.InvalidDistributionException;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialState;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterKindsTest {

    private static Study study(InMemoryStorage storage) {
        return Study.builder("kinds").storage(storage).sampler(new RandomSampler(3)).createOrLoad();
    }

    /** A study whose trial 0 suggested {@code name} from {@code distribution} and completed. */
    private static Study afterOneTrial(String name, Distribution distribution) {
        Study study = study(new InMemoryStorage());
        Trial first = study.ask();
        first.suggest(name, distribution);
        study.tell(first, 0.5);
        return study;
    }

    @Test
    void aLaterTrialCannotSuggestAFloatParameterAsACategoricalAndTheErrorNamesBothAndTheFirstTrial() {
        Trial second = afterOneTrial("lr", FloatDistribution.uniform(0, 1)).ask();
        assertThatThrownBy(() -> second.suggest("lr", new CategoricalDistribution(List.of("a", "b"))))
                .isInstanceOf(InvalidDistributionException.class)
                .hasMessageContaining("parameter 'lr': trial 1 suggests it from")
                .hasMessageContaining("but trial 0 of this study suggested it from")
                .hasMessageContaining("keeps one kind of distribution");
    }

    @Test
    void anIntParameterCannotBecomeAFloatButItsRangeMayChange() {
        Study study = afterOneTrial("units", IntDistribution.uniform(1, 8));
        Trial second = study.ask();
        assertThat(second.suggest("units", IntDistribution.uniform(1, 64))).isNotNull();
        assertThatThrownBy(() -> study.ask().suggest("units", FloatDistribution.uniform(1, 8)))
                .isInstanceOf(InvalidDistributionException.class).hasMessageContaining("parameter 'units'");
    }

    @Test
    void aCategoricalParameterKeepsItsChoices() {
        Study study = study(new InMemoryStorage());
        study.ask().suggest("opt", new CategoricalDistribution(List.of("sgd", "adam")));
        assertThat(study.ask().suggest("opt", new CategoricalDistribution(List.of("sgd", "adam")))).isNotNull();
        assertThatThrownBy(() -> study.ask().suggest("opt", new CategoricalDistribution(List.of("sgd", "adam", "rmsprop"))))
                .isInstanceOf(InvalidDistributionException.class).hasMessageContaining("keeps its choices");
    }

    @Test
    void theFirstDistributionIsLearnedFromTrialsAnotherProcessStoredInTheSharedStorage() {
        InMemoryStorage shared = new InMemoryStorage();
        Study elsewhere = study(shared);
        Trial theirs = elsewhere.ask();
        theirs.suggest("dropout", FloatDistribution.uniform(0, 0.5));
        elsewhere.tell(theirs, 0.1);
        Study here = study(shared);
        assertThatThrownBy(() -> here.ask().suggest("dropout", new CategoricalDistribution(List.of(0.1, 0.2))))
                .isInstanceOf(InvalidDistributionException.class).hasMessageContaining("trial 0 of this study");
    }

    @Test
    void inOptimizeTheOffendingTrialFailsWithTheMessageAndTheStudyGoesOn() {
        Study study = study(new InMemoryStorage());
        study.optimize(t -> t.number() == 1 ? t.suggestInt("x", 0, 3) : t.suggestFloat("x", 0, 1),
                OptimizeOptions.trials(3).withParallelism(1));
        assertThat(study.trials()).extracting(t -> t.state())
                .containsExactly(TrialState.COMPLETE, TrialState.FAIL, TrialState.COMPLETE);
        assertThat(study.trials().get(1).message()).contains("parameter 'x'").contains("keeps one kind of distribution");
    }
}
