package io.tunelab.trainers.djl.train;

/**
 * The names of the hyperparameters {@link DjlObjective} reads. Their defaults and meanings are data in
 * {@link DjlHyperparameters}, shown in {@code docs/study-files.md} (a test keeps the two equal). Choices
 * ({@code model}, {@code lr_schedule}) are compared {@link #normalized}, so {@code wide-deep} and
 * {@code one-cycle} work too.
 */
public final class ParamNames {
    public static final String MODEL = "model";
    public static final String N_HIDDEN = "n_hidden";
    public static final String N_NEURONS = "n_neurons";
    /** The per-layer units, one parameter per hidden layer: {@code n_units_l0}, {@code n_units_l1}, ... */
    public static final String N_UNITS_PER_LAYER = "n_units_l{i}";
    public static final String ACTIVATION = "activation";
    public static final String INITIALIZER = "initializer";
    public static final String BATCH_NORM = "batch_norm";
    public static final String BATCH_NORM_POSITION = "batch_norm_position";
    public static final String DROPOUT = "dropout";
    public static final String ALPHA_DROPOUT = "alpha_dropout";
    public static final String L1 = "l1";
    public static final String L2 = "l2";
    public static final String MAX_NORM = "max_norm";
    public static final String CONV_BLOCKS = "conv_blocks";
    public static final String FILTERS = "filters";
    public static final String KERNEL_SIZE = "kernel_size";
    public static final String POOLING = "pooling";
    public static final String DENSE_UNITS = "dense_units";
    public static final String RESIDUAL = "residual";
    public static final String GLOBAL_POOL = "global_pool";
    public static final String LOSS = "loss";
    public static final String CELL = "cell";
    public static final String RNN_LAYERS = "rnn_layers";
    public static final String RNN_UNITS = "rnn_units";
    public static final String CONV1D_FILTERS = "conv1d_filters";
    public static final String CONV1D_KERNEL = "conv1d_kernel";
    public static final String CONV1D_STRIDE = "conv1d_stride";
    public static final String OPTIMIZER = "optimizer";
    public static final String LEARNING_RATE = "learning_rate";
    public static final String MOMENTUM = "momentum";
    public static final String BETA_1 = "beta_1";
    public static final String BETA_2 = "beta_2";
    public static final String RHO = "rho";
    public static final String EPSILON = "epsilon";
    public static final String WEIGHT_DECAY = "weight_decay";
    public static final String BATCH_SIZE = "batch_size";
    public static final String EPOCHS = "epochs";
    public static final String LR_SCHEDULE = "lr_schedule";
    public static final String LR_DECAY_EPOCHS = "lr_decay_epochs";
    public static final String LR_POWER = "lr_power";
    public static final String LR_DECAY_RATE = "lr_decay_rate";
    /** The piecewise schedule's epochs at which the rate changes (a list). */
    public static final String LR_BOUNDARIES = "lr_boundaries";
    /** The piecewise schedule's rates, one more than {@link #LR_BOUNDARIES} (a list). */
    public static final String LR_VALUES = "lr_values";
    public static final String LR_PATIENCE = "lr_patience";
    public static final String LR_MIN = "lr_min";
    public static final String WARMUP_EPOCHS = "warmup_epochs";
    public static final String CLIP_NORM = "clip_norm";
    public static final String CLIP_VALUE = "clip_value";
    public static final String PATIENCE = "patience";
    public static final String MIN_DELTA = "min_delta";

    private ParamNames() {
    }

    /** A choice as the readers compare it: lower case, hyphens as underscores ({@code One-Cycle} → {@code one_cycle}). */
    public static String normalized(String choice) {
        return choice.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_');
    }

    /** The name of the per-layer units parameter of hidden layer {@code layer} (from 1): {@code n_units_l(layer-1)}. */
    public static String neuronsOfLayer(int layer) {
        return N_UNITS_PER_LAYER.replace("{i}", Integer.toString(layer - 1));
    }
}
