package io.tunelab.cli.run;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.wiring.TrainerFactory;
import io.tunelab.search.study.MultiObjective;
import io.tunelab.search.study.Objective;
import io.tunelab.search.trial.Trial;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.Texts;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A study file's objective: one value per entry of its {@code metric} list. The trainer's objective gives the
 * first metric's value; each later metric is read from what the trial reported, as {@link ReportedValues}
 * reads it (a numeric user attribute, else the value logged at the epoch the trial keeps, so every objective
 * describes the same model, else the last one logged). A trial that reported nothing under a later metric
 * fails, naming what it did report. Thread-safe when the trainer's objective is: each evaluation has its own
 * recorder.
 */
public final class StudyFileObjective implements MultiObjective {
    private final Objective objective;
    private final List<String> metrics;

    /**
     * @param objective the trainer's objective, whose value is the first metric's
     * @param metrics   the study file's metrics, one per direction
     */
    public StudyFileObjective(Objective objective, List<String> metrics) {
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("a study file names at least one metric");
        }
        this.objective = objective;
        this.metrics = List.copyOf(metrics);
    }

    /**
     * Checks that {@code trainer} reports the metric of every objective after the first (the trainer checks
     * the first itself), when the trainer can say what it reports.
     *
     * @throws CliException naming the field, the metric and the names expected
     */
    public static void check(StudySpec spec, TrainerFactory trainer) {
        Optional<Set<String>> reported = trainer.reportedNames(spec);
        if (reported.isEmpty() || spec.metrics().size() < 2) {
            return;
        }
        Set<String> known = new TreeSet<>(reported.get());
        for (int i = 1; i < spec.metrics().size(); i++) {
            String name = spec.metrics().get(i);
            if (!known.contains(name)) {
                throw new CliException("metric[" + i + "]: " + spec.trainer().name() + " trials report no metric or numeric"
                        + " user attribute '" + name + "' for the objective after the first; expected one of "
                        + String.join(", ", known) + Texts.didYouMean(name, known));
            }
        }
    }

    @Override
    public double[] evaluate(Trial trial) throws Exception {
        if (metrics.size() == 1) {
            return new double[] {objective.evaluate(trial)};
        }
        ReportedValues reported = new ReportedValues(trial);
        double[] values = new double[metrics.size()];
        values[0] = objective.evaluate(reported);
        for (int i = 1; i < values.length; i++) {
            Double value = reported.valueOf(metrics.get(i));
            if (value == null) {
                throw new IllegalStateException("metric[" + i + "]: the trial reported no metric or numeric user attribute '"
                        + metrics.get(i) + "'; expected one of " + reported.names() + " (fix metric in the study file)");
            }
            values[i] = value;
        }
        return values;
    }
}
