package io.tunelab.trainers.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.Trial;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.eval.Scores;
import io.tunelab.trainers.params.Hyperparameters;
import io.tunelab.trainers.tabular.Table;
import io.tunelab.trainers.tabular.Task;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class TrainerSpecsTest {

    static Stream<TribuoTrainerSpec> specs() {
        return TrainerSpecs.all().stream();
    }

    static Stream<TribuoTrainerSpec> regressionSpecs() {
        return TrainerSpecs.all().stream().filter(s -> s.supports(Task.REGRESSION));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void eachClassifierBeatsPredictingTheMajorityClass(TribuoTrainerSpec spec) {
        Table[] data = Fixtures.trainTest(Fixtures.classification());
        TabularModel model = Fixtures.fit(spec, Task.CLASSIFICATION, data[0]);

        double accuracy = Scores.accuracy(data[1].labels(), model.predictClasses(data[1]));

        int[] counts = new int[3];
        Arrays.stream(data[0].labels()).forEach(l -> counts[l]++);
        int majority = counts[0] >= counts[1] && counts[0] >= counts[2] ? 0 : counts[1] >= counts[2] ? 1 : 2;
        double baseline = Arrays.stream(data[1].labels()).filter(l -> l == majority).count() / (double) data[1].rowCount();
        assertThat(accuracy).as("%s accuracy vs majority baseline %s", spec.name(), baseline).isGreaterThan(baseline + 0.25);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regressionSpecs")
    void eachRegressorBeatsPredictingTheTrainingMean(TribuoTrainerSpec spec) {
        Table[] data = Fixtures.trainTest(Fixtures.regression());
        TabularModel model = Fixtures.fit(spec, Task.REGRESSION, data[0]);

        double rmse = Scores.rmse(data[1].targets(), model.predictValues(data[1]));

        double mean = Arrays.stream(data[0].targets()).average().orElseThrow();
        double[] constant = new double[data[1].rowCount()];
        Arrays.fill(constant, mean);
        double baseline = Scores.rmse(data[1].targets(), constant);
        assertThat(rmse).as("%s RMSE vs mean baseline %s", spec.name(), baseline).isLessThan(0.75 * baseline);
    }

    @Test
    void aParameterTheCallersSpaceSuggestsIsNotSearchedOverItsBuiltInRangeSoATrialWithoutItReadsItsDefault() {
        TribuoTrainerSpec spec = XGBoostSpec.defaults().withBuiltInRangesBut(java.util.Set.of("eta"));
        Trial trial = Study.builder("switched-off").seed(3).create().ask();

        spec.classifier(trial);

        assertThat(spec.space(Task.CLASSIFICATION).contains("eta")).isFalse();
        assertThat(spec.space(Task.CLASSIFICATION).contains("max_depth")).isTrue();
        assertThat(trial.params()).doesNotContainKey("eta").containsKey("max_depth");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void parametersSampledFromTheBuiltInRangesBuildWorkingTrainers(TribuoTrainerSpec family) {
        TribuoTrainerSpec spec = family.withBuiltInRanges();
        Study study = Study.builder("ranges-" + spec.name()).seed(21).create();
        // a study searches one task: a parameter such as the loss has other choices for regression
        Study regression = Study.builder("regression-ranges-" + spec.name()).seed(21).create();
        Table small = io.tunelab.trainers.tabular.Synthetic.classification(120, 3, 21);
        Table reg = io.tunelab.trainers.tabular.Synthetic.regression(120, 0, 0.5, 21);
        for (int i = 0; i < 2; i++) {
            Trial trial = study.ask();
            TabularModel c = TabularModel.fitClassifier(spec.classifier(trial), small, true, "defaults");
            study.tell(trial, 0.0);
            assertThat(c.predictClasses(small)).hasSize(120);
            if (!spec.supports(Task.REGRESSION)) {
                continue;
            }
            trial = regression.ask();
            TabularModel r = TabularModel.fitRegressor(spec.regressor(trial), reg, true, "defaults");

            assertThat(Arrays.stream(r.predictValues(reg)).allMatch(Double::isFinite)).isTrue();
            assertThat(trial.params().keySet()).isSubsetOf(spec.space(Task.REGRESSION).ranges().keySet());
            regression.tell(trial, 0.0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regressionSpecs")
    void parametersNotSearchedTakeTheirDefaultsWhichTheTrialRecords(TribuoTrainerSpec spec) {
        Study study = Study.builder("defaults-" + spec.name()).seed(22).create();
        Trial trial = study.ask();
        Table reg = io.tunelab.trainers.tabular.Synthetic.regression(120, 0, 0.5, 22);

        TabularModel model = TabularModel.fitRegressor(spec.regressor(trial), reg, true, "defaults");
        study.tell(trial, 0.0);

        assertThat(Arrays.stream(model.predictValues(reg)).allMatch(Double::isFinite)).isTrue();
        FrozenTrial stored = study.trials().get(0);
        assertThat(stored.params()).isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> fixed = (Map<String, Object>) stored.userAttrs().get("fixed_params");
        Hyperparameters catalogue = spec.hyperparameters(Task.REGRESSION);
        assertThat(fixed).isNotEmpty().allSatisfy((name, value) ->
                assertThat(value).as(name).isEqualTo(catalogue.defaultOf(name)));
    }

    @Test
    void onlyTheNamedParameterIsSearchedAndTheOthersAreAtTheirDefaults() {
        TribuoTrainerSpec spec = RandomForestSpec.defaults().with("n_trees", IntDistribution.uniform(3, 4));
        Study study = Study.builder("named").seed(5).create();
        Trial trial = study.ask();

        spec.classifier(trial);
        study.tell(trial, 0.0);

        FrozenTrial stored = study.trials().get(0);
        assertThat(stored.params()).containsOnlyKeys("n_trees");
        assertThat(stored.userAttrs().get("fixed_params")).isEqualTo(Map.of("impurity", "gini", "max_depth",
                Integer.MAX_VALUE, "min_child_weight", 5.0, "fraction_features", 0.5));
    }

    @Test
    void aForestWhoseSplitsSeeEveryFeatureIsRefusedNamingTheParameterAndTheValue() {
        TribuoTrainerSpec spec = RandomForestSpec.defaults().fixed("fraction_features", 1.0);
        Trial trial = Study.builder("every-feature").create().ask();

        assertThatThrownBy(() -> spec.classifier(trial)).isInstanceOf(TrainersException.class)
                .hasMessage("parameter 'fraction_features' must be in (0, 1), got 1");
    }

    @Test
    void aChoiceOfNumbersSearchesANumericParameter() {
        TribuoTrainerSpec spec = RandomForestSpec.defaults().with("n_trees", CategoricalDistribution.of(3, 10, 30))
                .with("fraction_features", CategoricalDistribution.of(0.2, 0.4));
        Trial trial = Study.builder("choices").create().ask();

        spec.regressor(trial);

        assertThat(trial.params().get("n_trees")).isIn(3, 10, 30);
        assertThat(trial.params().get("fraction_features")).isIn(0.2, 0.4);
    }

    @Test
    void anOverriddenRangeIsWhatTheTrialSuggestsFrom() {
        TribuoTrainerSpec spec = RandomForestSpec.defaults()
                .with("n_trees", IntDistribution.uniform(3, 4))
                .fixed("impurity", "entropy");
        Trial trial = Study.builder("override").create().ask();

        spec.classifier(trial);

        assertThat((Integer) trial.params().get("n_trees")).isBetween(3, 4);
        assertThat(trial.params().get("impurity")).isEqualTo("entropy");
        assertThat(spec.space(Task.CLASSIFICATION).get("n_trees")).isEqualTo(IntDistribution.uniform(3, 4));
        assertThat(spec.space(Task.REGRESSION).contains("impurity")).isFalse();
    }

    @Test
    void libsvmSuggestsGammaAndDegreeOnlyForKernelsThatUseThem() {
        Trial linear = Fixtures.trialWith(Map.of("kernel", "linear"));
        LibSvmSpec.defaults().withBuiltInRanges().classifier(linear);
        assertThat(linear.params()).containsOnlyKeys("c", "kernel");

        Trial poly = Fixtures.trialWith(Map.of("kernel", "poly"));
        LibSvmSpec.defaults().withBuiltInRanges().classifier(poly);
        assertThat(poly.params()).containsOnlyKeys("c", "kernel", "gamma", "degree");
    }

    @Test
    void unknownParametersAndWrongKindsAreRejected() {
        assertThatThrownBy(() -> XGBoostSpec.defaults().with("depth", IntDistribution.uniform(1, 3)))
                .isInstanceOf(TrainersException.class)
                .hasMessageContaining("xgboost has no parameter 'depth'")
                .hasMessageContaining("max_depth");
        assertThatThrownBy(() -> CartSpec.defaults().with("max_depth", FloatDistribution.uniform(1, 3)))
                .isInstanceOf(TrainersException.class)
                .hasMessage("cart parameter 'max_depth' is an integer (built-in range int[2, 20]), so it cannot be drawn"
                        + " from float[1.0, 3.0]");
        assertThatThrownBy(() -> CartSpec.defaults().with("impurity", IntDistribution.uniform(1, 3)))
                .hasMessageContaining("'impurity' is a choice");
        assertThatThrownBy(() -> LinearSgdSpec.defaults().with("optimizer", CategoricalDistribution.of("lbfgs"))
                .classifier(Study.builder("bad-choice").create().ask()))
                .isInstanceOf(TrainersException.class)
                .hasMessage("parameter 'optimizer' must be one of sgd, momentum, nesterov, adagrad, rmsprop, adam, got 'lbfgs'");
    }

    @Test
    void logisticRegressionOnlyClassifiesAndSaysSoForRegression() {
        TribuoTrainerSpec logistic = TrainerSpecs.byName("logistic");
        assertThat(logistic.supports(Task.CLASSIFICATION)).isTrue();
        assertThat(logistic.supports(Task.REGRESSION)).isFalse();
        assertThatThrownBy(() -> logistic.regressor(Fixtures.trialWith(Map.of())))
                .isInstanceOf(TrainersException.class).hasMessageContaining("classifier");
    }

    @Test
    void theCatalogueFindsFamiliesByName() {
        assertThat(TrainerSpecs.all()).extracting(TribuoTrainerSpec::name)
                .containsExactly("linear_sgd", "cart", "random_forest", "xgboost", "liblinear", "libsvm", "logistic");
        assertThat(TrainerSpecs.byName("xgboost")).isInstanceOf(XGBoostSpec.class);
        assertThatThrownBy(() -> TrainerSpecs.byName("lightgbm"))
                .isInstanceOf(TrainersException.class).hasMessageContaining("'lightgbm'");
    }
}
