package io.tunelab.trainers.djl.train;

import static io.tunelab.trainers.djl.train.ParamNames.*;

import io.tunelab.search.trial.Direction;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.djl.optimizer.OptimizerKind;
import io.tunelab.trainers.djl.optimizer.OptimizerSpec;
import io.tunelab.trainers.schedule.GradientClipping;
import io.tunelab.trainers.schedule.LearningRateSchedule;
import io.tunelab.trainers.schedule.PiecewiseEpochs;

/** Reads optimizer, schedule and loop settings from a trial's parameters ({@link ParamNames}; defaults in {@link DjlHyperparameters}). */
final class TrainingParams {
    private TrainingParams() {
    }

    static OptimizerSpec optimizer(TrialParams p) {
        OptimizerKind kind = OptimizerKind.of(p.getString(OPTIMIZER));
        OptimizerSpec d = OptimizerSpec.defaults(kind);
        return new OptimizerSpec(kind,
                kind.readsMomentum() ? p.getDouble(MOMENTUM, d.momentum()) : d.momentum(),
                kind.readsBetas() ? p.getDouble(BETA_1, d.beta1()) : d.beta1(),
                kind.readsBetas() ? p.getDouble(BETA_2, d.beta2()) : d.beta2(),
                kind.readsRho() ? p.getDouble(RHO, d.rho()) : d.rho(),
                kind.readsEpsilon() ? p.getDouble(EPSILON, d.epsilon()) : d.epsilon(),
                kind == OptimizerKind.ADAMW ? p.getDouble(WEIGHT_DECAY, DjlHyperparameters.ADAMW_WEIGHT_DECAY)
                        : p.getDouble(WEIGHT_DECAY));
    }

    /** The loop's settings; the loss defaults to cross-entropy for a classifier and MSE for a regressor. */
    static FitConfig fit(TrialParams p, long seed, boolean regression) {
        GradientClipping clipping = new GradientClipping(p.getDouble(CLIP_NORM), p.getDouble(CLIP_VALUE));
        LossKind loss = LossKind.of(p.getString(LOSS, regression ? "mse" : "cross_entropy"));
        if (loss.isRegression() != regression) {
            throw new TrainersException("parameter 'loss' is " + loss.wireName() + ", but the data is "
                    + (regression ? "a regression; use mse or mae" : "a classification; use cross_entropy"));
        }
        return new FitConfig(p.getInt(EPOCHS), p.getInt(BATCH_SIZE), clipping, seed, 1000, true, loss);
    }

    /** The learning-rate schedule for {@code epochs} epochs of {@code stepsPerEpoch} updates. */
    static LearningRateSchedule schedule(TrialParams p, int epochs, int stepsPerEpoch) {
        double lr = p.getDouble(LEARNING_RATE);
        long total = (long) epochs * stepsPerEpoch;
        String kind = normalized(p.getString(LR_SCHEDULE));
        LearningRateSchedule s = switch (kind) {
            case "constant", "warmup" -> LearningRateSchedule.constant(lr);
            case "power" -> LearningRateSchedule.power(lr, decaySteps(p, stepsPerEpoch), p.getDouble(LR_POWER));
            case "exponential" -> LearningRateSchedule.exponential(lr, decaySteps(p, stepsPerEpoch), p.getDouble(LR_DECAY_RATE));
            case "piecewise" -> {
                if (p.isSet(LR_BOUNDARIES) || p.isSet(LR_VALUES)) {
                    yield PiecewiseEpochs.of(p.getList(LR_BOUNDARIES), p.getList(LR_VALUES), "parameter '" + LR_BOUNDARIES
                            + "'", "parameter '" + LR_VALUES + "'").inSteps(stepsPerEpoch);
                }
                double factor = p.getDouble(LR_DECAY_RATE);
                long half = Math.max(1, total / 2);
                yield LearningRateSchedule.piecewise(new long[] {half, Math.max(half + 1, total * 3 / 4)},
                        new double[] {lr, lr * factor, lr * factor * factor});
            }
            case "plateau" -> LearningRateSchedule.reduceOnPlateau(lr, "val_loss", Direction.MINIMIZE,
                    p.getDouble(LR_DECAY_RATE, DjlHyperparameters.PLATEAU_DECAY_RATE), p.getInt(LR_PATIENCE), 0,
                    p.getDouble(LR_MIN));
            case "one_cycle" -> LearningRateSchedule.oneCycle(lr, total);
            case "cosine" -> LearningRateSchedule.cosine(lr, total, p.getDouble(LR_MIN));
            default -> throw new TrainersException("parameter 'lr_schedule' must be one of "
                    + String.join(", ", DjlHyperparameters.SCHEDULES) + ", got '" + kind + "'");
        };
        double warmupEpochs = kind.equals("warmup")
                ? p.getDouble(WARMUP_EPOCHS, DjlHyperparameters.WARMUP_SCHEDULE_EPOCHS) : p.getDouble(WARMUP_EPOCHS);
        if (warmupEpochs < 0) {
            throw new TrainersException("parameter 'warmup_epochs' must be 0 or more, got " + warmupEpochs);
        }
        long warmupSteps = warmupEpochs == 0 ? 0 : Math.max(1, Math.round(warmupEpochs * stepsPerEpoch));
        return warmupSteps > 0 ? LearningRateSchedule.warmUp(s, warmupSteps) : s;
    }

    private static long decaySteps(TrialParams p, int stepsPerEpoch) {
        return Math.max(1, Math.round(p.getDouble(LR_DECAY_EPOCHS) * stepsPerEpoch));
    }
}
