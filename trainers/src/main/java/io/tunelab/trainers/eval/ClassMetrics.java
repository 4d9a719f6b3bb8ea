package io.tunelab.trainers.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Precision, recall and F1 of one class. A ratio whose denominator is zero (no example predicted as
 * the class, or none of it) is 0, as scikit-learn reports by default.
 *
 * @param label     class name
 * @param precision correct predictions of the class / predictions of the class
 * @param recall    correct predictions of the class / examples of the class
 * @param f1        harmonic mean of precision and recall
 * @param support   examples of the class
 */
public record ClassMetrics(String label, double precision, double recall, double f1, int support) {

    static ClassMetrics of(ConfusionMatrix m, int cls) {
        int tp = m.count(cls, cls);
        double precision = ratio(tp, m.predicted(cls));
        double recall = ratio(tp, m.actual(cls));
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassMetrics(m.classes().get(cls), precision, recall, f1, m.actual(cls));
    }

    private static double ratio(int num, int den) {
        return den == 0 ? 0 : (double) num / den;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("label", label);
        out.put("precision", precision);
        out.put("recall", recall);
        out.put("f1", f1);
        out.put("support", support);
        return out;
    }
}
