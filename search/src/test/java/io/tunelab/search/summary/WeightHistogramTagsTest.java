package io.tunelab.search.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

class WeightHistogramTagsTest {
    @Test
    void anMlpsLayersAreDenseLayersCountedFromTheFirstWithKernelsAndBiases() {
        assertThat(WeightHistogramTags.of(List.of("02Linear_weight", "03BatchNorm_gamma", "03BatchNorm_beta",
                "03BatchNorm_runningMean", "03BatchNorm_runningVar", "06Linear_weight", "06Linear_bias", "10Linear_weight",
                "10Linear_bias"))).containsOnly(
                entry("02Linear_weight", "dense/kernel_0"),
                entry("03BatchNorm_gamma", "batch_normalization/gamma_0"),
                entry("03BatchNorm_beta", "batch_normalization/beta_0"),
                entry("03BatchNorm_runningMean", "batch_normalization/moving_mean_0"),
                entry("03BatchNorm_runningVar", "batch_normalization/moving_variance_0"),
                entry("06Linear_weight", "dense_1/kernel_0"),
                entry("06Linear_bias", "dense_1/bias_0"),
                entry("10Linear_weight", "dense_2/kernel_0"),
                entry("10Linear_bias", "dense_2/bias_0"));
    }

    @Test
    void layersAreCountedInNetworkOrderWhateverOrderTheNamesComeIn() {
        assertThat(WeightHistogramTags.of(List.of("10Linear_bias", "03Linear_weight",
                "02ParallelBlock_02SequentialBlock_01Linear_weight"))).containsOnly(
                entry("02ParallelBlock_02SequentialBlock_01Linear_weight", "dense/kernel_0"),
                entry("03Linear_weight", "dense_1/kernel_0"),
                entry("10Linear_bias", "dense_2/bias_0"));
    }

    @Test
    void aResidualCnnsConvolutionsAreConv2dLayersInsideTheirBlocks() {
        assertThat(WeightHistogramTags.of(List.of("02ParallelBlock_01SequentialBlock_01Conv2d_weight",
                "02ParallelBlock_01SequentialBlock_02BatchNorm_gamma", "02ParallelBlock_01SequentialBlock_04Conv2d_weight",
                "02ParallelBlock_02SequentialBlock_01Conv2d_weight", "05ParallelBlock_01SequentialBlock_01Conv2d_bias",
                "10Linear_weight"))).containsOnly(
                entry("02ParallelBlock_01SequentialBlock_01Conv2d_weight", "conv2d/kernel_0"),
                entry("02ParallelBlock_01SequentialBlock_02BatchNorm_gamma", "batch_normalization/gamma_0"),
                entry("02ParallelBlock_01SequentialBlock_04Conv2d_weight", "conv2d_1/kernel_0"),
                entry("02ParallelBlock_02SequentialBlock_01Conv2d_weight", "conv2d_2/kernel_0"),
                entry("05ParallelBlock_01SequentialBlock_01Conv2d_bias", "conv2d_3/bias_0"),
                entry("10Linear_weight", "dense/kernel_0"));
    }

    @Test
    void recurrentLayersHaveACellWithAKernelARecurrentKernelAndBiases() {
        assertThat(WeightHistogramTags.of(List.of("02Conv1d_weight", "04LSTM_l_0_i2h_WEIGHT", "04LSTM_l_0_h2h_WEIGHT",
                "04LSTM_l_0_i2h_BIAS", "04LSTM_l_0_h2h_BIAS", "05LSTM_l_0_i2h_WEIGHT", "06GRU_l_0_h2h_WEIGHT",
                "07RNN_l_0_i2h_BIAS"))).containsOnly(
                entry("02Conv1d_weight", "conv1d/kernel_0"),
                entry("04LSTM_l_0_i2h_WEIGHT", "lstm/lstm_cell/kernel_0"),
                entry("04LSTM_l_0_h2h_WEIGHT", "lstm/lstm_cell/recurrent_kernel_0"),
                entry("04LSTM_l_0_i2h_BIAS", "lstm/lstm_cell/bias_0"),
                entry("04LSTM_l_0_h2h_BIAS", "lstm/lstm_cell/recurrent_bias_0"),
                entry("05LSTM_l_0_i2h_WEIGHT", "lstm_1/lstm_cell_1/kernel_0"),
                entry("06GRU_l_0_h2h_WEIGHT", "gru/gru_cell/recurrent_kernel_0"),
                entry("07RNN_l_0_i2h_BIAS", "simple_rnn/simple_rnn_cell/bias_0"));
    }

    @Test
    void aNameThatIsNotDjlsIsItsOwnTag() {
        assertThat(WeightHistogramTags.of(List.of("weight", "dense/kernel_0"))).containsOnly(
                entry("weight", "weight"), entry("dense/kernel_0", "dense/kernel_0"));
    }

    @Test
    void histogramsLoggedUnderDjlNamesAreRenamedAndGradientsGetKerasSuffix() {
        assertThat(WeightHistogramTags.renamed(List.of("weights/01Linear_weight", "gradients/01Linear_weight",
                "weights/03Linear_bias", "test/confusion_matrix", "dense/kernel_0"))).containsExactly(
                entry("weights/01Linear_weight", "dense/kernel_0"),
                entry("gradients/01Linear_weight", "dense/kernel_0_grad"),
                entry("weights/03Linear_bias", "dense_1/bias_0"),
                entry("test/confusion_matrix", "test/confusion_matrix"),
                entry("dense/kernel_0", "dense/kernel_0"));
    }
}
