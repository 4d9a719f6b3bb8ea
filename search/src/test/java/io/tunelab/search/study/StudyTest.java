package io.tunelab.search.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.pruner.MedianPruner;
import io.tunelab.search.pruner.NopPruner;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.space.InvalidDistributionException;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.storage.StorageException;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.RangeOptions;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialPrunedException;
import io.tunelab.search.trial.TrialState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StudyTest {

    private static Study study(Direction... directions) {
        return Study.builder("s").directions(directions.length == 0 ? new Direction[] {Direction.MINIMIZE} : directions)
                .seed(7).create();
    }

    private static OptimizeOptions sequential(int trials) {
        return OptimizeOptions.trials(trials).withParallelism(1);
    }

    @Test
    void suggestingTheSameNameTwiceReturnsTheSameValue() {
        Study study = study();
        Trial trial = study.ask();
        double first = trial.suggestFloat("x", 0, 1);
        assertThat(trial.suggestFloat("x", 0, 1)).isEqualTo(first);
        assertThat(trial.params()).containsOnlyKeys("x");
    }

    @Test
    void suggestingTheSameNameFromAnotherDistributionIsAnError() {
        Trial trial = study().ask();
        trial.suggestInt("n", 0, 3);
        assertThatThrownBy(() -> trial.suggestInt("n", 0, 4))
                .isInstanceOf(InvalidDistributionException.class)
                .hasMessageContaining("'n'").hasMessageContaining("int[0, 3]").hasMessageContaining("int[0, 4]");
    }

    @Test
    void askAndTellRecordACompleteTrial() {
        Study study = study();
        Trial trial = study.ask();
        double x = trial.suggestFloat("x", -1, 1);
        FrozenTrial done = study.tell(trial, x * x);
        assertThat(done.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(done.value()).isEqualTo(x * x);
        assertThat(done.params()).containsEntry("x", x);
        assertThat(done.end()).isNotNull();
    }

    @Test
    void anObjectiveExceptionFailsOnlyItsTrial() {
        Study study = study();
        AtomicInteger calls = new AtomicInteger();
        study.optimize(trial -> {
            if (calls.getAndIncrement() == 1) {
                throw new IllegalStateException("CUDA out of memory");
            }
            return trial.suggestFloat("x", 0, 1);
        }, sequential(4));
        List<FrozenTrial> trials = study.trials();
        assertThat(trials).extracting(FrozenTrial::state).containsExactly(
                TrialState.COMPLETE, TrialState.FAIL, TrialState.COMPLETE, TrialState.COMPLETE);
        assertThat(trials.get(1).message()).isEqualTo("IllegalStateException: CUDA out of memory");
    }

    @Test
    void aConfiguredExceptionTypeStopsTheStudy() {
        Study study = study();
        assertThatThrownBy(() -> study.optimize(trial -> {
            throw new java.io.UncheckedIOException(new java.io.IOException("disk full"));
        }, sequential(5).stoppingOn(java.io.UncheckedIOException.class)))
                .isInstanceOf(java.io.UncheckedIOException.class);
        assertThat(study.trials()).hasSize(1).first().extracting(FrozenTrial::state).isEqualTo(TrialState.FAIL);
    }

    @Test
    void aNanOrInfiniteValueFailsTheTrialWithAMessage() {
        Study study = study();
        AtomicInteger calls = new AtomicInteger();
        study.optimize(trial -> calls.getAndIncrement() == 0 ? Double.NaN : Double.NEGATIVE_INFINITY, sequential(2));
        assertThat(study.trials()).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TrialState.FAIL);
            assertThat(t.message()).contains("not a finite number");
        });
        assertThat(study.trials().get(0).message()).contains("NaN");
    }

    @Test
    void aPrunedExceptionMarksTheTrialPruned() {
        Study study = study();
        study.optimize(trial -> {
            trial.report(0, 1.0);
            throw new TrialPrunedException("pruned at step 0");
        }, sequential(1));
        FrozenTrial t = study.trials().get(0);
        assertThat(t.state()).isEqualTo(TrialState.PRUNED);
        assertThat(t.intermediateValues()).containsEntry(0, 1.0);
        assertThat(t.message()).isEqualTo("pruned at step 0");
    }

    @Test
    void theWrongNumberOfValuesFailsTheTrial() {
        Study study = study(Direction.MINIMIZE, Direction.MAXIMIZE);
        study.optimizeMulti(trial -> new double[] {1.0}, sequential(1));
        assertThat(study.trials().get(0).state()).isEqualTo(TrialState.FAIL);
        assertThat(study.trials().get(0).message()).contains("1 values").contains("2 direction(s)");
    }

    @Test
    void enqueuedParametersAreUsedNextAndOthersAreSampled() {
        Study study = study();
        study.enqueueTrial(Map.of("x", 0.25));
        study.optimize(trial -> trial.suggestFloat("x", 0, 1) + trial.suggestFloat("y", 0, 1), sequential(2));
        List<FrozenTrial> trials = study.trials();
        assertThat(trials.get(0).params()).containsEntry("x", 0.25).containsKey("y");
        assertThat(trials.get(1).params().get("x")).isNotEqualTo(0.25);
    }

    @Test
    void enqueuedAttributesAreUserAttributesAsOptunasUserAttrs() {
        Study study = study();
        study.enqueueTrial(Map.of("x", 0.5), Map.of("source", "manual"));

        study.optimize(trial -> trial.suggestFloat("x", 0, 1), sequential(1));

        FrozenTrial trial = study.trials().get(0);
        assertThat(trial.params()).containsEntry("x", 0.5);
        assertThat(trial.userAttrs()).containsExactly(Map.entry("source", "manual"));
        assertThat(trial.systemAttrs()).doesNotContainKey("source").containsEntry("fixed_params", Map.of("x", 0.5));
    }

    @Test
    void anEnqueuedUserAttributeNamedAsASystemAttributeIsRefusedNamingIt() {
        Study study = study();

        assertThatThrownBy(() -> study.enqueueTrial(Map.of("x", 0.5), Map.of("retry_of", 7)))
                .isInstanceOf(StudyException.class)
                .hasMessage("enqueueTrial: user attribute 'retry_of' is named as a system attribute Tunelab sets"
                        + " itself (fixed_params, retry_of, retried_by, result_of, superseded); choose another name");
        assertThat(study.trials()).isEmpty();
    }

    @Test
    void theBestTrialOfAStudyOfSeveralObjectivesPointsToItsBestTrials() {
        Study study = Study.builder("mo").directions(Direction.MINIMIZE, Direction.MAXIMIZE).create();

        assertThatThrownBy(study::bestTrial).isInstanceOf(StudyException.class).hasMessage("study 'mo' has 2 objectives,"
                + " so no single best trial; bestTrials() gives its Pareto-optimal trials, as Optuna's best_trials");
        assertThatThrownBy(study::bestParams).hasMessageContaining("bestTrials()");
    }

    @Test
    void anEnqueuedValueInsideTheRangeButNotAnIntegerOrOffTheStepGridIsSaidToBeSo() {
        Study study = study();
        study.enqueueTrial(Map.of("n", 2.7));
        study.enqueueTrial(Map.of("n", 2, "s", 0.35));
        study.enqueueTrial(Map.of("n", 2, "c", "d"));

        study.optimize(t -> t.suggestInt("n", 1, 5) + t.suggestFloat("s", 0, 1, RangeOptions.step(0.1))
                + t.suggestCategorical("c", List.of("a", "b")).length(), sequential(3));

        assertThat(study.trials()).extracting(FrozenTrial::message).containsExactly(
                "enqueued parameter 'n': value 2.7 is not an integer, as int[1, 5] needs",
                "enqueued parameter 's': value 0.35 is not on the step grid of"
                        + " float[0.0, 1.0] step 0.1 (0.0 plus a multiple of 0.1)",
                "enqueued parameter 'c': value d is not one of [a, b]");
    }

    @Test
    void anEnqueuedNumberOutsideTheRangeIsUsedWithOneWarningAndSamplersIgnoreThatTrial() {
        Study study = study();
        study.enqueueTrial(Map.of("n", 9, "x", -0.5));
        PrintStream stderr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            study.optimize(t -> t.suggestInt("n", 1, 5) + t.suggestFloat("x", 0, 1), sequential(2));
        } finally {
            System.setErr(stderr);
        }
        List<String> warnings = log.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("out of the range"))
                .map(l -> l.substring(l.indexOf(" - ") + 3)).toList();

        FrozenTrial enqueued = study.trials().get(0);
        assertThat(enqueued.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(enqueued.params()).containsEntry("n", 9).containsEntry("x", -0.5);
        assertThat(enqueued.value()).isEqualTo(8.5);
        assertThat(warnings).containsExactly(
                "Trial 0 of study 's': enqueued parameter 'n' = 9 is out of the range int[1, 5]; the trial uses it,"
                        + " but samplers will not learn from this trial",
                "Trial 0 of study 's': enqueued parameter 'x' = -0.5 is out of the range float[0.0, 1.0]; the trial"
                        + " uses it, but samplers will not learn from this trial");
        assertThat(new InRangeView(study).trials()).extracting(FrozenTrial::number).containsExactly(1);
    }

    @Test
    void everySamplerGoesOnAfterAnEnqueuedTrialUsedAValueOutsideALogRange() {
        for (String sampler : List.of("tpe", "cmaes", "gp", "qmc", "nsga2", "random")) {
            Study study = Study.builder("s-" + sampler).sampler(sampler).seed(3).create();
            study.enqueueTrial(Map.of("lr", -1.0, "n", 0));
            study.enqueueTrial(Map.of("lr", 0.5, "n", 3));

            study.optimize(t -> t.suggestFloat("lr", 1e-4, 1e-1, RangeOptions.log()) + t.suggestInt("n", 1, 5),
                    sequential(14));

            assertThat(study.trials()).as(sampler).allMatch(t -> t.state() == TrialState.COMPLETE);
        }
    }

    @Test
    void anIntegerOffAnIntStepGridIsSaidToBeSo() {
        assertThatThrownBy(() -> IntDistribution.stepped(1, 9, 2).toInternal(4))
                .isInstanceOf(InvalidDistributionException.class)
                .hasMessage("value 4 is not on the step grid of int[1, 9] step 2 (1 plus a multiple of 2)");
    }

    @Test
    void tellingTheSameOutcomeTwiceIsHarmlessButAnotherOutcomeIsAnError() {
        Study study = study();
        Trial trial = study.ask();
        study.tell(trial, 1.0);
        assertThat(study.tell(trial, 1.0).value()).isEqualTo(1.0);
        assertThatThrownBy(() -> study.tell(trial, 2.0)).hasMessageContaining("already finished");
    }

    @Test
    void aTrialAskedFromAnotherStudyIsRefusedNamingBothStudiesAndLeavesTheSameNumberedTrialRunning() {
        InMemoryStorage storage = new InMemoryStorage();
        Study a = Study.builder("a").storage(storage).seed(7).create();
        Study b = Study.builder("b").storage(storage).seed(7).create();
        Trial fromA = a.ask();
        Trial fromB = b.ask();

        assertThatThrownBy(() -> b.tell(fromA, 42.0)).isInstanceOf(StudyException.class)
                .hasMessage("trial 0 belongs to study 'a', not to study 'b': tell it to study 'a'");
        assertThat(b.trials(EnumSet.allOf(TrialState.class))).singleElement()
                .satisfies(t -> assertThat(t.state()).isEqualTo(TrialState.RUNNING));
        assertThat(b.tell(fromB, 1.0).value()).isEqualTo(1.0);
        assertThat(a.tell(fromA, 2.0).value()).isEqualTo(2.0);
    }

    @Test
    void aTrialCanBeToldThroughAnotherHandleOfItsStudy() {
        InMemoryStorage storage = new InMemoryStorage();
        Study first = Study.builder("s").storage(storage).seed(7).create();
        Study loaded = Study.builder("s").storage(storage).seed(7).createOrLoad();

        assertThat(loaded.tell(first.ask(), 3.0).state()).isEqualTo(TrialState.COMPLETE);
    }

    @Test
    void aPrunerOnAStudyOfSeveralObjectivesIsRefusedAtBuildTimeNamingThePrunerAndCreatesNoStudy() {
        InMemoryStorage storage = new InMemoryStorage();

        assertThatThrownBy(() -> Study.builder("mo3").storage(storage).directions(Direction.MINIMIZE, Direction.MINIMIZE)
                .pruner(new MedianPruner()).createOrLoad())
                .isInstanceOf(StudyException.class)
                .hasMessage("pruner MedianPruner needs a single objective, and study 'mo3' has 2 directions"
                        + " [MINIMIZE, MINIMIZE]; remove the pruner or use one direction");
        assertThat(storage.findStudy("mo3")).isEmpty();
        assertThat(Study.builder("mo3").storage(storage).directions(Direction.MINIMIZE, Direction.MINIMIZE)
                .pruner(new NopPruner()).create().directions()).hasSize(2);
    }

    @Test
    void aNegativeReportStepIsAnErrorNamingIt() {
        Trial trial = study().ask();

        assertThatThrownBy(() -> trial.report(-1, 0.5)).isInstanceOf(StudyException.class)
                .hasMessage("trial 0: report step must be 0 or more, got -1");
    }

    @Test
    void reportingAStepAgainKeepsTheFirstValueAndWarnsOnce() {
        Study study = study();
        Trial trial = study.ask();
        PrintStream stderr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            trial.report(0, 0.9);
            trial.report(1, 0.8);
            trial.report(1, 0.1);
        } finally {
            System.setErr(stderr);
        }

        assertThat(study.trials().get(0).intermediateValues()).containsExactly(Map.entry(0, 0.9), Map.entry(1, 0.8));
        assertThat(warnings.toString(StandardCharsets.UTF_8).split("already reported step", -1)).hasSize(2);
        assertThat(warnings.toString(StandardCharsets.UTF_8))
                .contains("Trial 0 of study 's' already reported step 1; keeping its first value and ignoring 0.1");
    }

    @Test
    void anotherAttemptsReportsReplaceTheEarlierAttemptsWithoutAWarning() {
        Study study = study();
        Trial trial = study.ask();
        PrintStream stderr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            trial.report(0, 0.9);
            trial.report(1, 0.8);
            trial.beginAttempt();
            trial.report(0, 0.5);
            trial.report(1, 0.4);
            trial.report(1, 0.1);
        } finally {
            System.setErr(stderr);
        }

        assertThat(study.trials().get(0).intermediateValues()).containsExactly(Map.entry(0, 0.5), Map.entry(1, 0.4));
        assertThat(warnings.toString(StandardCharsets.UTF_8).split("already reported step", -1))
                .as("only the new attempt's own repeat warns").hasSize(2);
    }

    @Test
    void tellingATrialNumberTheStudyDoesNotHaveNamesTheStudy() {
        Study study = study();
        study.ask();

        assertThatThrownBy(() -> study.tell(99, TrialState.COMPLETE, 1.0)).isInstanceOf(StorageException.class)
                .hasMessage("study '" + study.name() + "' has no trial number 99");
    }

    @Test
    void theBestTrialFollowsTheDirection() {
        Study max = Study.builder("max").direction(Direction.MAXIMIZE).create();
        for (double v : new double[] {0.3, 0.9, 0.5}) {
            max.tell(max.ask(), v);
        }
        assertThat(max.bestTrial().value()).isEqualTo(0.9);
        Study min = study();
        assertThatThrownBy(min::bestTrial).hasMessageContaining("no COMPLETE trial");
    }

    @Test
    void paretoOptimalTrialsAreTheNonDominatedOnes() {
        Study study = study(Direction.MINIMIZE, Direction.MINIMIZE);
        double[][] points = {{1, 5}, {2, 2}, {3, 3}, {5, 1}, {2, 6}};
        for (double[] p : points) {
            Trial t = study.ask();
            study.tell(t, p);
        }
        assertThat(study.bestTrials()).extracting(FrozenTrial::number).containsExactly(0, 1, 3);
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 30, unit = java.util.concurrent.TimeUnit.SECONDS)
    void aTimeoutEndsTheStudy() {
        Study study = study();
        study.optimize(trial -> {
            Thread.sleep(5);
            return 0;
        }, OptimizeOptions.timeout(Duration.ofMillis(200)).withParallelism(1));
        assertThat(study.trials()).isNotEmpty().allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 30, unit = java.util.concurrent.TimeUnit.SECONDS)
    void stopEndsTheStudyAfterTheRunningTrial() {
        Study study = study();
        study.optimize(trial -> {
            if (trial.number() == 2) {
                study.stop();
            }
            return 0;
        }, sequential(100));
        assertThat(study.trials()).hasSize(3);
    }

    @Test
    void aStudyCanBeLoadedByNameFromItsStorage() {
        InMemoryStorage storage = new InMemoryStorage();
        Study first = Study.builder("shared").storage(storage).direction(Direction.MAXIMIZE).create();
        first.tell(first.ask(), 1.0);
        Study again = Study.builder("shared").storage(storage).direction(Direction.MAXIMIZE).load();
        assertThat(again.trials()).hasSize(1);
        assertThatThrownBy(() -> Study.builder("shared").storage(storage).direction(Direction.MAXIMIZE).create())
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> Study.builder("shared").storage(storage).direction(Direction.MINIMIZE).load())
                .hasMessageContaining("MAXIMIZE");
        assertThatThrownBy(() -> Study.builder("missing").storage(storage).load()).hasMessageContaining("'missing'");
    }

    @Test
    void theStudyRecordsItsSeedSamplerAndPruner() {
        Study study = study();
        assertThat(study.systemAttrs()).containsEntry("seed", 7L).containsKeys("sampler", "pruner");
    }

    @Test
    void trialsCanBeFilteredByState() {
        Study study = study();
        study.tell(study.ask(), 1.0);
        study.ask();
        assertThat(study.trials(EnumSet.of(TrialState.RUNNING))).extracting(FrozenTrial::number).containsExactly(1);
    }

    @Test
    void abandoningEndsTheTrialsThisProcessIsRunningAsFailed() throws Exception {
        Study study = study();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(2);
        Thread runner = new Thread(() -> study.optimize(trial -> {
            started.countDown();
            Thread.sleep(60_000);
            return 0;
        }, OptimizeOptions.trials(10).withParallelism(2)));
        runner.setDaemon(true);
        runner.start();
        assertThat(started.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(study.runningHere()).containsExactly(0, 1);
        List<FrozenTrial> ended = study.abandonRunning("interrupted by the user");
        assertThat(ended).hasSize(2).allSatisfy(t -> assertThat(t.message()).isEqualTo("interrupted by the user"));
        assertThat(study.runningHere()).isEmpty();
        assertThat(study.trials(EnumSet.of(TrialState.RUNNING))).isEmpty();
        runner.interrupt();
        runner.join(30_000);
        assertThat(study.trials()).hasSize(2);
    }

    @Test
    void aStudyWideBudgetCountsTheTrialsOfEarlierRuns() {
        Study study = study();
        study.optimize(trial -> trial.suggestFloat("x", 0, 1), sequential(3));
        study.optimize(trial -> trial.suggestFloat("x", 0, 1), OptimizeOptions.studyBudget(10).withParallelism(2));
        assertThat(study.trials()).hasSize(10);
        study.optimize(trial -> 0, OptimizeOptions.studyBudget(10));
        assertThat(study.trials()).hasSize(10);
    }

    @Test
    void theDefaultSamplerIsAutoForOneObjectiveAndNsgaTwoForSeveral() {
        assertThat(study().sampler()).isInstanceOf(io.tunelab.search.sampler.auto.AutoSampler.class);
        assertThat(study(Direction.MINIMIZE, Direction.MAXIMIZE).sampler())
                .isInstanceOf(io.tunelab.search.sampler.nsga2.Nsga2Sampler.class);
    }
}
