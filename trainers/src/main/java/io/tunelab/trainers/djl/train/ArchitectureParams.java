package io.tunelab.trainers.djl.train;

import static io.tunelab.trainers.djl.train.ParamNames.*;

import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.djl.ActivationKind;
import io.tunelab.trainers.djl.Architecture;
import io.tunelab.trainers.djl.CnnArchitecture;
import io.tunelab.trainers.djl.MlpArchitecture;
import io.tunelab.trainers.djl.PoolingKind;
import io.tunelab.trainers.djl.RecurrentCell;
import io.tunelab.trainers.djl.Regularization;
import io.tunelab.trainers.djl.RnnArchitecture;
import io.tunelab.trainers.djl.WeightInit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads an architecture from a trial's parameters (names in {@link ParamNames}, defaults in {@link DjlHyperparameters}). */
final class ArchitectureParams {
    private ArchitectureParams() {
    }

    static Architecture read(TrialParams p, String defaultModel, int[] exampleShape, int outputs) {
        List<Integer> input = Arrays.stream(exampleShape).boxed().toList();
        String model = normalized(p.getString(MODEL, defaultModel));
        return switch (model) {
            case "mlp", "wide_deep" -> mlp(p, input, model.equals("wide_deep"), outputs);
            case "cnn" -> new CnnArchitecture(input, p.getInt(CONV_BLOCKS), p.getInt(FILTERS),
                    p.getInt(KERNEL_SIZE), PoolingKind.of(p.getString(POOLING)), p.getInt(DENSE_UNITS),
                    p.getDouble(DROPOUT), activation(p), initializer(p), p.getBoolean(BATCH_NORM), outputs,
                    p.getBoolean(RESIDUAL), p.getBoolean(GLOBAL_POOL));
            case "rnn" -> new RnnArchitecture(input, RecurrentCell.of(p.getString(CELL)), recurrentUnits(p),
                    p.getInt(CONV1D_FILTERS), p.getInt(CONV1D_KERNEL), p.getInt(CONV1D_STRIDE), p.getDouble(DROPOUT),
                    initializer(p), outputs);
            default -> throw new TrainersException("parameter 'model' must be mlp, wide_deep, cnn or rnn, got '" + model + "'");
        };
    }

    private static MlpArchitecture mlp(TrialParams p, List<Integer> input, boolean wideAndDeep, int outputs) {
        List<Integer> units = hiddenUnits(p);
        ActivationKind activation = activation(p);
        WeightInit init = initializer(p);
        boolean batchNorm = p.getBoolean(BATCH_NORM);
        String position = normalized(p.getString(BATCH_NORM_POSITION));
        if (!position.equals("before") && !position.equals("after")) {
            throw new TrainersException("parameter 'batch_norm_position' must be before or after, got '" + position + "'");
        }
        double dropout = p.getDouble(DROPOUT);
        boolean alpha = p.getBoolean(ALPHA_DROPOUT);
        return new MlpArchitecture(input, units, activation, init, batchNorm, dropout, wideAndDeep, outputs,
                position.equals("after"), alpha, new Regularization(p.getDouble(L1), p.getDouble(L2), p.getDouble(MAX_NORM)));
    }

    private static List<Integer> hiddenUnits(TrialParams p) {
        int layers = p.getInt(N_HIDDEN);
        if (layers < 0) {
            throw new TrainersException("parameter 'n_hidden' must be 0 or more, got " + layers);
        }
        List<Integer> units = new ArrayList<>(layers);
        for (int layer = 1; layer <= layers; layer++) {
            String own = neuronsOfLayer(layer);
            units.add(p.isSet(own) ? p.getInt(own, 0) : p.getInt(N_NEURONS));
        }
        return units;
    }

    private static List<Integer> recurrentUnits(TrialParams p) {
        int layers = p.getInt(RNN_LAYERS);
        if (layers < 1) {
            throw new TrainersException("parameter 'rnn_layers' must be 1 or more, got " + layers);
        }
        return java.util.Collections.nCopies(layers, p.getInt(RNN_UNITS));
    }

    private static ActivationKind activation(TrialParams p) {
        return ActivationKind.of(p.getString(ACTIVATION));
    }

    private static WeightInit initializer(TrialParams p) {
        return WeightInit.of(p.getString(INITIALIZER));
    }
}
