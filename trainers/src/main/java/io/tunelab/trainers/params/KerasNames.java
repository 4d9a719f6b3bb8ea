package io.tunelab.trainers.params;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a Keras user names a hyperparameter that Tunelab spells otherwise: the arguments of Keras's layers and optimizers
 * ({@code SimpleRNN(units=...)}, {@code LSTM(units=...)}, {@code Dense(units=...)}, {@code Dropout(rate=...)},
 * {@code SGD(lr=...)}) with the catalogue's parameters that do their work, the first a trainer reads being the one meant.
 * Names are matched without case, {@code _} or {@code -}. Stateless.
 */
final class KerasNames {
    private static final Map<String, List<String>> PARAMETERS = Map.of(
            "units", List.of("rnn_units", "n_neurons", "dense_units"),
            "rate", List.of("dropout"),
            "kernelinitializer", List.of("initializer"),
            "lr", List.of("learning_rate"));

    private KerasNames() {
    }

    /**
     * The parameter of {@code catalogue} that does the work of Keras's {@code given}: empty when {@code given} is no Keras
     * name Tunelab spells otherwise, or the trainer reads none of the parameters it may be.
     */
    static Optional<Hyperparameter> of(String given, Hyperparameters catalogue) {
        List<String> meant = PARAMETERS.getOrDefault(given.toLowerCase(Locale.ROOT).replace("_", "").replace("-", ""), List.of());
        return meant.stream().flatMap(name -> catalogue.find(name).stream()).findFirst();
    }
}
