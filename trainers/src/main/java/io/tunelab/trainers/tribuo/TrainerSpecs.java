package io.tunelab.trainers.tribuo;

import io.tunelab.trainers.TrainersException;
import java.util.List;

/** The catalogue of Tribuo model families, by {@link TribuoTrainerSpec#name()}, each with every parameter at its default. */
public final class TrainerSpecs {
    private TrainerSpecs() {
    }

    /** Every family, searching nothing yet. */
    public static List<TribuoTrainerSpec> all() {
        return List.of(LinearSgdSpec.defaults(), CartSpec.defaults(), RandomForestSpec.defaults(),
                XGBoostSpec.defaults(), LibLinearSpec.defaults(), LibSvmSpec.defaults(), LogisticSpec.defaults());
    }

    /** The family called {@code name} ({@code linear_sgd, cart, random_forest, xgboost, liblinear, libsvm, logistic}). */
    public static TribuoTrainerSpec byName(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new TrainersException("no Tribuo trainer named '" + name + "'; known: "
                        + all().stream().map(TribuoTrainerSpec::name).toList()));
    }
}
