package io.tunelab.trainers.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.trainers.predict.InputRange;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCardTest {
    @TempDir
    Path dir;

    @Test
    void aCardOfLabelledImagesKeepsItsTargetAndPixelRangeThroughItsFile() {
        DataCard card = DataCard.labelledImages(List.of("shirt", "bag"), DataCard.Input.TENSOR);
        Path file = dir.resolve("best.data.json");

        card.write(file);

        DataCard read = DataCard.read(file);
        assertThat(read.target()).isEqualTo("label");
        assertThat(read.range()).isEqualTo(new InputRange(0, 1, 255));
        assertThat(read).isEqualTo(card);
    }

    @Test
    void aCardWrittenBeforeTargetsAndRangesWereRecordedReadsWithoutThem() {
        DataCard read = DataCard.fromMap(Map.of("format", DataCard.FORMAT, "task", "classification",
                "classes", List.of("a", "b"), "input", "tensor"), "old card");

        assertThat(read.target()).isNull();
        assertThat(read.range()).isNull();
        assertThat(read.forecasts()).isFalse();
    }

    @Test
    void aSeriesRegressorForecastsAndKeepsItsTargetWhenScaled() {
        DataCard card = DataCard.regression(DataCard.Input.SERIES).withTarget("temp")
                .withScaling(new Scaling(new double[] {0}, new double[] {1}, 0, 1));

        assertThat(card.forecasts()).isTrue();
        assertThat(DataCard.fromMap(card.toMap(), "card").target()).isEqualTo("temp");
    }
}
