package io.tunelab.trainers.schedule;

import io.tunelab.trainers.TrainersException;
import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/** The stateless schedules behind {@link LearningRateSchedule}'s factories; immutable records. */
final class Schedules {
    private Schedules() {
    }

    static double positiveRate(String name, double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new TrainersException(name + " must be a positive finite number, got " + rate);
        }
        return rate;
    }

    static long positiveSteps(String name, long steps) {
        if (steps < 1) {
            throw new TrainersException(name + " must be at least 1 step, got " + steps);
        }
        return steps;
    }

    record Constant(double rate) implements LearningRateSchedule {
        Constant {
            positiveRate("learning rate", rate);
        }

        @Override
        public double rate(long step) {
            return rate;
        }
    }

    record Power(double initial, long decaySteps, double power) implements LearningRateSchedule {
        Power {
            positiveRate("initial learning rate", initial);
            positiveSteps("decay steps", decaySteps);
            positiveRate("power", power);
        }

        @Override
        public double rate(long step) {
            return initial / Math.pow(1 + (double) step / decaySteps, power);
        }
    }

    record Exponential(double initial, long decaySteps, double base) implements LearningRateSchedule {
        Exponential {
            positiveRate("initial learning rate", initial);
            positiveSteps("decay steps", decaySteps);
            if (!(base > 0 && base <= 1)) {
                throw new TrainersException("exponential decay base must be in (0, 1], got " + base);
            }
        }

        @Override
        public double rate(long step) {
            return initial * Math.pow(base, (double) step / decaySteps);
        }
    }

    record Piecewise(long[] boundaries, double[] rates) implements LearningRateSchedule {
        Piecewise {
            boundaries = boundaries.clone();
            rates = rates.clone();
            if (rates.length != boundaries.length + 1) {
                throw new TrainersException("piecewise schedule needs one rate more than boundaries, got "
                        + rates.length + " rates for " + boundaries.length + " boundaries");
            }
            for (int i = 0; i < boundaries.length; i++) {
                if (boundaries[i] < 1 || (i > 0 && boundaries[i] <= boundaries[i - 1])) {
                    throw new TrainersException("piecewise boundaries must be positive and ascending, got " + Arrays.toString(boundaries));
                }
            }
            Arrays.stream(rates).forEach(r -> positiveRate("piecewise learning rate", r));
        }

        @Override
        public double rate(long step) {
            int i = 0;
            while (i < boundaries.length && step >= boundaries[i]) {
                i++;
            }
            return rates[i];
        }
    }

    record OneCycle(double maxRate, long totalSteps) implements LearningRateSchedule {
        OneCycle {
            positiveRate("maximum learning rate", maxRate);
            positiveSteps("total steps", totalSteps);
        }

        @Override
        public double rate(long step) {
            double start = maxRate / 10;
            double rise = 0.45 * totalSteps;
            if (step < rise) {
                return start + (maxRate - start) * step / rise;
            }
            if (step < 2 * rise) {
                return maxRate - (maxRate - start) * (step - rise) / rise;
            }
            double tail = totalSteps - 2 * rise;
            double done = Math.min(1, (step - 2 * rise) / tail);
            return start - (start - maxRate / 10_000) * done;
        }
    }

    record Cosine(double initial, long totalSteps, double minRate) implements LearningRateSchedule {
        Cosine {
            positiveRate("initial learning rate", initial);
            positiveSteps("total steps", totalSteps);
            if (!(minRate >= 0 && minRate <= initial)) {
                throw new TrainersException("minimum learning rate must be in [0, " + initial + "], got " + minRate);
            }
        }

        @Override
        public double rate(long step) {
            double progress = Math.min(1, (double) step / totalSteps);
            return minRate + (initial - minRate) * (1 + Math.cos(Math.PI * progress)) / 2;
        }
    }

    record WarmUp(LearningRateSchedule after, long warmupSteps) implements LearningRateSchedule {
        WarmUp {
            if (after == null) {
                throw new TrainersException("warm-up needs the schedule that follows it");
            }
            positiveSteps("warm-up steps", warmupSteps);
        }

        @Override
        public double rate(long step) {
            double r = after.rate(step);
            return step < warmupSteps ? r * (step + 1) / (warmupSteps + 1) : r;
        }

        @Override
        public double[] saveState() {
            return after.saveState();
        }

        @Override
        public void restoreState(double[] state) {
            after.restoreState(state);
        }

        @Override
        public void onEpochEnd(int epoch, ToDoubleFunction<String> metrics) {
            after.onEpochEnd(epoch, metrics);
        }
    }
}
