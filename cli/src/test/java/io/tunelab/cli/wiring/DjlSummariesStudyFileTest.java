package io.tunelab.cli.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.cli.error.CliException;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.summary.SummaryTag;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code fit.summaries} of a study file reaches the DJL trainers, and images of data that are not images are refused. */
@Timeout(300)
class DjlSummariesStudyFileTest {
    @TempDir
    Path dir;

    private static StudySpec spec(String data, String summaries) {
        return spec("maximize", "val_accuracy", data, summaries);
    }

    private static StudySpec spec(String direction, String metric, String data, String summaries) {
        return new StudySpecParser().parse("""
                study: s
                direction: %s
                metric: %s
                sampler: {type: random, seed: 1}
                budget: {trials: 1}
                trainer: djl-mlp
                data: %s
                space:
                  n_neurons: {int: [4, 8]}
                fit: {epochs: 2, batch_size: 16, summaries: %s}
                """.formatted(direction, metric, data, summaries), "s.yaml");
    }

    @Test
    void anImageStudyLogsHistogramsPredictionGridsAndItsConfusionMatrix() throws Exception {
        StudySpec spec = spec("{dataset: images, path: %s, image_size: [8, 8], channels: 1}".formatted(TestImages.darkAndLight(dir)),
                "{histograms: 2, images: 1}");
        Study study = Study.builder("s").storage(new InMemoryStorage()).direction(Direction.MAXIMIZE).create();
        study.optimize(new DjlTrainers().create(spec), OptimizeOptions.trials(1));
        FrozenTrial t = study.trials(EnumSet.allOf(TrialState.class)).get(0);
        assertThat(t.state()).as(t.message()).isEqualTo(TrialState.COMPLETE);

        List<String> tags = study.storage().summaryTags(t.id()).stream().map(SummaryTag::tag).toList();
        assertThat(tags).contains("predictions/samples", "dense/kernel_0", "dense/kernel_0_grad")
                .anyMatch(tag -> tag.endsWith("/confusion_matrix"))
                .anyMatch(tag -> tag.endsWith("/confusion_matrix_table")).anyMatch(tag -> tag.contains("/pr_curve/"));
        assertThat(study.storage().summaries(t.id(), "predictions/samples")).hasSize(2);
    }

    @Test
    void imagesOfACsvFileAreRefusedNamingTheField() throws Exception {
        String csv = "{dataset: csv, path: %s, target: y, task: regression}".formatted(TestCsv.regression(dir, 60));
        StudySpec spec = spec("minimize", "val_rmse", csv, "{images: 1}");
        assertThatThrownBy(() -> new DjlTrainers().create(spec)).isInstanceOf(CliException.class)
                .hasMessageContaining("fit.summaries.images: 1").hasMessageContaining("not labelled images");
    }

    @Test
    void imagesOfDataThatAreNeverImagesAreRefusedByTheDryRunWithoutReadingThem() {
        String missing = "{dataset: csv, path: %s, target: y, task: regression}".formatted(dir.resolve("absent.csv"));
        for (String data : List.of(missing, "{dataset: synthetic-series, n_series: 100}")) {
            StudySpec spec = spec("minimize", "val_rmse", data, "{images: 1}");
            assertThatThrownBy(() -> new DjlTrainers().configuration(spec)).isInstanceOf(CliException.class)
                    .hasMessageStartingWith("fit.summaries.images: 1, but data '").hasMessageContaining("are not labelled images");
        }
    }
}
