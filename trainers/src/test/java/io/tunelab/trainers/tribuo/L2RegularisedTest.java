package io.tunelab.trainers.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.tabular.FeatureEncoder;
import io.tunelab.trainers.tabular.Synthetic;
import io.tunelab.trainers.tabular.Table;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.SGD;

class L2RegularisedTest {

    private static DenseMatrix weights(double lambda) {
        Table t = Synthetic.classification(300, 3, 4);
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(),
                new L2Regularised(SGD.getSimpleSGD(0.05), lambda), 10, -1, 1, 1L);
        LinearSGDModel model = trainer.train(TribuoData.classification(FeatureEncoder.fit(t, true).encode(t), "l2"));
        return model.getWeightsCopy();
    }

    private static double weightNorm(DenseMatrix w) {
        double sum = 0;
        for (int r = 0; r < w.getDimension1Size(); r++) {
            for (int c = 0; c < w.getDimension2Size() - 1; c++) {
                sum += w.get(r, c) * w.get(r, c);
            }
        }
        return Math.sqrt(sum);
    }

    @Test
    void aLargerPenaltyGivesSmallerWeights() {
        double free = weightNorm(weights(0));
        double light = weightNorm(weights(1e-3));
        double heavy = weightNorm(weights(0.1));

        assertThat(light).isLessThan(free);
        assertThat(heavy).isLessThan(0.5 * light);
        assertThat(heavy).isPositive();
    }

    @Test
    void zeroPenaltyLeavesTheWrappedOptimiserUnchanged() {
        Table t = Synthetic.classification(100, 3, 4);
        var data = TribuoData.classification(FeatureEncoder.fit(t, true).encode(t), "l2");
        DenseMatrix plain = new LinearSGDTrainer(new LogMulticlass(), SGD.getSimpleSGD(0.05), 5, -1, 1, 1L)
                .train(data).getWeightsCopy();

        DenseMatrix wrapped = new LinearSGDTrainer(new LogMulticlass(), new L2Regularised(SGD.getSimpleSGD(0.05), 0),
                5, -1, 1, 1L).train(data).getWeightsCopy();

        assertThat(wrapped).isEqualTo(plain);
    }

    @Test
    void theProvenanceRecordsLambdaAndTheWrappedOptimiser() {
        L2Regularised l2 = new L2Regularised(SGD.getSimpleSGD(0.1), 0.25);

        assertThat(l2.getProvenance().getConfiguredParameters()).containsKeys("lambda", "optimiser");
        assertThat(l2.getProvenance().getConfiguredParameters().get("lambda").toString()).contains("0.25");
        assertThat(l2.copy().toString()).isEqualTo(l2.toString());
    }

    @Test
    void aNegativePenaltyIsRejected() {
        assertThatThrownBy(() -> new L2Regularised(SGD.getSimpleSGD(0.1), -1))
                .isInstanceOf(TrainersException.class).hasMessageContaining("got -1.0");
    }
}
