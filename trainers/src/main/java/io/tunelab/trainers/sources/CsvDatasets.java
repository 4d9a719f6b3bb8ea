package io.tunelab.trainers.sources;

import io.tunelab.trainers.data.DatasetSplits;
import io.tunelab.trainers.data.DenseDataset;
import io.tunelab.trainers.tabular.CsvOptions;
import io.tunelab.trainers.tabular.CsvTables;
import io.tunelab.trainers.tabular.FeatureEncoder;
import io.tunelab.trainers.tabular.Split;
import io.tunelab.trainers.tabular.Splits;
import io.tunelab.trainers.tabular.TabularDataset;
import io.tunelab.trainers.tabular.Table;
import java.nio.file.Path;

/**
 * A CSV file as network-ready splits, read by the same {@link CsvTables} the Tribuo trainers use: the
 * rows are split (stratified by class for classification, seeded) into test, validation and training
 * parts; a {@link FeatureEncoder} fitted on the training part only standardises numeric columns,
 * one-hot encodes categorical ones and fills missing values; every part is encoded with it, and it
 * travels in the data's {@link DataCard}, so a saved model encodes served rows identically. Regression
 * targets are standardised likewise by the training part's mean and std ({@link Scaling}, in the card too):
 * the network fits scaled targets, and metrics and served predictions are un-scaled to the target's units.
 * Examples have shape {@code [features]}; regression targets have width 1. Stateless.
 */
public final class CsvDatasets {
    private CsvDatasets() {
    }

    /**
     * Reads {@code file} and splits it.
     *
     * @param testFraction  share of all rows held out for the test split, in (0, 1)
     * @param validFraction share of the remaining rows held out for validation, in (0, 1)
     * @throws io.tunelab.trainers.TrainersException naming the line and column of bad input
     */
    public static TrainingData load(Path file, CsvOptions options, double testFraction, double validFraction, long seed) {
        return split(CsvTables.read(file, options), testFraction, validFraction, seed);
    }

    /**
     * The rows of {@code all} that {@link #split} holds out for testing, in the order of its test examples: the same
     * seeded split the Tribuo trainers hold out, so models of either kind trained on the same table and seed share
     * their test rows.
     */
    public static Split holdOut(Table all, double testFraction, long seed) {
        return Splits.holdOut(all, testFraction, seed);
    }

    /** Splits and encodes {@code all} as {@link #load} does. */
    public static TrainingData split(Table all, double testFraction, double validFraction, long seed) {
        Split outer = holdOut(all, testFraction, seed);
        Table rest = all.select(outer.train());
        Split inner = Splits.holdOut(rest, validFraction, seed + 1);
        Table train = rest.select(inner.train());
        FeatureEncoder encoder = FeatureEncoder.fit(train, true);
        DatasetSplits splits = new DatasetSplits(dense(encoder.encode(train)), dense(encoder.encode(rest.select(inner.test()))),
                dense(encoder.encode(all.select(outer.test()))));
        DataCard card = DataCard.features(encoder);
        if (splits.train().isRegression()) {
            // targets standardised by the training split's mean and std alone, as StandardScaler fitted on y_train
            Scaling scaling = Scaling.ofTargets(splits.train().targets());
            scaling.scaleTargets(splits.train().targets());
            scaling.scaleTargets(splits.valid().targets());
            scaling.scaleTargets(splits.test().targets());
            card = card.withScaling(scaling);
        }
        return new TrainingData(splits, card);
    }

    /** An encoded table as a dataset of {@code [features]} examples. */
    public static DenseDataset dense(TabularDataset table) {
        int width = table.featureNames().size();
        float[] x = new float[table.size() * width];
        for (int r = 0; r < table.size(); r++) {
            for (int f = 0; f < width; f++) {
                x[r * width + f] = (float) table.value(r, f);
            }
        }
        int[] shape = {width};
        if (table.classes().isEmpty()) {
            float[] y = new float[table.size()];
            for (int r = 0; r < y.length; r++) {
                y[r] = (float) table.target(r);
            }
            return DenseDataset.regression(x, shape, y, 1);
        }
        return new DenseDataset(x, shape, table.labels(), table.classes().size());
    }
}
