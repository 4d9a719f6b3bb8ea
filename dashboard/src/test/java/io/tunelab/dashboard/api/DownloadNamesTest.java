package io.tunelab.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DownloadNamesTest {

    @Test
    void aTrialsMetricIsNamedByStudyTrialNumberAndMetric() {
        assertThat(DownloadNames.trialSeries("mnist-mlp", 7, "val_loss", "csv")).isEqualTo("mnist-mlp-trial-7-val_loss.csv");
    }

    @Test
    void partsUnsafeInFileNamesBecomeUnderscores() {
        assertThat(DownloadNames.trials("Fashion MNIST / run \"2\"")).isEqualTo("Fashion_MNIST_run_2-trials.csv");
        assertThat(DownloadNames.studySeries(null, "train/loss", "json")).isEqualTo("scalars-train_loss.json");
        assertThat(DownloadNames.safe("../../etc/passwd")).isEqualTo("etc_passwd");
        assertThat(DownloadNames.safe("Ünïcode 東京")).isEqualTo("Unicode");
        assertThat(DownloadNames.safe("///")).isEqualTo("_");
    }

    @Test
    void aLongPartIsCut() {
        assertThat(DownloadNames.safe("x".repeat(500))).hasSize(DownloadNames.MAX_PART);
    }
}
