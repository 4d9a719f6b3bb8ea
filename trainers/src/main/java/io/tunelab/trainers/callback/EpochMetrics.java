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
 */
public record EpochMetrics(int epoch, double loss, double accuracy, double valLoss, double valAccuracy,
                           double learningRate, double epochSeconds, double samplesPerSecond, double cpuSeconds) {
    /** Metric names, as logged to the trial and accepted by {@link #get}. */
    public static final List<String> NAMES =
            List.of("loss", "accuracy", "val_loss", "val_accuracy", "lr", "epoch_time", "samples_per_s", "cpu_time");

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
            default -> throw new TrainersException("unknown metric '" + name + "', expected one of " + NAMES);
        };
    }

    /** All metrics by name, in {@link #NAMES} order. */
    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        NAMES.forEach(n -> map.put(n, get(n)));
        return map;
    }
}
