package io.tunelab.cli.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.cli.error.CliException;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;
import io.tunelab.trainers.data.DatasetSplits;
import io.tunelab.trainers.data.DenseDataset;
import org.junit.jupiter.api.Test;

/** Fashion-MNIST's validation split as a study file gives it (the data set's files must be installed). */
class FashionMnistSplitsIT {

    private static StudySpec spec(String data) {
        return new StudySpecParser().parse("""
                study: s
                direction: maximize
                metric: val_accuracy
                budget: {trials: 1}
                trainer: djl-mlp
                data: %s
                space:
                  learning_rate: {reciprocal: [1e-4, 1e-1]}
                """.formatted(data), "s.yaml");
    }

    private static DatasetSplits splits(String data) {
        return DjlData.load(spec(data), true).splits();
    }

    private static float[] image(DenseDataset d, int index) {
        float[] x = new float[d.exampleSize()];
        d.copyExample(index, x, 0);
        return x;
    }

    @Test
    void theFirstValidSplitTrainingImagesValidateAndTheOthersTrainAsInTheBook() {
        DatasetSplits book = splits("fashion-mnist");
        DatasetSplits count = splits("{dataset: fashion-mnist, valid_split: 1000}");
        DatasetSplits share = splits("{dataset: fashion-mnist, valid_split: 0.25, subset: 500}");

        assertThat(book.valid().size()).isEqualTo(5000);
        assertThat(book.train().size()).isEqualTo(55_000);
        assertThat(count.valid().size()).isEqualTo(1000);
        assertThat(count.train().size()).isEqualTo(59_000);
        assertThat(image(count.valid(), 999)).isEqualTo(image(book.valid(), 999));
        assertThat(image(count.train(), 0)).as("image 1,000 trains now").isEqualTo(image(book.valid(), 1000));
        assertThat(image(count.train(), 4000)).as("and so does image 5,000").isEqualTo(image(book.train(), 0));
        assertThat(share.valid().size()).isEqualTo(15_000);
        assertThat(share.train().size()).isEqualTo(500);
        assertThat(share.test().size()).isEqualTo(10_000);
    }

    @Test
    void aValidationSplitOfEveryTrainingImageIsRefused() {
        assertThatThrownBy(() -> splits("{dataset: fashion-mnist, valid_split: 60000}")).isInstanceOf(CliException.class)
                .hasMessage("data.valid_split: fashion-mnist has 60000 training images, so at most 59999 can validate, got 60000");
    }
}
