package io.tunelab.cli.wiring;

import io.tunelab.cli.error.CliException;
import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.spec.FitSpec;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.Texts;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.callback.EpochMetrics;
import io.tunelab.trainers.callback.Monitor;
import io.tunelab.trainers.djl.train.LossKind;
import io.tunelab.trainers.djl.train.ParamNames;
import io.tunelab.trainers.tabular.Task;
import java.util.List;
import java.util.Locale;

/**
 * The checks of a study file's DJL metrics and loss against the data's task ({@link DjlTrainers}): the metric the study
 * and early stopping watch, the direction the study's metric is optimized in, and the losses the space can choose.
 * Problems are {@link CliException}s naming the field. Stateless.
 */
final class DjlTaskChecks {
    private DjlTaskChecks() {
    }

    /**
     * The epoch metric the study's (first) metric names, checked against the data's task; the Tribuo
     * trainers' {@code rmse}, {@code mae} and {@code r2} are the validation ones.
     */
    static Monitor monitor(StudySpec spec, Task task) {
        try {
            return monitor("metric", spec.metrics().get(0), task);
        } catch (CliException e) {
            // a CSV's task is classification unless given: a regression metric there usually means data.task was left out
            boolean csvByDefault = spec.data().dataset().equals("csv") && !spec.data().options().containsKey("task");
            if (task == Task.CLASSIFICATION && csvByDefault && e.getMessage().contains("does not fit")) {
                throw new CliException(e.getMessage() + ", or set data.task: regression if the target is a quantity to"
                        + " predict (data.task is classification unless given)");
            }
            throw e;
        }
    }

    /**
     * Refuses a first direction against the one the trainers watch their metric in ({@link Monitor#of}: losses and errors
     * down, accuracies and r2 up, as Keras's {@code mode='auto'}), as the Tribuo trainers refuse theirs; a study file's
     * {@code direction_check: false} does not change what the trainer's own metric means.
     */
    static void direction(StudySpec spec, Monitor monitor) {
        if (spec.directions().get(0) != monitor.direction()) {
            String expected = monitor.direction().name().toLowerCase(Locale.ROOT);
            throw new CliException((spec.directions().size() == 1 ? "direction" : "direction[0]") + ": metric '"
                    + spec.metrics().get(0) + "' is " + expected + "d, got "
                    + spec.directions().get(0).name().toLowerCase(Locale.ROOT) + "; expected " + expected);
        }
    }

    /**
     * Refuses a space whose {@code loss} can choose a loss of the other task ({@code mse} for class labels,
     * {@code cross_entropy} for real targets), which fails every trial that draws it.
     */
    static void loss(StudySpec spec, Task task) {
        if (!(spec.space().distributions().get(ParamNames.LOSS) instanceof CategoricalDistribution c)) {
            return;
        }
        boolean regression = task == Task.REGRESSION;
        List<String> wrong = c.choices().stream().map(String::valueOf).filter(v -> {
            try {
                return LossKind.of(v).isRegression() != regression;
            } catch (TrainersException e) {
                return false; // an unknown loss is refused with the other values the trainer cannot read
            }
        }).toList();
        if (!wrong.isEmpty()) {
            throw new CliException("space.loss: " + String.join(", ", wrong) + (wrong.size() == 1 ? " trains" : " train")
                    + (regression ? " a classifier" : " a regressor") + ", but data '" + spec.data().dataset() + "' is a "
                    + task.name().toLowerCase(Locale.ROOT) + " task, so every trial drawing it would fail; expected "
                    + (regression ? "mse or mae" : "cross_entropy"));
        }
    }

    /**
     * The metric early stopping watches ({@code fit.early_stopping.monitor}, by default the study's metric), checked as
     * the study's metric is, or null when it is the study's own (or there is no early stopping). A monitor the file gives
     * is checked even when it is the metric, so both fields are named in the same pass.
     */
    static Monitor stopOn(StudySpec spec, Task task) {
        FitSpec.EarlyStopping es = spec.fit().earlyStopping();
        if (es == null || es.monitor().equals(spec.metrics().get(0))) {
            if (es != null && es.monitorGiven()) {
                monitor("fit.early_stopping.monitor", es.monitor(), task);
            }
            return null;
        }
        return monitor("fit.early_stopping.monitor", es.monitor(), task);
    }

    private static Monitor monitor(String field, String metric, Task task) {
        String name = List.of("rmse", "mae", "r2").contains(metric) ? "val_" + metric : metric;
        boolean regressionMetric = EpochMetrics.REGRESSION_NAMES.contains(name);
        boolean classificationMetric = name.endsWith("accuracy");
        if (task == Task.REGRESSION && classificationMetric || task == Task.CLASSIFICATION && regressionMetric) {
            throw new CliException(field + ": '" + metric + "' does not fit " + task.name().toLowerCase(Locale.ROOT)
                    + " data; use " + (task == Task.REGRESSION ? "val_loss, val_rmse, val_mae or val_r2" : "val_accuracy or val_loss"));
        }
        List<String> logged = task == Task.REGRESSION
                ? EpochMetrics.NAMES.stream().filter(n -> !EpochMetrics.ACCURACY_NAMES.contains(n)).toList()
                : EpochMetrics.COMMON_NAMES;
        if (!logged.contains(name)) {
            throw new CliException(field + ": the DJL trainers log no metric '" + metric + "' for "
                    + task.name().toLowerCase(Locale.ROOT) + " data; expected one of " + String.join(", ", logged)
                    + Texts.didYouMean(metric, logged));
        }
        try {
            return Monitor.of(name);
        } catch (TrainersException e) {
            throw new CliException(field + ": " + e.getMessage());
        }
    }
}
