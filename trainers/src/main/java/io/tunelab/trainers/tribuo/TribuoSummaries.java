package io.tunelab.trainers.tribuo;

import com.oracle.labs.mlrg.olcut.util.Pair;
import io.tunelab.search.trial.Trial;
import io.tunelab.trainers.summary.ClassifierSummaries;
import io.tunelab.trainers.summary.ImportanceChart;
import io.tunelab.trainers.tabular.Table;
import io.tunelab.trainers.tabular.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tribuo.Model;

/**
 * The summaries of a refitted Tribuo model, at step 0: for a classifier with a test table, its confusion
 * matrix on that table as an image and a table ({@link ClassifierSummaries}, tags {@code test/...}); and,
 * when the model ranks its features ({@link Model#getTopFeatures}: split counts or impurity gains of trees and
 * tree ensembles, XGBoost's feature weights, the weights of linear models; none for kernel SVMs), a Markdown
 * table of the {@value #TOP} most important features per output, tagged {@value #IMPORTANCES_TAG}, and the same
 * ranking as a bar chart image ({@link ImportanceChart}), tagged {@value #IMPORTANCES_CHART_TAG}. Stateless.
 */
final class TribuoSummaries {
    /** Tag of the feature-importance table. */
    static final String IMPORTANCES_TAG = "feature_importances";
    /** Tag of the feature-importance bar chart. */
    static final String IMPORTANCES_CHART_TAG = "feature_importances_chart";
    /** Features listed per output. */
    static final int TOP = 20;

    private TribuoSummaries() {
    }

    /** Logs what {@code model} has; {@code test} may be null. */
    static void log(Trial trial, TabularModel model, Table test) {
        if (test != null && model.task() == Task.CLASSIFICATION) {
            ClassifierSummaries.logConfusionMatrix(trial, "test/", 0, model.evaluateClassifier(test).confusion());
        }
        Map<String, List<Pair<String, Double>>> top = model.model().getTopFeatures(TOP);
        if (top.values().stream().anyMatch(list -> !list.isEmpty())) {
            trial.logText(IMPORTANCES_TAG, 0, markdown(top));
            trial.logImage(IMPORTANCES_CHART_TAG, 0, ImportanceChart.draw(chartable(top)));
        }
    }

    /** The ranking as {@link ImportanceChart} takes it, outputs named as in the table. */
    static Map<String, List<Map.Entry<String, Double>>> chartable(Map<String, List<Pair<String, Double>>> top) {
        Map<String, List<Map.Entry<String, Double>>> out = new LinkedHashMap<>();
        top.forEach((output, features) -> {
            if (!features.isEmpty()) {
                out.put(Model.ALL_OUTPUTS.equals(output) ? "all" : output,
                        features.stream().map(f -> Map.entry(f.getA(), f.getB())).toList());
            }
        });
        return out;
    }

    /** The ranking as a Markdown table: output, rank, feature, score ({@code |} in names escaped). */
    static String markdown(Map<String, List<Pair<String, Double>>> top) {
        StringBuilder md = new StringBuilder("| output | rank | feature | importance |\n|---|---:|---|---:|\n");
        top.forEach((output, features) -> {
            String shown = Model.ALL_OUTPUTS.equals(output) ? "all" : escape(output);
            for (int i = 0; i < features.size(); i++) {
                Pair<String, Double> f = features.get(i);
                md.append("| ").append(shown).append(" | ").append(i + 1).append(" | ").append(escape(f.getA())).append(" | ")
                        .append(String.format(Locale.ROOT, "%.4g", f.getB())).append(" |\n");
            }
        });
        return md.toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
    }
}
