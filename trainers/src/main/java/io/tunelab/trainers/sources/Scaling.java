package io.tunelab.trainers.sources;

import io.tunelab.trainers.TrainersException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The standardisation a network was trained with, as a Keras user gets from a {@code Normalization} layer
 * adapted on the training data (or scikit-learn's {@code StandardScaler}): {@code (v - mean) / std},
 * population std, a constant column scaled by 1. Fitted on the training split only, it travels in the
 * {@link DataCard}, so a served model scales its inputs and un-scales its outputs exactly as in training.
 * Inputs: one mean and std per input column (a series' columns, applied at every time step); none for
 * CSV features, which the card's {@link io.tunelab.trainers.tabular.FeatureEncoder} standardises. Targets:
 * one mean and std for every regression output. Immutable.
 */
public final class Scaling {
    private final double[] inputMean;
    private final double[] inputStd;
    private final double targetMean;
    private final double targetStd;

    /**
     * @throws TrainersException for a non-positive or non-finite std, or a non-finite mean
     */
    public Scaling(double[] inputMean, double[] inputStd, double targetMean, double targetStd) {
        if (inputMean.length != inputStd.length) {
            throw new TrainersException("a scaling has " + inputMean.length + " input means but " + inputStd.length + " stds");
        }
        this.inputMean = inputMean.clone();
        this.inputStd = inputStd.clone();
        this.targetMean = targetMean;
        this.targetStd = targetStd;
        for (int c = 0; c <= inputMean.length; c++) {
            double m = c < inputMean.length ? inputMean[c] : targetMean;
            double s = c < inputMean.length ? inputStd[c] : targetStd;
            if (!Double.isFinite(m) || !Double.isFinite(s) || s <= 0) {
                throw new TrainersException("a scaling needs finite means and positive stds, got mean " + m + " and std " + s);
            }
        }
    }

    /** Scales targets only (inputs are encoded elsewhere), by the mean and std of {@code trainTargets}. */
    public static Scaling ofTargets(float[] trainTargets) {
        double[] ms = meanStd(trainTargets, 0, 1);
        return new Scaling(new double[0], new double[0], ms[0], ms[1]);
    }

    /**
     * Scales every column of row-major {@code values} ({@code columns} per row) by the mean and std of its
     * first {@code trainRows} rows; targets by column {@code targetColumn}'s.
     */
    public static Scaling ofColumns(float[] values, int columns, int trainRows, int targetColumn) {
        double[] mean = new double[columns];
        double[] std = new double[columns];
        float[] train = Arrays.copyOf(values, trainRows * columns);
        for (int c = 0; c < columns; c++) {
            double[] ms = meanStd(train, c, columns);
            mean[c] = ms[0];
            std[c] = ms[1];
        }
        return new Scaling(mean, std, mean[targetColumn], std[targetColumn]);
    }

    /** Mean and population std (1 for a constant or empty column) of every {@code stride}-th value from {@code from}. */
    private static double[] meanStd(float[] values, int from, int stride) {
        int n = 0;
        double sum = 0;
        for (int i = from; i < values.length; i += stride) {
            sum += values[i];
            n++;
        }
        double mean = n == 0 ? 0 : sum / n;
        double squares = 0;
        for (int i = from; i < values.length; i += stride) {
            squares += (values[i] - mean) * (values[i] - mean);
        }
        double std = n == 0 ? 0 : Math.sqrt(squares / n);
        return new double[] {mean, std > 0 ? std : 1};
    }

    /** How many input columns are scaled (0: inputs are left as they are). */
    public int inputColumns() {
        return inputMean.length;
    }

    public double targetMean() {
        return targetMean;
    }

    public double targetStd() {
        return targetStd;
    }

    /** Scales row-major {@code values} in place, column {@code i % inputColumns()} by its own mean and std. */
    public void scaleInputs(float[] values) {
        int columns = inputMean.length;
        if (columns == 0) {
            return;
        }
        for (int i = 0; i < values.length; i++) {
            int c = i % columns;
            values[i] = (float) ((values[i] - inputMean[c]) / inputStd[c]);
        }
    }

    /** Undoes {@link #scaleInputs} in place. */
    public void unscaleInputs(float[] values) {
        int columns = inputMean.length;
        for (int i = 0; columns > 0 && i < values.length; i++) {
            int c = i % columns;
            values[i] = (float) (values[i] * inputStd[c] + inputMean[c]);
        }
    }

    /** Undoes {@link #scaleTargets} in place. */
    public void unscaleTargets(float[] targets) {
        for (int i = 0; i < targets.length; i++) {
            targets[i] = (float) unscaleTarget(targets[i]);
        }
    }

    /** Scales targets in place. */
    public void scaleTargets(float[] targets) {
        for (int i = 0; i < targets.length; i++) {
            targets[i] = (float) ((targets[i] - targetMean) / targetStd);
        }
    }

    /** A network output (a scaled target) in the targets' original units. */
    public double unscaleTarget(double scaled) {
        return scaled * targetStd + targetMean;
    }

    /** A JSON-compatible description that {@link #fromMap} reads back. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("input_mean", list(inputMean));
        out.put("input_std", list(inputStd));
        out.put("target_mean", targetMean);
        out.put("target_std", targetStd);
        return out;
    }

    /** Reads {@link #toMap()} back; {@code source} names it in messages. */
    public static Scaling fromMap(Map<?, ?> map, String source) {
        try {
            return new Scaling(array((List<?>) map.get("input_mean")), array((List<?>) map.get("input_std")),
                    ((Number) map.get("target_mean")).doubleValue(), ((Number) map.get("target_std")).doubleValue());
        } catch (ClassCastException | NullPointerException | TrainersException e) {
            throw new TrainersException(source + " holds an invalid scaling: " + e.getMessage(), e);
        }
    }

    private static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }

    private static double[] array(List<?> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) values.get(i)).doubleValue();
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scaling s && Arrays.equals(inputMean, s.inputMean) && Arrays.equals(inputStd, s.inputStd)
                && targetMean == s.targetMean && targetStd == s.targetStd;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(inputMean) * 31 + Double.hashCode(targetMean);
    }

    @Override
    public String toString() {
        return "Scaling" + toMap();
    }
}
