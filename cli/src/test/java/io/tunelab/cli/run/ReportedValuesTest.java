package io.tunelab.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReportedValuesTest {

    /** Runs one trial whose objective reports through a recorder, and returns the recorder. */
    private static ReportedValues recorded(java.util.function.Consumer<ReportedValues> report) {
        AtomicReference<ReportedValues> out = new AtomicReference<>();
        Study.builder("r").direction(Direction.MINIMIZE).create().optimize(trial -> {
            ReportedValues values = new ReportedValues(trial);
            report.accept(values);
            out.set(values);
            return 0;
        }, 1);
        return out.get();
    }

    @Test
    void aLoggedSeriesCountsAtItsHighestStepWhateverTheOrderOfLogging() {
        ReportedValues v = recorded(t -> {
            t.log("val_mae", 2, 0.3);
            t.log("val_mae", 1, 9.0);
        });

        assertThat(v.valueOf("val_mae")).isEqualTo(0.3);
    }

    @Test
    void aSeriesCountsAtTheEpochTheTrialKeepsWhenTheObjectiveNamesOne() {
        ReportedValues v = recorded(t -> {
            t.log("val_mae", 0, 0.9);
            t.log("val_mae", 1, 0.4);
            t.log("val_mae", 2, 0.7);
            t.log("lr", 0, 0.01);
            t.setUserAttr(ReportedValues.VALUE_EPOCH, 1);
        });

        assertThat(v.valueOf("val_mae")).isEqualTo(0.4);
        assertThat(v.valueOf("lr")).as("a series without a point at the kept epoch falls back to its last").isEqualTo(0.01);
    }

    @Test
    void aNumericUserAttributeWinsAndATextOneIsNoValue() {
        ReportedValues v = recorded(t -> {
            t.log("cv_std", 0, 0.5);
            t.setUserAttr("cv_std", 0.02);
            t.setUserAttr("note", "text");
        });

        assertThat(v.valueOf("cv_std")).isEqualTo(0.02);
        assertThat(v.valueOf("note")).isNull();
        assertThat(v.names()).isEqualTo("cv_std");
    }

    @Test
    void nothingReportedIsSaidSo() {
        ReportedValues v = recorded(t -> { });

        assertThat(v.valueOf("anything")).isNull();
        assertThat(v.names()).isEqualTo("nothing (the trial reported no metric)");
    }
}
