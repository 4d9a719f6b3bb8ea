package io.tunelab.trainers.djl;

import ai.djl.nn.Block;
import ai.djl.nn.recurrent.RNN;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.tunelab.trainers.TrainersException;
import java.util.Locale;

/**
 * The cell of a recurrent layer: a simple (Elman, tanh) recurrent cell, a long short-term memory cell
 * (Hochreiter and Schmidhuber 1997) or a gated recurrent unit (Cho et al. 2014), as the book's
 * {@code SimpleRNN}, {@code LSTM} and {@code GRU} layers.
 */
public enum RecurrentCell {
    SIMPLE, LSTM, GRU;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RecurrentCell of(String name) {
        for (RecurrentCell c : values()) {
            if (c.wireName().equalsIgnoreCase(name)) {
                return c;
            }
        }
        throw new TrainersException("cell must be simple, lstm or gru, got '" + name + "'");
    }

    /** One layer of {@code units} cells over batch-first sequences, returning the whole output sequence. */
    Block layer(int units) {
        return switch (this) {
            case SIMPLE -> RNN.builder().setActivation(RNN.Activation.TANH).setStateSize(units).setNumLayers(1)
                    .optBatchFirst(true).optReturnState(false).build();
            case LSTM -> ai.djl.nn.recurrent.LSTM.builder().setStateSize(units).setNumLayers(1)
                    .optBatchFirst(true).optReturnState(false).build();
            case GRU -> ai.djl.nn.recurrent.GRU.builder().setStateSize(units).setNumLayers(1)
                    .optBatchFirst(true).optReturnState(false).build();
        };
    }
}
