package io.tunelab.search.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NewTrialsTest {

    private static FrozenTrial trial(int number) {
        return new FrozenTrial(100 + number, number, TrialState.COMPLETE, List.of(1.0), null, null, Map.of(), Map.of(),
                new TreeMap<>(), Map.of(), Map.of(), null);
    }

    private static List<FrozenTrial> trials(int... numbers) {
        return IntStream.of(numbers).mapToObj(NewTrialsTest::trial).toList();
    }

    @Test
    void eachTrialIsReturnedOnceInNumberOrder() {
        NewTrials news = new NewTrials();
        assertThat(news.since(trials(0, 1))).extracting(FrozenTrial::number).containsExactly(0, 1);
        assertThat(news.since(trials(0, 1))).isEmpty();
        assertThat(news.since(trials(0, 1, 2, 3))).extracting(FrozenTrial::number).containsExactly(2, 3);
    }

    @Test
    void aTrialThatFinishedOutOfOrderIsFoundToo() {
        NewTrials news = new NewTrials();
        news.since(trials(0, 2));
        assertThat(news.since(trials(0, 1, 2, 3))).extracting(FrozenTrial::number).containsExactly(1, 3);
        assertThat(news.since(trials(-2, -1, 0, 1, 2, 3))).extracting(FrozenTrial::number).containsExactly(-2, -1);
    }

    @Test
    void afterALateTrialIsFoundTrialsInOrderAreReturnedOnceAgain() {
        NewTrials news = new NewTrials();
        news.since(trials(-1, 0, 2));
        assertThat(news.since(trials(-3, -1, 0, 1, 2))).extracting(FrozenTrial::number).containsExactly(-3, 1);
        assertThat(news.since(trials(-3, -1, 0, 1, 2, 3, 4))).extracting(FrozenTrial::number).containsExactly(3, 4);
        assertThat(news.since(trials(-3, -1, 0, 1, 2, 3, 4))).isEmpty();
        assertThat(news.since(trials(-3, -2, -1, 0, 1, 2, 3, 4, 5))).extracting(FrozenTrial::number)
                .containsExactly(-2, 5);
    }
}
