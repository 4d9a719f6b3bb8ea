package io.tunelab.trainers.eval;

import io.tunelab.trainers.TrainersException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The test-set evaluation of a classifier, whatever trained it (Tribuo, DJL...): accuracy with its
 * confidence interval, the confusion matrix, per-class precision / recall / F1 and their macro
 * averages. The accuracy interval is the t-interval of the per-example 0/1 correctness, clipped to
 * [0, 1] (Géron, <i>Hands-On Machine Learning</i>, ch. 2, computes intervals this way with
 * {@code scipy.stats.t.interval}). Immutable.
 *
 * @param examples         number of test examples
 * @param accuracy         fraction predicted correctly
 * @param accuracyInterval confidence interval of the accuracy
 * @param confusion        counts of (truth, prediction)
 * @param perClass         metrics of each class, in class-index order
 * @param macroPrecision   unweighted mean of the per-class precisions
 * @param macroRecall      unweighted mean of the per-class recalls
 * @param macroF1          unweighted mean of the per-class F1 scores
 */
public record ClassificationReport(int examples, double accuracy, ConfidenceInterval accuracyInterval,
                                   ConfusionMatrix confusion, List<ClassMetrics> perClass,
                                   double macroPrecision, double macroRecall, double macroF1) {

    public ClassificationReport {
        perClass = List.copyOf(perClass);
    }

    /** Evaluates at the 95% level. */
    public static ClassificationReport of(int[] truth, int[] predicted, List<String> classes) {
        return of(truth, predicted, classes, 0.95);
    }

    /** Evaluates classes named {@code "0" .. "k-1"} at the 95% level. */
    public static ClassificationReport of(int[] truth, int[] predicted, int classes) {
        return of(truth, predicted, IntStream.range(0, classes).mapToObj(Integer::toString).toList(), 0.95);
    }

    /**
     * Evaluates {@code predicted} against {@code truth} (class indices into {@code classes}).
     *
     * @throws TrainersException if the arrays differ in length, hold fewer than 2 examples, or a
     *                           label is not a class index
     */
    public static ClassificationReport of(int[] truth, int[] predicted, List<String> classes, double level) {
        ConfusionMatrix confusion = ConfusionMatrix.of(truth, predicted, classes);
        double[] correct = new double[truth.length];
        for (int i = 0; i < truth.length; i++) {
            correct[i] = truth[i] == predicted[i] ? 1 : 0;
        }
        if (truth.length < 2) {
            throw new TrainersException("an evaluation needs at least 2 examples, got " + truth.length);
        }
        ConfidenceInterval interval = ConfidenceInterval.tInterval(correct, level).clip(0, 1);
        List<ClassMetrics> perClass = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            perClass.add(ClassMetrics.of(confusion, c));
        }
        return new ClassificationReport(truth.length, (double) confusion.correct() / truth.length, interval, confusion,
                perClass, mean(perClass, ClassMetrics::precision), mean(perClass, ClassMetrics::recall),
                mean(perClass, ClassMetrics::f1));
    }

    private static double mean(List<ClassMetrics> metrics, java.util.function.ToDoubleFunction<ClassMetrics> f) {
        return metrics.stream().mapToDouble(f).average().orElse(0);
    }

    /** Everything as a JSON-compatible map, for a trial's user attributes. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("task", "classification");
        out.put("examples", examples);
        out.put("accuracy", accuracy);
        out.put("accuracy_interval", accuracyInterval.toMap());
        out.put("macro_precision", macroPrecision);
        out.put("macro_recall", macroRecall);
        out.put("macro_f1", macroF1);
        out.put("classes", confusion.classes());
        out.put("confusion_matrix", confusion.toLists());
        out.put("per_class", perClass.stream().map(ClassMetrics::toMap).toList());
        return out;
    }
}
