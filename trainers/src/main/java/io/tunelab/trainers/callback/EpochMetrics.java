package io.tunelab.trainers.callback;

import io.tunelab.trainers.TrainersException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one epoch measured. Validation values are NaN when there is no validation set.
 *
 * @param epoch            epoch number, from 1
 * @param loss             mean training loss over the epoch's batches (as they were while training)
 * @param accuracy         training accuracy over the epoch's batches
 * @param valLoss          validation loss after the epoch
 * @param valAccuracy      validation accuracy after the epoch
 * @param learningRate     learning rate of the epoch's last update
 * @param epochSeconds     wall time of the training part of the epoch (validation excluded)
 * @param samplesPerSecond training examples per second of wall time
 * @param cpuSeconds       CPU time the training thread spent on the training part: with one PyTorch
 *                         intra-op thread, all the work; unlike wall time, not inflated by other
 *                         processes competing for the cores
 * @param valRmse          regression: validation root mean squared error (NaN for a classifier)
 * @param valMae           regression: validation mean absolute error (NaN for a classifier)
 * @param valR2            regression: validation coefficient of determination (NaN for a classifier)
 */
public record EpochMetrics(int epoch, double loss, double accuracy, double valLoss, double valAccuracy,
                           double learningRate, double epochSeconds, double samplesPerSecond, double cpuSeconds,
                           double valRmse, double valMae, double valR2) {
    /** The metrics every epoch has, as logged to the trial. */
    public static final List<String> COMMON_NAMES =
            List.of("loss", "accuracy", "val_loss", "val_accuracy", "lr", "epoch_time", "samples_per_s", "cpu_time");
    /** The metrics of a regressor's epochs, named as the Tribuo trainers' {@code rmse}, {@code mae}, {@code r2}. */
    public static final List<String> REGRESSION_NAMES = List.of("val_rmse", "val_mae", "val_r2");
    /** The accuracies: measured only for a classifier, so never logged for a regressor (see {@link #asMap}). */
    public static final List<String> ACCURACY_NAMES = List.of("accuracy", "val_accuracy");
    /** Every metric name accepted by {@link #get}. */
    public static final List<String> NAMES = java.util.stream.Stream.concat(COMMON_NAMES.stream(),
            REGRESSION_NAMES.stream()).toList();

    /** A classifier's epoch: the regression metrics are NaN. */
    public EpochMetrics(int epoch, double loss, double accuracy, double valLoss, double valAccuracy,
                        double learningRate, double epochSeconds, double samplesPerSecond, double cpuSeconds) {
        this(epoch, loss, accuracy, valLoss, valAccuracy, learningRate, epochSeconds, samplesPerSecond, cpuSeconds,
                Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * The metric called {@code name}.
     *
     * @throws TrainersException naming the known metrics when {@code name} is not one of {@link #NAMES}
     */
    public double get(String name) {
        return switch (name) {
            case "loss" -> loss;
            case "accuracy" -> accuracy;
            case "val_loss" -> valLoss;
            case "val_accuracy" -> valAccuracy;
            case "lr" -> learningRate;
            case "epoch_time" -> epochSeconds;
            case "samples_per_s" -> samplesPerSecond;
            case "cpu_time" -> cpuSeconds;
            case "val_rmse" -> valRmse;
            case "val_mae" -> valMae;
            case "val_r2" -> valR2;
            default -> throw new TrainersException("unknown metric '" + name + "', expected one of " + NAMES);
        };
    }

    /**
     * The metrics as logged to the trial, by name in {@link #NAMES} order: the common metrics, except an accuracy that
     * was not measured (NaN: always for a regressor, whose accuracy means nothing, as Keras logs none; for a classifier
     * without train accuracy or a validation set), and, for a regressor's epoch, the regression ones.
     */
    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        COMMON_NAMES.stream().filter(n -> !(ACCURACY_NAMES.contains(n) && Double.isNaN(get(n)))).forEach(n -> map.put(n, get(n)));
        REGRESSION_NAMES.stream().filter(n -> !Double.isNaN(get(n))).forEach(n -> map.put(n, get(n)));
        return map;
    }

    /** The names a trainer's epochs may log: {@link #COMMON_NAMES}, for a regressor without the accuracies, with its own. */
    public static List<String> loggedNames(boolean regression) {
        if (!regression) {
            return COMMON_NAMES;
        }
        return java.util.stream.Stream.concat(COMMON_NAMES.stream().filter(n -> !ACCURACY_NAMES.contains(n)),
                REGRESSION_NAMES.stream()).toList();
    }
}
