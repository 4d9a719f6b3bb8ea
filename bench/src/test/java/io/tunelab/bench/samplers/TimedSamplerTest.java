package io.tunelab.bench.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Trial;
import org.junit.jupiter.api.Test;

class TimedSamplerTest {

    @Test
    void itAddsUpTimeSpentInTheSamplerAndProposesWhatTheSamplerProposes() {
        TimedSampler timed = new TimedSampler(new RandomSampler(5));
        Study withTimer = Study.builder("timed").storage(new InMemoryStorage()).seed(5).sampler(timed).create();
        Study without = Study.builder("plain").storage(new InMemoryStorage()).seed(5).sampler(new RandomSampler(5)).create();
        assertThat(timed.nanos()).isZero();
        for (int i = 0; i < 5; i++) {
            Trial a = withTimer.ask();
            Trial b = without.ask();
            assertThat(a.suggestFloat("x", -1, 1)).isEqualTo(b.suggestFloat("x", -1, 1));
            withTimer.tell(a, 0.0);
            without.tell(b, 0.0);
        }
        assertThat(timed.nanos()).isPositive();
        assertThat(timed.describe()).isEqualTo(new RandomSampler(5).describe());
    }

    @Test
    void itDecidesFromItsViewOnlyWhenTheTimedSamplerDoes() {
        assertThat(new TimedSampler(new RandomSampler(5)).decidesFromViewOnly()).isTrue();
        assertThat(new TimedSampler(new io.tunelab.search.sampler.cmaes.CmaesSampler(5)).decidesFromViewOnly()).isTrue();
    }

    @Test
    void withAGivenClockEverySamplerCallOfATrialIsTimedOnItTrialAttrsIncluded() {
        long[] ticks = {0};
        TimedSampler timed = new TimedSampler(new RandomSampler(5), () -> ticks[0] += 10);
        Study study = Study.builder("clocked").storage(new InMemoryStorage()).seed(5).sampler(timed).create();

        Trial trial = study.ask();
        long afterAsk = timed.nanos();
        trial.suggestFloat("x", -1, 1);

        assertThat(afterAsk).as("beforeTrial, relativeSearchSpace, trialAttrs: one tick each").isEqualTo(30);
        assertThat(timed.nanos()).as("and sampleIndependent").isEqualTo(40);
    }
}
