package io.tunelab.trainers.djl.train;

/**
 * The hyperparameters {@link DjlObjective} reads, by name, with their defaults. Each is sampled when the
 * study's space has a distribution for it, else taken from the study's fixed values, else defaulted.
 *
 * <h2>Architecture</h2>
 * <table>
 *   <caption>architecture parameters</caption>
 *   <tr><th>name</th><th>values</th><th>default</th></tr>
 *   <tr><td>{@code model}</td><td>{@code mlp}, {@code wide_deep}, {@code cnn}</td><td>the objective's</td></tr>
 *   <tr><td>{@code n_hidden}</td><td>hidden layers of an MLP, 0 or more (1 or more for wide_deep)</td><td>2</td></tr>
 *   <tr><td>{@code n_neurons}</td><td>units of every hidden layer</td><td>100</td></tr>
 *   <tr><td>{@code n_units_l0}, {@code n_units_l1}...</td><td>units of one hidden layer (from the input side,
 *       counted from 0 as in study files' {@code per_layer} entries), overriding n_neurons</td><td>n_neurons</td></tr>
 *   <tr><td>{@code activation}</td><td>relu, leaky_relu, elu, selu, tanh, gelu</td><td>relu</td></tr>
 *   <tr><td>{@code initializer}</td><td>he, glorot, lecun</td><td>glorot</td></tr>
 *   <tr><td>{@code batch_norm}</td><td>true, false</td><td>false</td></tr>
 *   <tr><td>{@code dropout}</td><td>[0, 1)</td><td>0</td></tr>
 *   <tr><td>{@code conv_blocks}</td><td>CNN convolution blocks</td><td>2</td></tr>
 *   <tr><td>{@code filters}</td><td>filters of the first block (doubling)</td><td>32</td></tr>
 *   <tr><td>{@code kernel_size}</td><td>odd kernel size</td><td>3</td></tr>
 *   <tr><td>{@code pooling}</td><td>max, avg</td><td>max</td></tr>
 *   <tr><td>{@code dense_units}</td><td>units of the CNN's dense layer</td><td>128</td></tr>
 * </table>
 *
 * <h2>Training</h2>
 * <table>
 *   <caption>training parameters</caption>
 *   <tr><th>name</th><th>values</th><th>default</th></tr>
 *   <tr><td>{@code optimizer}</td><td>sgd, momentum, nesterov, adagrad, rmsprop, adam, adamax, nadam, adamw</td><td>sgd</td></tr>
 *   <tr><td>{@code learning_rate}</td><td>initial (or, for one_cycle, maximum) rate</td><td>0.01</td></tr>
 *   <tr><td>{@code momentum}, {@code beta_1}, {@code beta_2}, {@code rho}, {@code epsilon}</td><td>optimizer settings</td>
 *       <td>0.9, 0.9, 0.999, 0.9, 1e-7</td></tr>
 *   <tr><td>{@code weight_decay}</td><td>L2 penalty (AdamW: decoupled decay)</td><td>0 (AdamW: 0.01)</td></tr>
 *   <tr><td>{@code batch_size}</td><td>examples per step</td><td>32</td></tr>
 *   <tr><td>{@code epochs}</td><td>planned epochs</td><td>10</td></tr>
 *   <tr><td>{@code lr_schedule}</td><td>constant, power, exponential, piecewise, plateau, one_cycle, cosine,
 *       warmup (constant after a warm-up)</td><td>constant</td></tr>
 *   <tr><td>{@code lr_decay_epochs}</td><td>power/exponential: epochs per decay period s</td><td>10</td></tr>
 *   <tr><td>{@code lr_power}</td><td>power scheduling exponent c</td><td>1</td></tr>
 *   <tr><td>{@code lr_decay_rate}</td><td>exponential base; piecewise and plateau factor</td><td>0.1 (plateau: 0.5)</td></tr>
 *   <tr><td>{@code lr_patience}</td><td>plateau: epochs without improvement</td><td>2</td></tr>
 *   <tr><td>{@code lr_min}</td><td>cosine and plateau floor</td><td>0</td></tr>
 *   <tr><td>{@code warmup_epochs}</td><td>linear warm-up length, may be fractional</td><td>0 (none; 1 for warmup)</td></tr>
 *   <tr><td>{@code clip_norm}, {@code clip_value}</td><td>gradient clipping thresholds</td><td>0 (off)</td></tr>
 *   <tr><td>{@code patience}</td><td>early-stopping patience in epochs</td><td>0 (off)</td></tr>
 *   <tr><td>{@code min_delta}</td><td>smallest improvement that resets patience</td><td>0</td></tr>
 * </table>
 * The piecewise schedule multiplies the rate by {@code lr_decay_rate} at half and again at three
 * quarters of the planned epochs. Choices ({@code model}, {@code lr_schedule}) are compared
 * {@link #normalized}, so {@code wide-deep} and {@code one-cycle} work too.
 */
public final class ParamNames {
    public static final String MODEL = "model";
    public static final String N_HIDDEN = "n_hidden";
    public static final String N_NEURONS = "n_neurons";
    public static final String ACTIVATION = "activation";
    public static final String INITIALIZER = "initializer";
    public static final String BATCH_NORM = "batch_norm";
    public static final String DROPOUT = "dropout";
    public static final String CONV_BLOCKS = "conv_blocks";
    public static final String FILTERS = "filters";
    public static final String KERNEL_SIZE = "kernel_size";
    public static final String POOLING = "pooling";
    public static final String DENSE_UNITS = "dense_units";
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
        return "n_units_l" + (layer - 1);
    }
}
