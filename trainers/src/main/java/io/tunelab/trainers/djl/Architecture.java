package io.tunelab.trainers.djl;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * A network architecture as data: enough to rebuild the exact DJL block whose weights a {@code .params}
 * file holds. Serialised as JSON by {@link ArchitectureJson} with a {@code type} field ({@code mlp},
 * {@code cnn} or {@code rnn}). Implementations are immutable records that validate their fields.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = MlpArchitecture.class, name = "mlp"),
    @JsonSubTypes.Type(value = CnnArchitecture.class, name = "cnn"),
    @JsonSubTypes.Type(value = RnnArchitecture.class, name = "rnn")
})
public sealed interface Architecture permits MlpArchitecture, CnnArchitecture, RnnArchitecture {
    /** Dimensions of one input example, without the batch axis (e.g. {@code [28, 28]}). */
    List<Integer> inputShape();

    /** Weight initialisation of every dense and convolution layer. */
    WeightInit initializer();

    /** Number of outputs: classes of a classifier, values of a regressor. */
    int outputs();

    /** Penalties and constraints of the weights, applied by the training loop; none unless the architecture has them. */
    default Regularization regularization() {
        return Regularization.NONE;
    }

    /**
     * The fewest channels any convolution layer of the network produces, {@link Integer#MAX_VALUE} when it
     * has none; decides whether oneDNN may run its convolutions ({@code io.tunelab.trainers.device.OneDnn}).
     */
    default int narrowestConvolution() {
        return Integer.MAX_VALUE;
    }

    /** A one-line summary, e.g. {@code mlp 784-300-100-10 relu}. */
    String describe();
}
