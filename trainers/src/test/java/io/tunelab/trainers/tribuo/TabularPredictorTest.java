package io.tunelab.trainers.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.predict.Prediction;
import io.tunelab.trainers.predict.Predictor;
import io.tunelab.trainers.tabular.ColumnKind;
import io.tunelab.trainers.tabular.Table;
import io.tunelab.trainers.tabular.Task;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A loaded Tribuo model as the Predictor that {@code tunelab serve} calls. */
class TabularPredictorTest {

    /** The rows of {@code table} laid out as the schema: raw numbers, then 0/1 per category level. */
    private static float[][] laidOut(Table table, List<String> featureNames) {
        float[][] rows = new float[table.rowCount()][featureNames.size()];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < table.columnNames().size(); c++) {
                String column = table.columnNames().get(c);
                if (table.kind(c) == ColumnKind.NUMERIC) {
                    rows[r][featureNames.indexOf(column)] = (float) table.number(c, r);
                } else {
                    int at = featureNames.indexOf(column + "=" + table.category(c, r));
                    if (at >= 0) {
                        rows[r][at] = 1;
                    }
                }
            }
        }
        return rows;
    }

    @Test
    void aClassifierAnswersWithTheClassAndItsProbabilities(@TempDir Path dir) {
        Table[] data = Fixtures.trainTest(Fixtures.classification());
        TabularModel model = Fixtures.fit(XGBoostSpec.defaults(), Task.CLASSIFICATION, data[0]);
        Predictor predictor = TribuoModels.load(TribuoModels.save(model, dir).model());

        assertThat(predictor.schema().featureNames())
                .containsExactly("x0", "x1", "x2", "x3", "x4", "x5", "group=g0", "group=g1", "group=g2");
        List<Prediction> answers = predictor.predict(laidOut(data[1], predictor.schema().featureNames()));

        int[] expected = model.predictClasses(data[1]);
        int agree = 0;
        for (int i = 0; i < answers.size(); i++) {
            agree += answers.get(i).output().equals(data[1].classes().get(expected[i])) ? 1 : 0;
            assertThat(answers.get(i).probabilities()).containsOnlyKeys("c0", "c1", "c2");
            assertThat(answers.get(i).probabilities().values().stream().mapToDouble(Double::doubleValue).sum())
                    .isCloseTo(1.0, within(1e-6));
        }
        // Rows travel as floats, so a prediction on a decision boundary may rarely flip.
        assertThat(agree).isGreaterThanOrEqualTo(answers.size() - 1);
    }

    @Test
    void aRegressorAnswersWithTheValueAndNoProbabilities() {
        Table[] data = Fixtures.trainTest(Fixtures.regression());
        TabularModel model = Fixtures.fit(LinearSgdSpec.defaults(), Task.REGRESSION, data[0]);

        List<Prediction> answers = model.predict(laidOut(data[1], model.schema().featureNames()));

        double[] expected = model.predictValues(data[1]);
        for (int i = 0; i < answers.size(); i++) {
            assertThat((Double) answers.get(i).output()).isCloseTo(expected[i], within(1e-4));
            assertThat(answers.get(i).probabilities()).isEmpty();
        }
    }

    @Test
    void aRowOfTheWrongWidthIsRejected() {
        Table[] data = Fixtures.trainTest(Fixtures.regression());
        TabularModel model = Fixtures.fit(CartSpec.defaults(), Task.REGRESSION, data[0]);

        assertThatThrownBy(() -> model.predict(new float[][] {{1, 2}}))
                .isInstanceOf(TrainersException.class)
                .hasMessageContaining("needs 7 values")
                .hasMessageContaining("got 2");
    }
}
