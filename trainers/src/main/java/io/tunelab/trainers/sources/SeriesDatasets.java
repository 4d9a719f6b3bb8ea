package io.tunelab.trainers.sources;

import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.data.DatasetSplits;
import io.tunelab.trainers.data.DenseDataset;
import io.tunelab.trainers.predict.SeriesLayout;
import io.tunelab.trainers.tabular.CsvOptions;
import io.tunelab.trainers.tabular.CsvTables;
import io.tunelab.trainers.tabular.Table;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Time series as forecasting datasets: each example is a window of {@code nSteps} time steps
 * ({@code [nSteps, columns]}) and its targets are the next {@code horizon} values of the target column.
 * Splits are chronological and never shuffled across a boundary: the series' rows are cut into a
 * training, then a validation, then a test segment, and each segment is windowed on its own, so no
 * window of one split sees a value of another. A CSV series is standardised column by column with the means and
 * stds of its training segment alone ({@link Scaling}, in the data's card): the network sees and forecasts scaled
 * values, and metrics and served forecasts are un-scaled back to the series' units. Stateless.
 */
public final class SeriesDatasets {
    private SeriesDatasets() {
    }

    /**
     * Windows of a CSV file of numeric columns, one row per time step, oldest first. Each step's features
     * are the target column first, then the other columns in file order, every column standardised by its mean and
     * std over the training segment (targets too, by the target column's); the card holds the {@link Scaling}.
     *
     * @param validFraction share of the rows (after the training segment) validating, in [0, 1)
     * @param testFraction  share of the rows (the last ones) testing, in [0, 1)
     * @throws TrainersException naming the file, line and column of a non-number, a missing value or a
     *                           missing target column, or a segment shorter than {@code nSteps + horizon}
     */
    public static TrainingData csv(Path file, String target, int nSteps, int horizon, double validFraction,
                                    double testFraction) {
        return csv(file, target, List.of(), nSteps, horizon, validFraction, testFraction);
    }

    /**
     * Windows of a CSV file as {@link #csv(Path, String, int, int, double, double)} reads them, without the columns
     * {@code dropped} (a date column, say), which must be in the header.
     */
    public static TrainingData csv(Path file, String target, List<String> dropped, int nSteps, int horizon,
                                   double validFraction, double testFraction) {
        checkWindow(nSteps, horizon);
        Table table = CsvTables.read(file, CsvOptions.regression(target).withStrictNumeric(true)
                .withDropped(dropped.toArray(String[]::new))
                .withNotNumericAdvice("or leave the column out of the series (data.drop: [%s])"));
        int columns = table.columnNames().size() + 1;
        int rows = table.rowCount();
        float[] values = new float[rows * columns];
        for (int r = 0; r < rows; r++) {
            values[r * columns] = (float) table.target(r);
            for (int c = 1; c < columns; c++) {
                double v = table.number(c - 1, r);
                if (Double.isNaN(v)) {
                    throw new TrainersException("series '" + file + "' line " + (r + 2) + ", column '"
                            + table.columnNames().get(c - 1) + "': missing value; a series needs a number at every step");
                }
                values[r * columns + c] = (float) v;
            }
        }
        int[] ends = segmentEnds(rows, validFraction, testFraction);
        int train = ends[0];
        int valid = ends[1] - train;
        String name = "series '" + file + "'";
        Scaling scaling = Scaling.ofColumns(values, columns, Math.max(0, train), 0);
        scaling.scaleInputs(values);
        return new TrainingData(new DatasetSplits(windows(name, "training", values, columns, 0, train, nSteps, horizon),
                windows(name, "validation", values, columns, train, train + valid, nSteps, horizon),
                windows(name, "test", values, columns, train + valid, rows, nSteps, horizon)),
                DataCard.regression(DataCard.Input.SERIES).withScaling(scaling).withTarget(target)
                        .withSeries(new SeriesLayout(columnsOfAStep(target, table.columnNames()), dropped)));
    }

    /**
     * The book's synthetic series (Géron, ch. 15): {@code nSeries} series of {@code nSteps + horizon}
     * steps, each the sum of two sines of random frequencies and offsets plus uniform noise,
     * {@code 0.5 sin((t - o1)(10 f1 + 10)) + 0.2 sin((t - o2)(20 f2 + 20)) + 0.1 (u - 0.5)} for
     * {@code t} evenly spaced over [0, 1]; the first {@code nSteps} steps are the input, the rest the
     * targets. The first series train, the next {@code validSize} validate, the last {@code testSize} test.
     */
    public static TrainingData synthetic(int nSeries, int nSteps, int horizon, int validSize, int testSize, long seed) {
        checkWindow(nSteps, horizon);
        if (validSize < 0 || testSize < 0 || validSize + testSize >= nSeries) {
            throw new TrainersException("synthetic series: " + validSize + " validation and " + testSize
                    + " test series leave none of the " + nSeries + " for training");
        }
        int length = nSteps + horizon;
        float[] x = new float[nSeries * nSteps];
        float[] y = new float[nSeries * horizon];
        SplittableRandom random = new SplittableRandom(seed);
        for (int s = 0; s < nSeries; s++) {
            double f1 = random.nextDouble();
            double f2 = random.nextDouble();
            double o1 = random.nextDouble();
            double o2 = random.nextDouble();
            for (int i = 0; i < length; i++) {
                double t = length == 1 ? 0 : (double) i / (length - 1);
                double v = 0.5 * Math.sin((t - o1) * (f1 * 10 + 10)) + 0.2 * Math.sin((t - o2) * (f2 * 20 + 20))
                        + 0.1 * (random.nextDouble() - 0.5);
                if (i < nSteps) {
                    x[s * nSteps + i] = (float) v;
                } else {
                    y[s * horizon + i - nSteps] = (float) v;
                }
            }
        }
        DenseDataset all = DenseDataset.regression(x, new int[] {nSteps, 1}, y, horizon);
        int train = nSeries - validSize - testSize;
        return new TrainingData(new DatasetSplits(all.slice(0, train), all.slice(train, train + validSize),
                all.slice(train + validSize, nSeries)), DataCard.regression(DataCard.Input.SERIES).withTarget("value"));
    }

    /**
     * The naive forecast's mean squared error on {@code data}: every target predicted as the last input
     * value of the target column (feature 0), the book's baseline.
     */
    public static double naiveMse(DenseDataset data) {
        int[] shape = data.exampleShape();
        int steps = shape[0];
        int columns = shape.length > 1 ? shape[1] : 1;
        int width = data.targetWidth();
        double sum = 0;
        for (int i = 0; i < data.size(); i++) {
            float last = data.features()[i * data.exampleSize() + (steps - 1) * columns];
            for (int k = 0; k < width; k++) {
                double e = data.targets()[i * width + k] - last;
                sum += e * e;
            }
        }
        return sum / ((double) data.size() * width);
    }

    /**
     * Checks, from its number of rows alone, that a series split as {@link #csv(Path, String, List, int, int, double,
     * double)} splits it has a window of {@code nSteps + horizon} rows in each of its segments (an empty validation or
     * test segment is allowed): a dry run checks a file without reading its numbers.
     *
     * @param name the series in messages ({@code series 'FILE'})
     * @throws TrainersException naming the segment that is too short, as {@code csv} does
     */
    public static void checkSegments(String name, int rows, int nSteps, int horizon, double validFraction,
                                     double testFraction) {
        int[] ends = segmentEnds(rows, validFraction, testFraction);
        checkSegment(name, "training", 0, ends[0], nSteps, horizon);
        checkSegment(name, "validation", ends[0], ends[1], nSteps, horizon);
        checkSegment(name, "test", ends[1], rows, nSteps, horizon);
    }

    /** Where the training and the validation segments of {@code rows} rows end (the test segment ends the series). */
    private static int[] segmentEnds(int rows, double validFraction, double testFraction) {
        int test = (int) Math.round(rows * testFraction);
        int valid = (int) Math.round(rows * validFraction);
        return new int[] {rows - valid - test, rows - test};
    }

    private static void checkSegment(String name, String part, int from, int to, int nSteps, int horizon) {
        if ((to > from || part.equals("training")) && to - from - nSteps - horizon + 1 < 1) {
            throw new TrainersException(name + " has " + (to - from) + " rows in its " + part + " segment, shorter"
                    + " than n_steps + horizon = " + (nSteps + horizon) + "; give a longer series or smaller splits");
        }
    }

    private static DenseDataset windows(String name, String part, float[] values, int columns, int from, int to,
                                        int nSteps, int horizon) {
        int count = to - from - nSteps - horizon + 1;
        if (to == from && !part.equals("training")) {
            return DenseDataset.regression(new float[0], new int[] {nSteps, columns}, new float[0], horizon);
        }
        checkSegment(name, part, from, to, nSteps, horizon);
        float[] x = new float[count * nSteps * columns];
        float[] y = new float[count * horizon];
        for (int w = 0; w < count; w++) {
            System.arraycopy(values, (from + w) * columns, x, w * nSteps * columns, nSteps * columns);
            for (int k = 0; k < horizon; k++) {
                y[w * horizon + k] = values[(from + w + nSteps + k) * columns];
            }
        }
        return DenseDataset.regression(x, new int[] {nSteps, columns}, y, horizon);
    }

    private static List<String> columnsOfAStep(String target, List<String> others) {
        List<String> columns = new java.util.ArrayList<>(List.of(target));
        columns.addAll(others);
        return columns;
    }

    private static void checkWindow(int nSteps, int horizon) {
        if (nSteps < 1 || horizon < 1) {
            throw new TrainersException("n_steps and horizon must be at least 1, got n_steps " + nSteps
                    + " and horizon " + horizon);
        }
    }
}
