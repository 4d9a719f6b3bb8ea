package io.tunelab.trainers.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.tabular.Table;
import io.tunelab.trainers.tabular.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

class TribuoModelsTest {
    private static final Set<String> ONNX_EXPORTABLE = Set.of("linear_sgd", "liblinear", "libsvm", "logistic");

    static Stream<Arguments> specsAndTasks() {
        return TrainerSpecs.all().stream()
                .flatMap(s -> Stream.of(Task.values()).filter(s::supports).map(t -> Arguments.of(s, t)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("specsAndTasks")
    void aLoadedModelPredictsExactlyAsTheSavedOne(TribuoTrainerSpec spec, Task task, @TempDir Path dir) {
        Table[] data = Fixtures.trainTest(Fixtures.table(task));
        TabularModel model = Fixtures.fit(spec, task, data[0]);

        SavedModel saved = TribuoModels.save(model, dir);
        TabularModel loaded = TribuoModels.load(saved.model());

        assertThat(loaded.task()).isEqualTo(task);
        assertThat(loaded.encoder().toMap()).isEqualTo(model.encoder().toMap());
        if (task == Task.CLASSIFICATION) {
            assertThat(loaded.predictClasses(data[1])).containsExactly(model.predictClasses(data[1]));
        } else {
            assertThat(loaded.predictValues(data[1])).containsExactly(model.predictValues(data[1]));
        }
        assertThat(saved.onnx().isPresent()).isEqualTo(ONNX_EXPORTABLE.contains(spec.name()));
    }

    @Test
    void classScoresSurviveTheRoundTripToo(@TempDir Path dir) {
        Table[] data = Fixtures.trainTest(Fixtures.classification());
        TabularModel model = Fixtures.fit(XGBoostSpec.defaults(), Task.CLASSIFICATION, data[0]);

        TabularModel loaded = TribuoModels.load(TribuoModels.save(model, dir).model().getParent());

        @SuppressWarnings("unchecked")
        List<Prediction<Label>> before = ((org.tribuo.Model<Label>) model.model())
                .predict(TribuoData.unlabelledClassification(model.encoder().encode(data[1])));
        @SuppressWarnings("unchecked")
        List<Prediction<Label>> after = ((org.tribuo.Model<Label>) loaded.model())
                .predict(TribuoData.unlabelledClassification(loaded.encoder().encode(data[1])));
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).getOutputScores()).isEqualTo(before.get(i).getOutputScores());
        }
    }

    @Test
    void aRawRowIsPredictedFromTheModelFileAlone(@TempDir Path dir) throws IOException {
        Table[] data = Fixtures.trainTest(Fixtures.classification());
        TabularModel model = Fixtures.fit(RandomForestSpec.defaults(), Task.CLASSIFICATION, data[0]);
        SavedModel saved = TribuoModels.save(model, dir);
        Files.delete(saved.encoder());

        TabularModel loaded = TribuoModels.load(dir);

        Table test = data[1];
        int[] expected = model.predictClasses(test);
        for (int r = 0; r < 20; r++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 0; c < test.columnNames().size(); c++) {
                row.put(test.columnNames().get(c), c < 6 ? (Object) test.number(c, r) : test.category(c, r));
            }
            assertThat(loaded.predict(row)).isEqualTo(test.classes().get(expected[r]));
        }
    }

    @Test
    void aRegressorPredictsADoubleFromARawRow(@TempDir Path dir) {
        Table[] data = Fixtures.trainTest(Fixtures.regression());
        TabularModel model = Fixtures.fit(CartSpec.defaults(), Task.REGRESSION, data[0]);
        TabularModel loaded = TribuoModels.load(TribuoModels.save(model, dir).model());
        Map<String, Object> row = new LinkedHashMap<>();
        for (int c = 0; c < data[1].columnNames().size(); c++) {
            row.put(data[1].columnNames().get(c), data[1].number(c, 0));
        }

        assertThat(loaded.predict(row)).isEqualTo(model.predictValues(data[1])[0]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onnxSpecs")
    void theOnnxExportIsAModelOverTheEncodedFeatures(String name, @TempDir Path dir) throws IOException {
        Table[] data = Fixtures.trainTest(Fixtures.classification());
        TabularModel model = Fixtures.fit(TrainerSpecs.byName(name), Task.CLASSIFICATION, data[0]);

        Path onnx = TribuoModels.save(model, dir).onnx().orElseThrow();
        OnnxMl.ModelProto proto = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(onnx));

        assertThat(proto.getDomain()).isEqualTo(TribuoModels.ONNX_DOMAIN);
        assertThat(proto.getGraph().getNodeCount()).isPositive();
        OnnxMl.TensorShapeProto shape = proto.getGraph().getInput(0).getType().getTensorType().getShape();
        assertThat(shape.getDim(1).getDimValue()).isEqualTo(model.encoder().featureNames().size());
    }

    static Stream<String> onnxSpecs() {
        return ONNX_EXPORTABLE.stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"random_forest", "xgboost", "libsvm"})
    void concurrentPredictionsEqualSequentialOnes(String name) throws Exception {
        Table[] data = Fixtures.trainTest(Fixtures.classification());
        TabularModel model = Fixtures.fit(TrainerSpecs.byName(name), Task.CLASSIFICATION, data[0]);
        int[] expected = model.predictClasses(data[1]);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<int[]>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                results.add(pool.submit(() -> model.predictClasses(data[1])));
            }
            for (java.util.concurrent.Future<int[]> f : results) {
                assertThat(f.get()).containsExactly(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aModelWithoutATunelabEncoderIsRejected(@TempDir Path dir) throws IOException {
        Table train = Fixtures.classification();
        TabularModel model = Fixtures.fit(CartSpec.defaults(), Task.CLASSIFICATION, train);
        org.tribuo.Model<?> bare = CartSpec.defaults().classifier(Fixtures.trialWith(Fixtures.goodParams("cart",
                Task.CLASSIFICATION))).train(TribuoData.classification(model.encoder().encode(train), "bare"));
        Path file = dir.resolve("bare.tribuo");
        bare.serializeToFile(file);

        assertThatThrownBy(() -> TribuoModels.load(file))
                .isInstanceOf(TrainersException.class)
                .hasMessageContaining("not trained by Tunelab");
    }

    @Test
    void aFileThatIsNoModelIsRejected(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("junk.tribuo"), "not a protobuf");

        assertThatThrownBy(() -> TribuoModels.load(file)).satisfiesAnyOf(
                e -> assertThat(e).isInstanceOf(TrainersException.class),
                e -> assertThat(e).isInstanceOf(java.io.UncheckedIOException.class));
    }

    @Test
    void aMissingModelFileIsSaidToBeMissing(@TempDir Path empty) {
        Path absent = empty.resolve(TribuoModels.MODEL_FILE);
        assertThatThrownBy(() -> TribuoModels.load(absent)).isInstanceOf(TrainersException.class)
                .hasMessage("cannot read model file " + absent + ": no such file");
    }
}
