package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tunelab demo} end to end on a few hundred Fashion-MNIST images: the bundled study file with only
 * its data, budget and epochs shrunk, the dashboard, the summary and the promotion to production.
 */
class DemoCommandIT {
    @TempDir
    Path tmp;

    /** Shrinks the bundled demo file; fails if a line it expects is gone, so the test never runs the full demo. */
    private static final UnaryOperator<String> SMALL = text -> {
        String small = text;
        for (String[] swap : List.of(
                new String[] {"data: {dataset: fashion-mnist, valid_split: 5000}",
                        "data: {dataset: fashion-mnist, subset: 400, valid_split: 100}"},
                new String[] {"budget: {trials: 60, timeout: 12m}", "budget: {trials: 2, timeout: 8m}"},
                new String[] {"epochs: 18", "epochs: 1"})) {
            assertThat(small).as("the demo study file").contains(swap[0]);
            small = small.replace(swap[0], swap[1]);
        }
        return small;
    };

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void theDemoTrainsItsBaselineAndAnotherTrialShowsTheSummaryAndPromotesTheBestModel() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new DemoCommand(new DefaultWiring(), SMALL));
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));

        int code = cmd.execute("--storage", tmp.toString(), "--port", "0", "--no-wait");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Dashboard: http://").contains("Best trials:")
                .contains("Registered fashion-mlp v1 as fashion-mlp@production.")
                .contains("test accuracy");
        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(tmp))) {
            long study = tracker.storage().findStudy("fashion-demo").orElseThrow().id();
            List<FrozenTrial> trials = tracker.storage().trials(study, EnumSet.allOf(TrialState.class));
            assertThat(trials).hasSize(2);
            FrozenTrial baseline = trials.get(0);
            assertThat(baseline.params()).containsAllEntriesOf(DemoCommand.baseline());
            assertThat(baseline.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(baseline.value()).isBetween(0.1, 1.0);
        }
    }
}
