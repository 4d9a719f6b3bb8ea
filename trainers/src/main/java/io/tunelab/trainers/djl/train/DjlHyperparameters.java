package io.tunelab.trainers.djl.train;

import static io.tunelab.trainers.djl.train.ParamNames.*;
import static io.tunelab.trainers.params.Hyperparameter.bool;
import static io.tunelab.trainers.params.Hyperparameter.choice;
import static io.tunelab.trainers.params.Hyperparameter.integer;
import static io.tunelab.trainers.params.Hyperparameter.real;

import io.tunelab.trainers.djl.optimizer.OptimizerKind;
import io.tunelab.trainers.djl.optimizer.OptimizerSpec;
import io.tunelab.trainers.params.Hyperparameter;
import io.tunelab.trainers.params.Hyperparameters;

/**
 * The hyperparameters {@link DjlObjective} reads ({@link ParamNames}), with their defaults: the one home of
 * those defaults, shown in {@code docs/study-files.md}. A parameter is sampled when the study's space has a
 * distribution for it, else taken from the study's fixed values, else defaulted. No built-in ranges: a DJL
 * study searches exactly the parameters it names.
 */
public final class DjlHyperparameters {
    /** {@code weight_decay} of AdamW, whose decay is decoupled from the gradient (Loshchilov and Hutter 2019). */
    static final double ADAMW_WEIGHT_DECAY = 0.01;
    /** {@code lr_decay_rate} of the plateau schedule. */
    static final double PLATEAU_DECAY_RATE = 0.5;
    /** {@code warmup_epochs} of the warmup schedule. */
    static final double WARMUP_SCHEDULE_EPOCHS = 1;

    private static final OptimizerSpec OPTIMIZER_DEFAULTS = OptimizerSpec.defaults(OptimizerKind.SGD);

    /** Every hyperparameter the DJL trainers read, architecture first. */
    public static final Hyperparameters CATALOGUE = Hyperparameters.of(
            Hyperparameter.derived(MODEL, Hyperparameter.Kind.CHOICE, "the trainer's: mlp, wide_deep, cnn or rnn",
                    "architecture family: mlp, wide_deep, cnn or rnn"),
            integer(N_HIDDEN, 2, "hidden layers of an MLP, 0 or more (1 or more for wide_deep)"),
            integer(N_NEURONS, 100, "units of every hidden layer"),
            Hyperparameter.derived(N_UNITS_PER_LAYER, Hyperparameter.Kind.INT, N_NEURONS,
                    "units of one hidden layer, counted from 0 on the input side (as per_layer entries are);"
                            + " overrides n_neurons"),
            choice(ACTIVATION, "relu", "relu, leaky_relu, elu, selu, tanh or gelu"),
            choice(INITIALIZER, "glorot", "weight initialisation: he, glorot or lecun"),
            bool(BATCH_NORM, false, "whether each hidden layer is batch-normalised"),
            choice(BATCH_NORM_POSITION, "before", "MLP batch norm before or after the activation"),
            real(DROPOUT, 0, "dropout rate after each hidden or recurrent layer, in [0, 1)"),
            bool(ALPHA_DROPOUT, false, "MLP: alpha dropout (keeps selu's self-normalisation) instead of dropout"),
            real(L1, 0, "MLP: L1 penalty on the dense weights, added to the loss"),
            real(L2, 0, "MLP: L2 penalty on the dense weights, added to the loss"),
            real(MAX_NORM, 0, "MLP: max-norm constraint on each unit's incoming weights; 0 = off"),
            integer(CONV_BLOCKS, 2, "CNN convolution blocks"),
            integer(FILTERS, 32, "filters of the first CNN block (doubling with each block)"),
            integer(KERNEL_SIZE, 3, "odd convolution kernel size"),
            choice(POOLING, "max", "CNN pooling: max or avg"),
            integer(DENSE_UNITS, 128, "units of the CNN's dense layer"),
            bool(RESIDUAL, false, "CNN: each block a residual unit (two convolutions plus a shortcut, 1x1-projected"
                    + " when the channels change)"),
            bool(GLOBAL_POOL, false, "CNN: global average pooling head instead of flatten and the dense layer"),
            choice(CELL, "gru", "recurrent cell of every rnn layer: simple, lstm or gru"),
            integer(RNN_LAYERS, 2, "stacked recurrent layers of an rnn, 1 or more"),
            integer(RNN_UNITS, 20, "units of every recurrent layer"),
            integer(CONV1D_FILTERS, 0, "filters of the rnn's 1-D convolution front end; 0 = none"),
            integer(CONV1D_KERNEL, 4, "kernel width of the 1-D convolution front end"),
            integer(CONV1D_STRIDE, 2, "stride of the 1-D convolution front end"),
            Hyperparameter.derived(LOSS, Hyperparameter.Kind.CHOICE, "cross_entropy for classes, mse for regression",
                    "training loss: cross_entropy (classification), mse or mae (regression)"),
            choice(OPTIMIZER, "sgd", "sgd, momentum, nesterov, adagrad, rmsprop, adam, adamax, nadam or adamw"),
            real(LEARNING_RATE, 0.01, "initial (for one_cycle, maximum) learning rate"),
            real(MOMENTUM, OPTIMIZER_DEFAULTS.momentum(), "momentum of momentum and nesterov"),
            real(BETA_1, OPTIMIZER_DEFAULTS.beta1(), "first-moment decay of the Adam family"),
            real(BETA_2, OPTIMIZER_DEFAULTS.beta2(), "second-moment decay of the Adam family"),
            real(RHO, OPTIMIZER_DEFAULTS.rho(), "squared-gradient decay of rmsprop"),
            real(EPSILON, OPTIMIZER_DEFAULTS.epsilon(), "denominator guard of the adaptive optimizers"),
            real(WEIGHT_DECAY, OPTIMIZER_DEFAULTS.weightDecay(), "L2 penalty (adamw: decoupled weight decay)")
                    .note("adamw: " + Hyperparameter.show(ADAMW_WEIGHT_DECAY)),
            integer(BATCH_SIZE, 32, "examples per step"),
            integer(EPOCHS, 10, "planned epochs"),
            choice(LR_SCHEDULE, "constant", "constant, power, exponential, piecewise (the rate times lr_decay_rate"
                    + " at half and again at three quarters of the epochs), plateau, one_cycle, cosine, or warmup"
                    + " (constant after a warm-up)"),
            real(LR_DECAY_EPOCHS, 10, "power and exponential schedules: epochs per decay period s"),
            real(LR_POWER, 1, "power schedule exponent c"),
            real(LR_DECAY_RATE, 0.1, "exponential base; piecewise and plateau factor")
                    .note("plateau: " + Hyperparameter.show(PLATEAU_DECAY_RATE)),
            integer(LR_PATIENCE, 2, "plateau schedule: epochs without improvement before the rate drops"),
            real(LR_MIN, 0, "cosine and plateau floor"),
            real(WARMUP_EPOCHS, 0, "linear warm-up length in epochs, may be fractional")
                    .note("warmup: " + Hyperparameter.show(WARMUP_SCHEDULE_EPOCHS)),
            real(CLIP_NORM, 0, "gradient clipping by global norm; 0 = off"),
            real(CLIP_VALUE, 0, "gradient clipping by value; 0 = off"),
            integer(PATIENCE, 0, "early-stopping patience in epochs; 0 = off"),
            real(MIN_DELTA, 0, "smallest improvement that resets early stopping's patience"));

    private DjlHyperparameters() {
    }
}
