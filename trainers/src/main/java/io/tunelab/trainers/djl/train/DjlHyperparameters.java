package io.tunelab.trainers.djl.train;

import static io.tunelab.trainers.djl.train.ParamNames.*;
import static io.tunelab.trainers.params.Hyperparameter.bool;
import static io.tunelab.trainers.params.Hyperparameter.choice;
import static io.tunelab.trainers.params.Hyperparameter.integer;
import static io.tunelab.trainers.params.Hyperparameter.real;

import io.tunelab.trainers.djl.ActivationKind;
import io.tunelab.trainers.djl.PoolingKind;
import io.tunelab.trainers.djl.RecurrentCell;
import io.tunelab.trainers.djl.WeightInit;
import io.tunelab.trainers.djl.optimizer.OptimizerKind;
import io.tunelab.trainers.djl.optimizer.OptimizerSpec;
import io.tunelab.trainers.params.Allowed;
import io.tunelab.trainers.params.Hyperparameter;
import io.tunelab.trainers.params.Hyperparameters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

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

    /** The defaults one optimizer or schedule changes, as the catalogue's notes name them: by parameter. */
    private static final Map<String, Variant> VARIANTS = Map.of(WEIGHT_DECAY, new Variant("adamw", ADAMW_WEIGHT_DECAY),
            LR_DECAY_RATE, new Variant("plateau", PLATEAU_DECAY_RATE), WARMUP_EPOCHS, new Variant("warmup", WARMUP_SCHEDULE_EPOCHS));

    /** The architecture families, as {@code model} names them. */
    static final String[] MODELS = {"mlp", "wide_deep", "cnn", "rnn"};
    /** The learning-rate schedules, as {@code lr_schedule} names them. */
    static final String[] SCHEDULES = {"constant", "power", "exponential", "piecewise", "plateau", "one_cycle", "cosine",
        "warmup"};
    /** {@code lr_decay_rate}: an exponential base in (0, 1], a factor the rate is multiplied by. */
    static final Allowed.Bounds DECAY_RATE = new Allowed.Bounds(0, false, 1, true);

    private static final Allowed ACTIVATIONS = names(ActivationKind.values(), ActivationKind::wireName);
    /** {@code xavier} is Glorot's other name ({@link WeightInit#of}). */
    private static final Allowed INITIALIZERS = names(WeightInit.values(), WeightInit::wireName, "xavier");
    private static final Allowed POOLINGS = names(PoolingKind.values(), PoolingKind::wireName);
    private static final Allowed CELLS = names(RecurrentCell.values(), RecurrentCell::wireName);
    private static final Allowed LOSSES = names(LossKind.values(), LossKind::wireName);
    private static final Allowed OPTIMIZERS = names(OptimizerKind.values(), OptimizerKind::wireName);
    private static final OptimizerSpec OPTIMIZER_DEFAULTS = OptimizerSpec.defaults(OptimizerKind.SGD);

    /** Every hyperparameter the DJL trainers read, architecture first. */
    public static final Hyperparameters CATALOGUE = Hyperparameters.of(
            Hyperparameter.derived(MODEL, Hyperparameter.Kind.CHOICE, "the trainer's: mlp, wide_deep, cnn or rnn",
                    "architecture family: mlp, wide_deep, cnn or rnn").oneOf(MODELS),
            integer(N_HIDDEN, 2, "hidden layers of an MLP, 0 or more (1 or more for wide_deep)").within(Allowed.NON_NEGATIVE),
            integer(N_NEURONS, 100, "units of every hidden layer").within(Allowed.AT_LEAST_ONE),
            Hyperparameter.derived(N_UNITS_PER_LAYER, Hyperparameter.Kind.INT, N_NEURONS,
                    "units of one hidden layer, counted from 0 on the input side (as per_layer entries are);"
                            + " overrides n_neurons").within(Allowed.AT_LEAST_ONE),
            choice(ACTIVATION, "relu", "relu, leaky_relu, elu, selu, tanh or gelu").within(ACTIVATIONS),
            choice(INITIALIZER, "glorot", "weight initialisation: he, glorot or lecun").within(INITIALIZERS),
            bool(BATCH_NORM, false, "whether each hidden layer is batch-normalised"),
            choice(BATCH_NORM_POSITION, "before", "MLP batch norm before or after the activation").oneOf("before", "after"),
            real(DROPOUT, 0, "dropout rate after each hidden or recurrent layer, in [0, 1)").within(Allowed.FRACTION),
            bool(ALPHA_DROPOUT, false, "MLP: alpha dropout (keeps selu's self-normalisation) instead of dropout"),
            real(L1, 0, "MLP: L1 penalty on the dense weights, added to the loss").within(Allowed.NON_NEGATIVE),
            real(L2, 0, "MLP: L2 penalty on the dense weights, added to the loss").within(Allowed.NON_NEGATIVE),
            real(MAX_NORM, 0, "MLP: max-norm constraint on each unit's incoming weights; 0 = off").within(Allowed.NON_NEGATIVE),
            integer(CONV_BLOCKS, 2, "CNN convolution blocks").within(Allowed.AT_LEAST_ONE),
            integer(FILTERS, 32, "filters of the first CNN block (doubling with each block)").within(Allowed.AT_LEAST_ONE),
            integer(KERNEL_SIZE, 3, "odd convolution kernel size").within(Allowed.AT_LEAST_ONE),
            choice(POOLING, "max", "CNN pooling: max or avg").within(POOLINGS),
            integer(DENSE_UNITS, 128, "units of the CNN's dense layer").within(Allowed.AT_LEAST_ONE),
            bool(RESIDUAL, false, "CNN: each block a residual unit (two convolutions plus a shortcut, 1x1-projected"
                    + " when the channels change)"),
            bool(GLOBAL_POOL, false, "CNN: global average pooling head instead of flatten and the dense layer"),
            choice(CELL, "gru", "recurrent cell of every rnn layer: simple, lstm or gru").within(CELLS),
            integer(RNN_LAYERS, 2, "stacked recurrent layers of an rnn, 1 or more").within(Allowed.AT_LEAST_ONE),
            integer(RNN_UNITS, 20, "units of every recurrent layer").within(Allowed.AT_LEAST_ONE),
            integer(CONV1D_FILTERS, 0, "filters of the rnn's 1-D convolution front end; 0 = none").within(Allowed.NON_NEGATIVE),
            integer(CONV1D_KERNEL, 4, "kernel width of the 1-D convolution front end").within(Allowed.AT_LEAST_ONE),
            integer(CONV1D_STRIDE, 2, "stride of the 1-D convolution front end").within(Allowed.AT_LEAST_ONE),
            Hyperparameter.derived(LOSS, Hyperparameter.Kind.CHOICE, "cross_entropy for classes, mse for regression",
                    "training loss: cross_entropy (classification), mse or mae (regression)").within(LOSSES),
            choice(OPTIMIZER, "sgd", "sgd, momentum, nesterov, adagrad, rmsprop, adam, adamax, nadam or adamw").within(OPTIMIZERS),
            real(LEARNING_RATE, 0.01, "initial (for one_cycle, maximum) learning rate").within(Allowed.POSITIVE),
            real(MOMENTUM, OPTIMIZER_DEFAULTS.momentum(), "momentum of momentum and nesterov").within(Allowed.FRACTION),
            real(BETA_1, OPTIMIZER_DEFAULTS.beta1(), "first-moment decay of the Adam family").within(Allowed.FRACTION),
            real(BETA_2, OPTIMIZER_DEFAULTS.beta2(), "second-moment decay of the Adam family").within(Allowed.FRACTION),
            real(RHO, OPTIMIZER_DEFAULTS.rho(), "squared-gradient decay of rmsprop").within(Allowed.FRACTION),
            real(EPSILON, OPTIMIZER_DEFAULTS.epsilon(), "denominator guard of the adaptive optimizers").within(Allowed.POSITIVE),
            real(WEIGHT_DECAY, OPTIMIZER_DEFAULTS.weightDecay(), "L2 penalty (adamw: decoupled weight decay)")
                    .note(VARIANTS.get(WEIGHT_DECAY).note()).within(Allowed.NON_NEGATIVE),
            integer(BATCH_SIZE, 32, "examples per step").within(Allowed.AT_LEAST_ONE),
            integer(EPOCHS, 10, "planned epochs").within(Allowed.AT_LEAST_ONE),
            choice(LR_SCHEDULE, "constant", "constant, power, exponential, piecewise (lr_values from each of"
                    + " lr_boundaries on; without them the rate times lr_decay_rate at half and again at three quarters of"
                    + " the epochs), plateau, one_cycle, cosine, or warmup (constant after a warm-up)").oneOf(SCHEDULES),
            real(LR_DECAY_EPOCHS, 10, "power and exponential schedules: epochs per decay period s").within(Allowed.POSITIVE),
            real(LR_POWER, 1, "power schedule exponent c").within(Allowed.POSITIVE),
            real(LR_DECAY_RATE, 0.1, "exponential base; piecewise (without lr_values) and plateau factor")
                    .note(VARIANTS.get(LR_DECAY_RATE).note()).within(DECAY_RATE),
            Hyperparameter.derived(LR_BOUNDARIES, Hyperparameter.Kind.LIST, "half and three quarters of the epochs",
                    "piecewise schedule: whole epochs (from 0), strictly increasing, from which the next of lr_values"
                    + " applies (fit.schedule.boundaries)"),
            Hyperparameter.derived(LR_VALUES, Hyperparameter.Kind.LIST, "learning_rate, times lr_decay_rate at each boundary",
                    "piecewise schedule: the rates, one more than lr_boundaries; they replace learning_rate"
                    + " (fit.schedule.values)"),
            integer(LR_PATIENCE, 2, "plateau schedule: epochs without improvement before the rate drops").within(Allowed.AT_LEAST_ONE),
            real(LR_MIN, 0, "cosine and plateau floor").within(Allowed.NON_NEGATIVE),
            real(WARMUP_EPOCHS, 0, "linear warm-up length in epochs, may be fractional; every warm-up update runs below learning_rate")
                    .note(VARIANTS.get(WARMUP_EPOCHS).note()).within(Allowed.NON_NEGATIVE),
            real(CLIP_NORM, 0, "gradient clipping by global norm; 0 = off").within(Allowed.NON_NEGATIVE),
            real(CLIP_VALUE, 0, "gradient clipping by value; 0 = off").within(Allowed.NON_NEGATIVE),
            integer(PATIENCE, 0, "early-stopping patience in epochs; 0 = off").within(Allowed.NON_NEGATIVE),
            real(MIN_DELTA, 0, "smallest improvement that resets early stopping's patience").within(Allowed.NON_NEGATIVE));

    /**
     * The parameters only some architecture families read ({@link ArchitectureParams}), with those families; every other
     * parameter is read by all of them.
     */
    private static final Map<String, List<String>> FAMILIES = families();
    /** The optimizer parameters only some optimizers read ({@link TrainingParams#optimizer}), with the test of which. */
    private static final Map<String, Predicate<OptimizerKind>> OPTIMIZERS_READING = Map.of(
            MOMENTUM, OptimizerKind::readsMomentum, BETA_1, OptimizerKind::readsBetas, BETA_2, OptimizerKind::readsBetas,
            RHO, OptimizerKind::readsRho, EPSILON, OptimizerKind::readsEpsilon);

    /** The schedule parameters only some schedules read ({@link TrainingParams#schedule}), with those schedules. */
    private static final Map<String, List<String>> SCHEDULES_READING = Map.of(
            LR_DECAY_EPOCHS, List.of("power", "exponential"), LR_POWER, List.of("power"),
            LR_DECAY_RATE, List.of("exponential", "piecewise", "plateau"), LR_PATIENCE, List.of("plateau"),
            LR_MIN, List.of("cosine", "plateau"), LR_BOUNDARIES, List.of("piecewise"), LR_VALUES, List.of("piecewise"));

    private DjlHyperparameters() {
    }

    /** The schedules ({@code lr_schedule}) that read {@code parameter}: all of them but for the lr_ options of some. */
    public static List<String> schedulesReading(String parameter) {
        return SCHEDULES_READING.getOrDefault(parameter, List.of(SCHEDULES));
    }

    private static Map<String, List<String>> families() {
        Map<String, List<String>> families = new LinkedHashMap<>();
        List<String> mlp = List.of("mlp", "wide_deep");
        List.of(N_HIDDEN, N_NEURONS, N_UNITS_PER_LAYER, BATCH_NORM_POSITION, ALPHA_DROPOUT, L1, L2, MAX_NORM)
                .forEach(p -> families.put(p, mlp));
        List.of(CONV_BLOCKS, FILTERS, KERNEL_SIZE, POOLING, DENSE_UNITS, RESIDUAL, GLOBAL_POOL)
                .forEach(p -> families.put(p, List.of("cnn")));
        List.of(CELL, RNN_LAYERS, RNN_UNITS, CONV1D_FILTERS, CONV1D_KERNEL, CONV1D_STRIDE).forEach(p -> families.put(p, List.of("rnn")));
        List.of(ACTIVATION, BATCH_NORM).forEach(p -> families.put(p, List.of("mlp", "wide_deep", "cnn")));
        return Map.copyOf(families);
    }

    /**
     * The architecture families ({@code model}: mlp, wide_deep, cnn, rnn) that read {@code parameter} (a per-layer one by
     * its catalogue name, {@code n_units_l{i}}); all of them for a parameter every family reads.
     */
    public static List<String> familiesReading(String parameter) {
        return FAMILIES.getOrDefault(parameter, List.of(MODELS));
    }

    /** The optimizers that read {@code parameter}: all of them but for momentum, beta_1, beta_2, rho and epsilon. */
    public static List<OptimizerKind> optimizersReading(String parameter) {
        Predicate<OptimizerKind> reads = OPTIMIZERS_READING.getOrDefault(parameter, k -> true);
        return Arrays.stream(OptimizerKind.values()).filter(reads).toList();
    }

    /**
     * The parameters a trial of the {@code model} family reads when its optimizer is one of {@code optimizers}: the
     * catalogue without the other families' parameters and those no such optimizer reads.
     */
    public static Hyperparameters readBy(String model, Collection<OptimizerKind> optimizers) {
        return readBy(model, optimizers, List.of(SCHEDULES));
    }

    /**
     * The same, with a learning-rate schedule among {@code schedules} ({@code lr_schedule} names): without the schedule
     * options none of them reads, and with the defaults that apply to those optimizers and schedules. A default that
     * one optimizer or schedule changes ({@code weight_decay 0 (adamw: 0.01)}) keeps its note only when it may be that
     * one or another: it is {@code 0.01} when adamw is the only optimizer, {@code 0} when adamw is not among them.
     */
    public static Hyperparameters readBy(String model, Collection<OptimizerKind> optimizers, Collection<String> schedules) {
        return new Hyperparameters(CATALOGUE.all().stream()
                .filter(h -> familiesReading(h.name()).contains(model))
                .filter(h -> optimizersReading(h.name()).stream().anyMatch(optimizers::contains))
                .filter(h -> schedulesReading(h.name()).stream().anyMatch(schedules::contains))
                .map(h -> applying(h, readers(h.name(), optimizers, schedules)))
                .toList());
    }

    /** The optimizers ({@code wireName}) and schedules among those given that read {@code parameter}. */
    private static List<String> readers(String parameter, Collection<OptimizerKind> optimizers, Collection<String> schedules) {
        List<String> readers = new ArrayList<>(schedulesReading(parameter).stream().filter(schedules::contains).toList());
        optimizersReading(parameter).stream().filter(optimizers::contains).forEach(o -> readers.add(o.wireName()));
        return readers;
    }

    /**
     * {@code h} with the default that applies when only {@code readers} (optimizers and schedules) read it: the value its
     * note gives for one of them ({@code adamw: 0.01}) when that one is the only one of its kind, the plain default when
     * it is not among them, else {@code h} as it is.
     */
    private static Hyperparameter applying(Hyperparameter h, List<String> readers) {
        Variant variant = VARIANTS.get(h.name());
        if (variant == null) {
            return h;
        }
        boolean schedule = List.of(SCHEDULES).contains(variant.reader());
        List<String> ofKind = readers.stream().filter(r -> List.of(SCHEDULES).contains(r) == schedule).toList();
        if (!ofKind.contains(variant.reader())) {
            return h.note("");
        }
        return ofKind.size() == 1 ? new Hyperparameter(h.name(), h.kind(), variant.value(), "", h.range(), h.meaning(),
                h.allowed()) : h;
    }

    /** A default that {@code reader} (an optimizer or a schedule) changes to {@code value}. */
    private record Variant(String reader, double value) {
        /** As the catalogue notes it: {@code adamw: 0.01}. */
        String note() {
            return reader + ": " + Hyperparameter.show(value);
        }
    }

    private static <E> Allowed names(E[] values, Function<E, String> name, String... aliases) {
        List<String> names = new ArrayList<>(Arrays.stream(values).map(name).toList());
        names.addAll(List.of(aliases));
        return new Allowed.Choices(names);
    }
}
