package io.tunelab.cli.run;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.wiring.TrainerFactory;
import io.tunelab.spec.ConstraintSpec;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.Texts;
import io.tunelab.search.study.Objective;
import io.tunelab.search.trial.Trial;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An objective that, when its trial completes, stores the values of the study file's {@code constraints}
 * with it ({@link Trial#setConstraints}): for each constraint the value of the metric it names (as
 * {@link ReportedValues} reads it: a numeric user attribute, else the value logged at the epoch the trial
 * keeps, else the last one logged; for the study's metric, else the objective value) turned into Optuna's
 * form, at most 0 when it holds. A trial that
 * reports nothing under a constraint's name fails, naming the names it did report. Thread-safe: each
 * evaluation has its own recorder.
 */
public final class ConstraintObjective implements Objective {
    private final Objective objective;
    private final List<ConstraintSpec> constraints;
    private final String metric;

    /**
     * @param metric the study's metric, whose value is the objective's when the trial reports no other
     */
    public ConstraintObjective(Objective objective, List<ConstraintSpec> constraints, String metric) {
        this.objective = objective;
        this.constraints = List.copyOf(constraints);
        this.metric = metric;
    }

    /**
     * Checks that {@code trainer} reports what each of the file's constraints names (or that the name is
     * the file's metric), when the trainer can say what it reports.
     *
     * @throws CliException naming the constraint, the name and the names expected
     */
    public static void check(StudySpec spec, TrainerFactory trainer) {
        Optional<Set<String>> reported = trainer.reportedNames(spec);
        if (reported.isEmpty()) {
            return;
        }
        Set<String> known = new TreeSet<>(reported.get());
        known.add(spec.metrics().get(0));
        for (int i = 0; i < spec.constraints().size(); i++) {
            String name = spec.constraints().get(i).metric();
            if (!known.contains(name)) {
                throw new CliException("constraints[" + i + "]: " + spec.trainer().name() + " trials report no metric or"
                        + " numeric user attribute '" + name + "'; expected one of " + String.join(", ", known)
                        + Texts.didYouMean(name, known));
            }
        }
    }

    @Override
    public double evaluate(Trial trial) throws Exception {
        ReportedValues recorder = new ReportedValues(trial);
        double value = objective.evaluate(recorder);
        double[] values = new double[constraints.size()];
        for (int i = 0; i < values.length; i++) {
            ConstraintSpec c = constraints.get(i);
            Double reported = recorder.valueOf(c.metric());
            if (reported == null && c.metric().equals(metric)) {
                reported = value;
            }
            if (reported == null) {
                throw new IllegalStateException("constraints[" + i + "]: the trial reported no metric or numeric user"
                        + " attribute '" + c.metric() + "'; expected one of " + recorder.names()
                        + " (fix constraints in the study file)");
            }
            values[i] = c.value(reported);
        }
        trial.setConstraints(values);
        return value;
    }
}
