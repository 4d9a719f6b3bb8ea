package io.tunelab.trainers.djl;

import io.tunelab.trainers.TrainersException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A sequence model for forecasting (the book's chapter 15): an optional one-dimensional convolution
 * front end ("valid" padding; shortens the sequence, as the book's Conv1D + GRU model), then stacked
 * recurrent layers, each returning its whole sequence to the next (the last one's final step goes on),
 * then a dense layer producing {@code outputs} values: one, or a forecast's horizon. Dropout, when set,
 * follows each recurrent layer.
 *
 * @param inputShape   {@code [steps, features]} of one window
 * @param cell         the recurrent cell of every layer
 * @param units        units of each recurrent layer, input side first; at least one layer
 * @param convFilters  filters of the convolution front end, 0 for none
 * @param convKernel   its kernel width (ignored without a front end)
 * @param convStride   its stride (ignored without a front end)
 * @param dropout      dropout rate after each recurrent layer, 0 for none
 * @param initializer  weight initialisation (biases start at zero)
 * @param outputs      number of values predicted
 */
public record RnnArchitecture(List<Integer> inputShape, RecurrentCell cell, List<Integer> units, int convFilters,
                              int convKernel, int convStride, double dropout, WeightInit initializer, int outputs)
        implements Architecture {
    public RnnArchitecture {
        inputShape = ArchitectureChecks.shape("input shape", inputShape);
        if (inputShape.size() != 2) {
            throw new TrainersException("a recurrent network needs inputs of shape [steps, features], got " + inputShape);
        }
        ArchitectureChecks.required("cell", cell);
        units = List.copyOf(ArchitectureChecks.required("units", units));
        if (units.isEmpty()) {
            throw new TrainersException("a recurrent network needs at least one recurrent layer");
        }
        units.forEach(u -> ArchitectureChecks.positive("units of a recurrent layer", u));
        if (convFilters < 0) {
            throw new TrainersException("conv1d filters must be 0 (no front end) or more, got " + convFilters);
        }
        if (convFilters > 0) {
            ArchitectureChecks.positive("conv1d kernel", convKernel);
            ArchitectureChecks.positive("conv1d stride", convStride);
            if (convKernel > inputShape.get(0)) {
                throw new TrainersException("conv1d kernel " + convKernel + " is longer than the " + inputShape.get(0)
                        + " steps of the input");
            }
        }
        ArchitectureChecks.dropout(dropout);
        ArchitectureChecks.required("initializer", initializer);
        ArchitectureChecks.positive("outputs", outputs);
    }

    /** Steps the recurrent layers see: the input's, or the convolution's output length. */
    public int recurrentSteps() {
        int steps = inputShape.get(0);
        return convFilters == 0 ? steps : (steps - convKernel) / convStride + 1;
    }

    @Override
    public int narrowestConvolution() {
        return convFilters > 0 ? convFilters : Integer.MAX_VALUE;
    }

    @Override
    public String describe() {
        String layers = units.stream().map(String::valueOf).collect(Collectors.joining("-"));
        return "rnn " + (convFilters > 0 ? "conv1d " + convFilters + "x" + convKernel + "/" + convStride + " + " : "")
                + cell.wireName() + " " + layers + " -> " + outputs + (dropout > 0 ? " dropout " + dropout : "");
    }
}
