package io.tunelab.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialPrunedException;
import io.tunelab.search.trial.TrialState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    /** A clock that advances ten seconds each time it is read after the start. */
    static Clock steppingClock() {
        AtomicLong reads = new AtomicLong();
        return clock(() -> 10_000 * reads.getAndIncrement());
    }

    /** A clock that shows {@code millis} since the epoch. */
    static Clock clockAt(AtomicLong millis) {
        return clock(millis::get);
    }

    private static Clock clock(LongSupplier millis) {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(millis.getAsLong());
            }
        };
    }

    @Test
    void aResumedStudysTrialsAndBestCountFromTheFirstLineAndMoreTrialsThanPlannedNeverShowAsMoreThanAll() {
        Study study = Study.builder("r").direction(Direction.MAXIMIZE).create();
        study.optimize(trial -> 0.9, OptimizeOptions.trials(1).withParallelism(1));
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), () -> 2, 1, false, steppingClock());

        study.optimize(trial -> 0.5, OptimizeOptions.trials(2).withParallelism(1).withCallback(bar));

        String[] lines = text.toString().split("\n");
        assertThat(lines[0]).contains("2/2 trials |").contains("best 0.9 (trial 0)");
        assertThat(lines[1]).contains("3/3 trials |").contains("best 0.9 (trial 0)");
    }

    @Test
    void aWorkersLineCountsTheTrialsOfEveryWorkerAndSaysHowManyAreItsOwn() {
        InMemoryStorage storage = new InMemoryStorage();
        Study others = Study.builder("w").storage(storage).direction(Direction.MAXIMIZE).create();
        Study here = Study.builder("w").storage(storage).direction(Direction.MAXIMIZE).load();
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), () -> 100, 0, false, steppingClock());

        for (int round = 0; round < 12; round++) {
            others.optimize(trial -> 0.1, OptimizeOptions.trials(2).withParallelism(1));
            here.optimize(trial -> 0.2, OptimizeOptions.trials(1).withParallelism(1).withCallback(bar));
        }

        String[] lines = text.toString().split("\n");
        assertThat(lines[11]).startsWith("[#########...............] 36/100 trials (12 by this worker) |")
                .contains("| ETA 3m33s");
    }

    @Test
    void aStaleTrialSupersededByItsRetryIsNotCountedOnlyTheRetryIsAndTheEtaFollowsTheTrialsThatCount() {
        InMemoryStorage storage = new InMemoryStorage();
        Study here = Study.builder("s").storage(storage).direction(Direction.MAXIMIZE).create();
        FrozenTrial stale = storage.createRunningTrial(here.studyId());
        storage.setSystemAttr(stale.id(), TrialStorage.SUPERSEDED, true);
        storage.finishTrial(stale.id(), TrialState.FAIL, List.of(), "stale: no heartbeat");
        storage.createWaitingTrial(here.studyId(), Map.of(), Map.of(TrialStorage.RETRY_OF, stale.number()));
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), () -> 10, 0, false, steppingClock());

        here.optimize(trial -> 0.5, OptimizeOptions.trials(1).withParallelism(1).withCallback(bar));
        FrozenTrial another = storage.createRunningTrial(here.studyId());
        storage.finishTrial(another.id(), TrialState.COMPLETE, List.of(0.4), null);
        here.optimize(trial -> 0.6, OptimizeOptions.trials(1).withParallelism(1).withCallback(bar));

        String[] lines = text.toString().split("\n");
        assertThat(lines[0]).as("the retry alone counts: 10s for 1 trial, 9 left")
                .startsWith("[##......................] 1/10 trials |").endsWith("| 10s | ETA 1m30s");
        assertThat(lines[1]).startsWith("[#######.................] 3/10 trials (2 by this worker) |");
    }

    @Test
    void eachFinishedTrialPrintsDoneOfTotalBestAndEta() {
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), () -> 4, 0, false, steppingClock());
        Study study = Study.builder("p").direction(Direction.MAXIMIZE).create();
        double[] values = {0.5, 0.9, 0.7, 0.2};
        study.optimize(trial -> {
            if (trial.number() == 2) {
                throw new TrialPrunedException();
            }
            return values[trial.number()];
        }, OptimizeOptions.trials(4).withParallelism(1).withCallback(bar));
        String[] lines = text.toString().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("[######..................] 1/4 trials").contains("best 0.5 (trial 0)")
                .contains("| 10s | ETA 30s");
        assertThat(lines[2]).contains("3/4 trials (1 pruned, 0 failed)").contains("best 0.9 (trial 1)");
        assertThat(lines[3]).startsWith("[########################] 4/4").doesNotContain("ETA");
    }

    private static String lastLine(StringWriter text) {
        String all = text.toString();
        return all.substring(all.lastIndexOf('\r') + 1);
    }

    @Test
    void onATerminalTheElapsedTimeAndEtaTickBetweenTrialsAndASlowTrialMakesTheEtaGrowNotStopAtZero() {
        AtomicLong now = new AtomicLong();
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), () -> 4, 0, true, clockAt(now));
        Study study = Study.builder("t").direction(Direction.MAXIMIZE).create();
        study.optimize(trial -> {
            now.addAndGet(10_000);
            return 0.5;
        }, OptimizeOptions.trials(1).withParallelism(1).withCallback(bar));
        assertThat(lastLine(text)).endsWith("| 10s | ETA 30s");

        now.set(15_000);
        bar.tick(study);
        assertThat(lastLine(text)).endsWith("| 15s | ETA 25s");

        now.set(40_000);
        bar.tick(study);
        assertThat(lastLine(text)).as("no trial for 30s: at least 40s * 2 left / 2 done if one ended now")
                .endsWith("| 40s | ETA 40s");
    }

    @Test
    void onATerminalTheBestAndTheCountOfAnotherRunSharingTheStoreShowAtTheNextTickAtMostOnceASecond() {
        AtomicLong now = new AtomicLong();
        InMemoryStorage storage = new InMemoryStorage();
        Study others = Study.builder("w").storage(storage).direction(Direction.MAXIMIZE).create();
        Study here = Study.builder("w").storage(storage).direction(Direction.MAXIMIZE).load();
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), () -> 10, 0, true, clockAt(now));
        now.set(10_000);
        here.optimize(trial -> 0.2, OptimizeOptions.trials(1).withParallelism(1).withCallback(bar));
        others.optimize(trial -> 0.9, OptimizeOptions.trials(2).withParallelism(1));

        now.set(10_500);
        bar.tick(here);
        assertThat(lastLine(text)).as("read 0.5s ago: not read again").startsWith("[##......................] 1/10 trials |")
                .contains("| best 0.2 (trial 0) |");

        now.set(11_000);
        bar.tick(here);
        assertThat(lastLine(text)).startsWith("[#######.................] 3/10 trials (1 by this worker) |")
                .contains("| best 0.9 (trial 1) |").endsWith("| 11s | ETA 25s");
    }

    @Test
    void inALogOnlyFinishedTrialsPrintALine() {
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), () -> 4, 0, false, steppingClock());

        bar.tick(Study.builder("l").direction(Direction.MAXIMIZE).create());

        assertThat(text.toString()).isEmpty();
    }

    @Test
    void durationsReadLikeAPerson() {
        assertThat(ProgressBar.human(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(ProgressBar.human(Duration.ofSeconds(190))).isEqualTo("3m10s");
        assertThat(ProgressBar.human(Duration.ofMinutes(62))).isEqualTo("1h02m");
    }

    @Test
    void theBestShownIsTheBestTrialWhoseConstraintsHold() {
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), () -> 3, 0, false, steppingClock());
        Study study = Study.builder("p").direction(Direction.MAXIMIZE).create();
        double[] values = {0.5, 0.9, 0.7};
        study.optimize(trial -> {
            trial.setConstraints(trial.number() == 1 ? 0.3 : 0.0);
            return values[trial.number()];
        }, OptimizeOptions.trials(3).withParallelism(1).withCallback(bar));
        String[] lines = text.toString().split("\n");
        assertThat(lines[1]).contains("best 0.5 (trial 0)");
        assertThat(lines[2]).contains("best 0.7 (trial 2)");
    }
}
