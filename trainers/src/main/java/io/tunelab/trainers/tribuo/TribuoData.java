package io.tunelab.trainers.tribuo;

import io.tunelab.trainers.tabular.TabularDataset;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Converts encoded {@link TabularDataset}s into Tribuo datasets and examples: one dense
 * {@link ArrayExample} per row, features named as the encoder names them, class labels by class
 * name, regression targets as a one-dimensional {@link Regressor} named after the target. Stateless.
 */
public final class TribuoData {
    static final LabelFactory LABELS = new LabelFactory();
    static final RegressionFactory REGRESSION = new RegressionFactory();

    private TribuoData() {
    }

    /** A labelled classification dataset; {@code description} goes into the data provenance. */
    public static MutableDataset<Label> classification(TabularDataset data, String description) {
        List<String> classes = data.classes();
        return dataset(examples(data, i -> new Label(classes.get((int) data.target(i)))), description, LABELS);
    }

    /** A labelled regression dataset with target dimension {@code targetName}. */
    public static MutableDataset<Regressor> regression(TabularDataset data, String targetName, String description) {
        return dataset(examples(data, i -> new Regressor(targetName, data.target(i))), description, REGRESSION);
    }

    /** Examples without labels, for prediction by a classifier. */
    public static List<Example<Label>> unlabelledClassification(TabularDataset data) {
        return examples(data, i -> LabelFactory.UNKNOWN_LABEL);
    }

    /** Examples without targets, for prediction by a regressor. */
    public static List<Example<Regressor>> unlabelledRegression(TabularDataset data) {
        return examples(data, i -> RegressionFactory.UNKNOWN_REGRESSOR);
    }

    private static <T extends Output<T>> MutableDataset<T> dataset(List<Example<T>> examples, String description,
                                                                  OutputFactory<T> factory) {
        return new MutableDataset<>(examples, new SimpleDataSourceProvenance(description, factory), factory);
    }

    private static <T extends Output<T>> List<Example<T>> examples(TabularDataset data,
                                                                  java.util.function.IntFunction<T> output) {
        String[] names = data.featureNames().toArray(String[]::new);
        List<Example<T>> examples = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            examples.add(new ArrayExample<>(output.apply(i), names, data.row(i)));
        }
        return examples;
    }
}
