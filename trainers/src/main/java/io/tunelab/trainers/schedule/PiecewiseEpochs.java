package io.tunelab.trainers.schedule;

import io.tunelab.trainers.TrainersException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A piecewise constant learning rate given in epochs, as the book's {@code piecewise_constant_fn(epoch)} and Keras's
 * {@code PiecewiseConstantDecay(boundaries, values)} give it: {@code values[0]} for the epochs before
 * {@code boundaries[0]}, {@code values[i]} from epoch {@code boundaries[i-1]} on (epochs counted from 0, so boundary 5
 * is the sixth epoch). Keras counts its boundaries in steps; here they are whole epochs. Immutable.
 *
 * @param boundaries the epochs at which the rate changes: whole, at least 1, strictly increasing
 * @param values     the rates, positive and finite, one more than the boundaries
 */
public record PiecewiseEpochs(List<Long> boundaries, List<Double> values) {
    public PiecewiseEpochs {
        boundaries = List.copyOf(boundaries);
        values = List.copyOf(values);
    }

    /**
     * Reads and checks a file's or a trial's boundaries and values.
     *
     * @param boundariesName how messages name the boundaries, e.g. {@code fit.schedule.boundaries}
     * @param valuesName     how messages name the values
     * @throws TrainersException naming the field, the value and what was expected: a boundary that is not a whole
     *                           number of epochs of at least 1, boundaries not strictly increasing, a value that is not a
     *                           positive finite number, or a count of values other than one more than the boundaries
     */
    public static PiecewiseEpochs of(Object boundaries, Object values, String boundariesName, String valuesName) {
        List<?> b = list(boundaries, boundariesName, "[5, 15]");
        List<?> v = list(values, valuesName, "[0.01, 0.005, 0.001]");
        long[] epochs = new long[b.size()];
        for (int i = 0; i < epochs.length; i++) {
            if (!(b.get(i) instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.doubleValue() < 1
                    || n.doubleValue() > Integer.MAX_VALUE) {
                throw new TrainersException(boundariesName + "[" + i + "]: expected a whole number of epochs >= 1 (the epoch"
                        + " from which the next value applies), got " + b.get(i));
            }
            epochs[i] = n.longValue();
            if (i > 0 && epochs[i] <= epochs[i - 1]) {
                throw new TrainersException(boundariesName + ": expected strictly increasing epochs, got " + show(b)
                        + " (" + epochs[i] + " after " + epochs[i - 1] + ")");
            }
        }
        double[] rates = new double[v.size()];
        for (int i = 0; i < rates.length; i++) {
            if (!(v.get(i) instanceof Number n) || !(n.doubleValue() > 0) || Double.isInfinite(n.doubleValue())) {
                throw new TrainersException(valuesName + "[" + i + "]: expected a positive finite learning rate, got "
                        + v.get(i));
            }
            rates[i] = n.doubleValue();
        }
        if (rates.length != epochs.length + 1) {
            throw new TrainersException(valuesName + ": " + rates.length + (rates.length == 1 ? " value" : " values")
                    + " for the " + epochs.length + " boundaries " + show(b) + "; expected " + (epochs.length + 1)
                    + ", one more than the boundaries (values[0] before the first boundary, values[i] from boundaries[i-1] on)");
        }
        return new PiecewiseEpochs(Arrays.stream(epochs).boxed().toList(), Arrays.stream(rates).boxed().toList());
    }

    private static List<?> list(Object value, String name, String example) {
        if (!(value instanceof List<?> l)) {
            throw new TrainersException(name + ": expected a list of numbers such as " + example + ", got " + value);
        }
        return l;
    }

    private static String show(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }

    /** The rate of epoch {@code epoch} (from 0). */
    public double rateOfEpoch(long epoch) {
        int i = 0;
        while (i < boundaries.size() && epoch >= boundaries.get(i)) {
            i++;
        }
        return values.get(i);
    }

    /** The schedule over updates for epochs of {@code stepsPerEpoch} updates each. */
    public LearningRateSchedule inSteps(int stepsPerEpoch) {
        return LearningRateSchedule.piecewise(boundaries.stream().mapToLong(e -> e * stepsPerEpoch).toArray(),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
