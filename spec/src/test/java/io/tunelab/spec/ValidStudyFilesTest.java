package io.tunelab.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tunelab.search.exec.Slot;
import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.ExponentialDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.trial.Direction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidStudyFilesTest {
    private static final Path EXAMPLES = Path.of("..", "examples");
    private final StudySpecParser parser = new StudySpecParser();

    @Test
    void theFashionMlpExampleReadsAsTpeWithAshaOverAConditionalMlpSpace() {
        StudySpec spec = parser.parse(EXAMPLES.resolve("fashion-mlp.yaml"));

        assertThat(spec.study()).isEqualTo("fashion-mlp");
        assertThat(spec.directions()).containsExactly(Direction.MAXIMIZE);
        assertThat(spec.metrics()).containsExactly("val_accuracy");
        assertThat(spec.sampler()).isEqualTo(new SamplerSpec("tpe", 42, Map.of("startup_trials", 10)));
        assertThat(spec.pruner()).isEqualTo(new PrunerSpec("asha", Map.of("min_resource", 1, "reduction_factor", 3)));
        assertThat(spec.budget()).isEqualTo(new BudgetSpec(30, Duration.ofMinutes(13)));
        assertThat(spec.parallel()).isEqualTo(new ParallelSpec(2, ParallelSpec.DeviceMode.AUTO, List.of()));
        assertThat(spec.trainer().name()).isEqualTo("djl-mlp");
        assertThat(spec.data()).isEqualTo(new DataSpec("fashion-mnist", Map.of("valid_split", 5000)));
        assertThat(spec.fit().epochs()).isEqualTo(20);
        assertThat(spec.fit().earlyStopping()).isEqualTo(new FitSpec.EarlyStopping("val_accuracy", 3, 0.001, true, false));
        assertThat(spec.fit().schedule()).isEqualTo(new FitSpec.Schedule("exponential", Map.of("s", 10)));
        assertThat(spec.space().distributions()).containsKeys("n_hidden", "n_units_l0", "n_units_l1", "n_units_l2",
                "activation", "initializer", "batch_norm", "dropout", "optimizer", "momentum", "learning_rate", "batch_size");
        assertThat(spec.space().distributions().get("learning_rate")).isEqualTo(FloatDistribution.logUniform(3e-4, 3e-2));
        assertThat(spec.space().distributions().get("n_units_l2")).isEqualTo(IntDistribution.logUniform(32, 512));
        assertThat(spec.space().distributions().get("dropout")).isEqualTo(FloatDistribution.stepped(0.0, 0.5, 0.05));
        assertThat(spec.space().distributions().get("batch_norm")).isEqualTo(CategoricalDistribution.of(false, true));
    }

    @Test
    void directionCheckFalseKeepsADirectionAgainstTheMetricsName() {
        StudySpec spec = parser.parse(SpecFiles.replacing(3, "metric: loss_reduction\ndirection_check: false"), "s.yaml");

        assertThat(spec.directions()).containsExactly(Direction.MAXIMIZE);
        assertThat(spec.metrics()).containsExactly("loss_reduction");
    }

    @Test
    void aStoredFileKeepsItsDirectionAgainstTheMetricsNameWhichANewFileMayNot() {
        String lossMaximised = SpecFiles.replacing(3, "metric: val_loss");

        StudySpec stored = parser.parseStored(lossMaximised, "study file of 's'");

        assertThat(stored.directions()).containsExactly(Direction.MAXIMIZE);
        assertThat(stored.metrics()).containsExactly("val_loss");
        assertThatThrownBy(() -> parser.parse(lossMaximised, "s.yaml")).isInstanceOf(SpecValidationException.class)
                .hasMessageContaining("expected minimize, or direction_check: false");
    }

    @Test
    void theSyntheticForestExampleReadsAsARandomSearchOnCpuSlots() {
        StudySpec spec = parser.parse(EXAMPLES.resolve("synthetic-forest.yaml"));

        assertThat(spec.trainer().name()).isEqualTo("tribuo-random-forest");
        assertThat(spec.sampler()).isEqualTo(new SamplerSpec("random", 7, Map.of()));
        assertThat(spec.pruner()).isEqualTo(PrunerSpec.NONE);
        assertThat(spec.parallel().devices()).isEqualTo(ParallelSpec.DeviceMode.CPU);
        assertThat(spec.data().options()).containsEntry("valid_split", 0.2).containsEntry("samples", 2000);
        assertThat(spec.space().distributions().get("n_trees")).isEqualTo(IntDistribution.stepped(10, 200, 10));
    }

    @Test
    void theHeartbeatIsTenAndSixtySecondsUnlessTheFileSetsIt() {
        assertThat(parser.parse(SpecFiles.MINIMAL, "s.yaml").heartbeat()).isEqualTo(HeartbeatSpec.DEFAULT)
                .isEqualTo(new HeartbeatSpec(java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(60)));
        StudySpec spec = parser.parse(SpecFiles.adding("heartbeat: {interval: 2s, grace: 1m}"), "s.yaml");
        assertThat(spec.heartbeat()).isEqualTo(new HeartbeatSpec(java.time.Duration.ofSeconds(2),
                java.time.Duration.ofMinutes(1)));
        assertThat(parser.parse(SpecFiles.adding("heartbeat: {grace: 5m}"), "s.yaml").heartbeat().interval())
                .isEqualTo(java.time.Duration.ofSeconds(10));
    }

    @Test
    void staleTrialsAreRetriedTwiceUnlessTheHeartbeatSectionSetsMaxRetries() {
        assertThat(parser.parse(SpecFiles.MINIMAL, "s.yaml").heartbeat().maxRetries()).isEqualTo(2);
        assertThat(parser.parse(SpecFiles.adding("heartbeat: {interval: 2s}"), "s.yaml").heartbeat().maxRetries())
                .isEqualTo(2);
        assertThat(parser.parse(SpecFiles.adding("heartbeat: {interval: 2s, grace: 10s, max_retries: 50}"), "s.yaml")
                .heartbeat()).isEqualTo(new HeartbeatSpec(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(10), 50));
        assertThat(parser.parse(SpecFiles.adding("heartbeat: {max_retries: 0}"), "s.yaml").heartbeat().maxRetries())
                .as("0: never retry").isZero();
    }

    @Test
    void anExponEntryIsScipysExponentialWithItsScaleAndOptionalLoc() {
        StudySpec spec = parser.parse(SpecFiles.replacing(8, "  gamma: {expon: {scale: 0.5}}\n"
                + "  shifted: {expon: {scale: 2, loc: 1}}\n  c: {float: [1, 9], when: {shifted: {ge: 3}}}"), "expon.yaml");

        assertThat(spec.space().distributions()).containsEntry("gamma", ExponentialDistribution.withScale(0.5))
                .containsEntry("shifted", new ExponentialDistribution(1, 2));
    }

    @Test
    void includeDefaultsAsksForTheTrainersBuiltInRangesAndIsNoParameter() {
        StudySpec alone = parser.parse(SpecFiles.replacing(8, "  include: defaults"), "alone.yaml");
        StudySpec withOne = parser.parse(SpecFiles.adding("  include: defaults"), "one.yaml");
        StudySpec without = parser.parse(SpecFiles.MINIMAL, "minimal.yaml");

        assertThat(alone.space().includesDefaults()).isTrue();
        assertThat(alone.space().parameters()).isEmpty();
        assertThat(withOne.space().includesDefaults()).isTrue();
        assertThat(withOne.space().distributions()).containsOnlyKeys("lr");
        assertThat(without.space().includesDefaults()).isFalse();
    }

    @Test
    void deterministicTrueInTheSamplerSectionAsksForDeterministicParallelMode() {
        StudySpec spec = parser.parse(SpecFiles.MINIMAL + "sampler: {type: tpe, seed: 3, deterministic: true}\n", "d.yaml");

        assertThat(spec.sampler()).isEqualTo(new SamplerSpec("tpe", 3, Map.of(), null, true));
        assertThat(parser.parse(SpecFiles.MINIMAL + "sampler: {type: tpe, deterministic: false}\n", "f.yaml").sampler()
                .deterministicWith(4)).isFalse();
    }

    @Test
    void aFileThatDoesNotSayIsDeterministicOnSeveralWorkersOnlyAsASeededStudyBuilderIs() {
        SamplerSpec sampler = parser.parse(SpecFiles.MINIMAL, "m.yaml").sampler();

        assertThat(sampler.deterministic()).isNull();
        assertThat(sampler.deterministicWith(1)).isFalse();
        assertThat(sampler.deterministicWith(2)).isTrue();
    }

    @Test
    void autoTakesLocalStepsNeverWithZeroAndEverySecondTrialWithTwo() {
        assertThat(parser.parse(SpecFiles.adding("sampler: {type: auto, local_every: 0}"), "a.yaml").sampler().options())
                .containsEntry("local_every", 0);
        assertThat(parser.parse(SpecFiles.adding("sampler: {type: auto, local_every: 2}"), "a.yaml").sampler().options())
                .containsEntry("local_every", 2);
    }

    @Test
    void theMinimalFileGetsDefaultSamplerPrunerParallelismAndFit() {
        StudySpec spec = parser.parse(SpecFiles.MINIMAL, "minimal.yaml");

        assertThat(spec.sampler()).isEqualTo(new SamplerSpec("auto", 0, Map.of()));
        assertThat(spec.pruner()).isEqualTo(PrunerSpec.NONE);
        assertThat(spec.parallel()).isEqualTo(ParallelSpec.DEFAULT);
        assertThat(spec.fit()).isEqualTo(FitSpec.DEFAULT);
        assertThat(spec.budget().maxTrials()).hasValue(5);
        assertThat(spec.budget().maxDuration()).isEmpty();
        assertThat(spec.parallel().trialsPerGpu()).isEqualTo(1);
        assertThat(spec.failFast()).isEqualTo(StudySpec.DEFAULT_FAIL_FAST).isEqualTo(5);
    }

    @Test
    void trialsPerGpuAndFailFastAreRead() {
        StudySpec spec = parser.parse(SpecFiles.adding("parallel: {devices: auto, trials_per_gpu: 2}\nfail_fast: 0"), "gpu.yaml");

        assertThat(spec.parallel()).isEqualTo(new ParallelSpec(1, ParallelSpec.DeviceMode.AUTO, List.of(), 2));
        assertThat(spec.failFast()).isZero();
    }

    @Test
    void aWarmStartNamesTheEarlierStudyAndItsWeight() {
        StudySpec spec = parser.parse(SpecFiles.adding("sampler: {type: auto, seed: 3, warm_start: {study: old, weight: 0.5}}"),
                "warm.yaml");
        StudySpec cma = parser.parse(SpecFiles.adding("sampler: {type: cmaes, popsize: 8, warm_start: {study: old}}"),
                "cma.yaml");

        assertThat(spec.sampler()).isEqualTo(new SamplerSpec("auto", 3, Map.of(), new WarmStartSpec("old", 0.5), null));
        assertThat(cma.sampler()).isEqualTo(new SamplerSpec("cmaes", 0, Map.of("popsize", 8), new WarmStartSpec("old", 1), null));
    }

    @Test
    void shorthandsAndFreeFormOptionsAreAccepted() {
        StudySpec spec = parser.parse(SpecFiles.MINIMAL.replace("trainer: djl-mlp",
                "trainer: {name: tribuo-xgboost, threads: 1, objective: {kind: softmax}}")
                .replace("data: {dataset: d}", "data: iris.csv")
                + "sampler: qmc\npruner: {type: percentile, percentile: 25.0, warmup_steps: 2}\n"
                + "fit: {schedule: cosine}\n", "short.yaml");

        assertThat(spec.trainer()).isEqualTo(new TrainerSpec("tribuo-xgboost",
                Map.of("threads", 1, "objective", Map.of("kind", "softmax"))));
        assertThat(spec.data()).isEqualTo(new DataSpec("iris.csv", Map.of()));
        assertThat(spec.sampler().type()).isEqualTo("qmc");
        assertThat(spec.pruner()).isEqualTo(new PrunerSpec("percentile", Map.of("percentile", 25.0, "warmup_steps", 2)));
        assertThat(spec.fit().schedule()).isEqualTo(new FitSpec.Schedule("cosine", Map.of()));
    }

    @Test
    void theOneCycleScheduleIsReadInEitherSpellingAndKeptAsTheHyperparameterSpellsIt() {
        for (String spelling : java.util.List.of("one_cycle", "one-cycle", "{type: one-cycle}")) {
            StudySpec spec = parser.parse(SpecFiles.MINIMAL + "fit: {schedule: " + spelling + "}\n", "cycle.yaml");

            assertThat(spec.fit().schedule()).as(spelling).isEqualTo(new FitSpec.Schedule("one_cycle", Map.of()));
        }
    }

    @Test
    void fitMayNameATensorBoardLogdirForLiveScalars() {
        StudySpec spec = parser.parse(SpecFiles.MINIMAL + "fit: {epochs: 2, tensorboard_dir: runs/tb}\n", "tb.yaml");
        assertThat(spec.fit().tensorboardDir()).isEqualTo("runs/tb");
        assertThat(parser.parse(SpecFiles.MINIMAL, "plain.yaml").fit().tensorboardDir()).isNull();
    }

    @Test
    void fitMaySaveResumableCheckpointsEveryFewEpochs() {
        StudySpec spec = parser.parse(SpecFiles.MINIMAL + "fit: {epochs: 10, checkpoint_every: 2}\n", "ckpt.yaml");
        assertThat(spec.fit().checkpointEvery()).isEqualTo(2);
        assertThat(parser.parse(SpecFiles.MINIMAL, "plain.yaml").fit().checkpointEvery()).isNull();
    }

    @Test
    void fitMayOptIntoWeightHistogramsEveryNEpochs() {
        StudySpec spec = parser.parse(SpecFiles.MINIMAL + "fit: {epochs: 4, summaries: {histograms: 2}}\n", "h.yaml");
        assertThat(spec.fit().summaries()).isEqualTo(new FitSpec.Summaries(2, 0, true));
        assertThat(parser.parse(SpecFiles.MINIMAL, "plain.yaml").fit().summaries()).isNull();
        SpecValidationException e = org.assertj.core.api.Assertions.catchThrowableOfType(SpecValidationException.class,
                () -> parser.parse(SpecFiles.MINIMAL + "fit: {summaries: {histograms: -1, pictures: 1}}\n", "bad.yaml"));
        assertThat(e.problems()).extracting(SpecProblem::path).contains("fit.summaries.histograms", "fit.summaries.pictures");
    }

    @Test
    void fitSummariesTakeImagesEveryNEpochsAndAnEvaluationSwitchThatIsOnByDefault() {
        assertThat(parser.parse(SpecFiles.MINIMAL + "fit: {epochs: 6, summaries: {images: 3}}\n", "i.yaml").fit().summaries())
                .isEqualTo(new FitSpec.Summaries(0, 3, true));
        assertThat(parser.parse(SpecFiles.MINIMAL + "fit: {summaries: {histograms: 1, images: 2, evaluation: false}}\n",
                "all.yaml").fit().summaries()).isEqualTo(new FitSpec.Summaries(1, 2, false));
        assertThat(parser.parse(SpecFiles.MINIMAL + "fit: {summaries: {}}\n", "empty.yaml").fit().summaries())
                .isEqualTo(new FitSpec.Summaries(0, 0, true));
    }

    @Test
    void badSummaryValuesAreReportedNamingTheirField() {
        SpecValidationException e = org.assertj.core.api.Assertions.catchThrowableOfType(SpecValidationException.class,
                () -> parser.parse(SpecFiles.MINIMAL + "fit: {summaries: {images: two, evaluation: maybe}}\n", "bad.yaml"));
        assertThat(e.problems()).extracting(SpecProblem::path).containsExactlyInAnyOrder("fit.summaries.images",
                "fit.summaries.evaluation");
        SpecValidationException late = org.assertj.core.api.Assertions.catchThrowableOfType(SpecValidationException.class,
                () -> parser.parse(SpecFiles.MINIMAL + "fit: {epochs: 4, summaries: {histograms: 5, images: 4}}\n", "late.yaml"));
        assertThat(late.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("fit.summaries.histograms");
            assertThat(p.message()).contains("5", "fit.epochs is 4", "nothing would be logged");
        });
        SpecValidationException negative = org.assertj.core.api.Assertions.catchThrowableOfType(SpecValidationException.class,
                () -> parser.parse(SpecFiles.MINIMAL + "fit: {summaries: {images: -2}}\n", "negative.yaml"));
        assertThat(negative.problems()).extracting(SpecProblem::path).containsExactly("fit.summaries.images");
    }

    @Test
    void aMultiObjectiveStudyPairsEachDirectionWithItsMetric() {
        StudySpec spec = parser.parse(SpecFiles.replacing(2, "direction: [minimize, maximize]")
                .replace("metric: acc", "metric: [latency_ms, val_accuracy]")
                + "sampler: {type: nsga2, seed: 3, population_size: 20}\n", "multi.yaml");

        assertThat(spec.isMultiObjective()).isTrue();
        assertThat(spec.directions()).containsExactly(Direction.MINIMIZE, Direction.MAXIMIZE);
        assertThat(spec.metrics()).containsExactly("latency_ms", "val_accuracy");
        assertThat(spec.sampler()).isEqualTo(new SamplerSpec("nsga2", 3, Map.of("population_size", 20)));
    }

    @Test
    void listedDevicesBecomeSlotsAndSetTheDefaultWorkerCount() {
        StudySpec spec = parser.parse(SpecFiles.adding("parallel: {devices: [gpu:0, gpu:1, cpu:0]}"), "gpus.yaml");

        assertThat(spec.parallel()).isEqualTo(new ParallelSpec(3, ParallelSpec.DeviceMode.LIST,
                List.of(Slot.gpu(0), Slot.gpu(1), Slot.cpu(0))));
    }

    @Test
    void timeoutsCombineUnits() {
        StudySpec spec = parser.parse(SpecFiles.replacing(6, "budget: {timeout: 1h30m}"), "t.yaml");

        assertThat(spec.budget()).isEqualTo(new BudgetSpec(0, Duration.ofMinutes(90)));
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnceInFileOrder() {
        String yaml = SpecFiles.replacing(2, "direction: up").replace("budget: {trials: 5}", "budget: {trials: -5}")
                + "  act: {choice: [a, a]}\n";

        SpecValidationException e = catchThrowableOfType(SpecValidationException.class, () -> parser.parse(yaml, "x.yaml"));

        assertThat(e.problems()).extracting(SpecProblem::line).containsExactly(2, 6, 9);
        assertThat(e.getMessage()).contains("x.yaml:2:12: direction: expected minimize or maximize, got 'up'");
    }

    @Test
    void aMissingFileIsAProblemOfTheFileAsAWhole(@TempDir Path dir) {
        SpecValidationException e = catchThrowableOfType(SpecValidationException.class,
                () -> parser.parse(dir.resolve("absent.yaml")));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isZero();
            assertThat(p.format()).endsWith("absent.yaml: (file): no such file");
        });
    }

    @Test
    void aFileThatIsNotUtf8IsRejected(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, new byte[] {'s', 't', 'u', 'd', 'y', ':', ' ', (byte) 0xE9, '\n'});

        SpecValidationException e = catchThrowableOfType(SpecValidationException.class, () -> parser.parse(file));

        assertThat(e.problems()).singleElement().extracting(SpecProblem::message).isEqualTo("is not UTF-8 text");
    }

    @Test
    void aCatalogWithOtherTrainersAcceptsOnlyThose() {
        StudySpecParser custom = new StudySpecParser(SpecCatalog.defaults().withTrainers(java.util.Set.of("my-trainer")));

        assertThat(custom.parse(SpecFiles.replacing(4, "trainer: my-trainer"), "a.yaml").trainer().name())
                .isEqualTo("my-trainer");
        assertThat(catchThrowableOfType(SpecValidationException.class, () -> custom.parse(SpecFiles.MINIMAL, "b.yaml"))
                .problems()).singleElement().extracting(SpecProblem::message).asString()
                .startsWith("unknown trainer 'djl-mlp'").endsWith("expected my-trainer");
    }
}
