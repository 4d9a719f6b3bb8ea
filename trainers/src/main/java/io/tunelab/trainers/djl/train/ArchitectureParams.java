package io.tunelab.trainers.djl.train;

import static io.tunelab.trainers.djl.train.ParamNames.*;

import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.djl.ActivationKind;
import io.tunelab.trainers.djl.Architecture;
import io.tunelab.trainers.djl.CnnArchitecture;
import io.tunelab.trainers.djl.MlpArchitecture;
import io.tunelab.trainers.djl.PoolingKind;
import io.tunelab.trainers.djl.WeightInit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads an architecture from a trial's parameters (names and defaults in {@link ParamNames}). */
final class ArchitectureParams {
    private ArchitectureParams() {
    }

    static Architecture read(TrialParams p, String defaultModel, int[] exampleShape, int classes) {
        List<Integer> input = Arrays.stream(exampleShape).boxed().toList();
        String model = normalized(p.getString(MODEL, defaultModel));
        return switch (model) {
            case "mlp", "wide_deep" -> new MlpArchitecture(input, hiddenUnits(p), activation(p), initializer(p),
                    p.getBoolean(BATCH_NORM, false), p.getDouble(DROPOUT, 0), model.equals("wide_deep"), classes);
            case "cnn" -> new CnnArchitecture(input, p.getInt(CONV_BLOCKS, 2), p.getInt(FILTERS, 32),
                    p.getInt(KERNEL_SIZE, 3), PoolingKind.of(p.getString(POOLING, "max")), p.getInt(DENSE_UNITS, 128),
                    p.getDouble(DROPOUT, 0), activation(p), initializer(p), p.getBoolean(BATCH_NORM, false), classes);
            default -> throw new TrainersException("parameter 'model' must be mlp, wide_deep or cnn, got '" + model + "'");
        };
    }

    private static List<Integer> hiddenUnits(TrialParams p) {
        int layers = p.getInt(N_HIDDEN, 2);
        if (layers < 0) {
            throw new TrainersException("parameter 'n_hidden' must be 0 or more, got " + layers);
        }
        List<Integer> units = new ArrayList<>(layers);
        for (int layer = 1; layer <= layers; layer++) {
            String own = neuronsOfLayer(layer);
            units.add(p.isSet(own) ? p.getInt(own, 100) : p.getInt(N_NEURONS, 100));
        }
        return units;
    }

    private static ActivationKind activation(TrialParams p) {
        return ActivationKind.of(p.getString(ACTIVATION, "relu"));
    }

    private static WeightInit initializer(TrialParams p) {
        return WeightInit.of(p.getString(INITIALIZER, "glorot"));
    }
}
