package io.tunelab.trainers.djl;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.tunelab.trainers.TrainersException;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Weight initialisation schemes. Fan-in and fan-out count the inputs and outputs of one unit times the
 * kernel's spatial size for convolutions.
 * <ul>
 *   <li>{@link #GLOROT}: uniform on ±√(6 / (fan_in + fan_out)) — Glorot and Bengio 2010, for tanh,
 *       sigmoid and softmax layers;</li>
 *   <li>{@link #HE}: normal with σ = √(2 / fan_in) — He et al. 2015, for ReLU and its variants;</li>
 *   <li>{@link #LECUN}: normal with σ = √(1 / fan_in) — LeCun et al. 1998, for SELU.</li>
 * </ul>
 */
public enum WeightInit {
    HE, GLOROT, LECUN;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name (case-insensitive); also accepts {@code xavier} for Glorot. */
    @JsonCreator
    public static WeightInit of(String name) {
        if ("xavier".equalsIgnoreCase(name)) {
            return GLOROT;
        }
        for (WeightInit w : values()) {
            if (w.wireName().equalsIgnoreCase(name)) {
                return w;
            }
        }
        throw new TrainersException("initializer must be one of " + Arrays.stream(values())
                .map(WeightInit::wireName).collect(Collectors.joining(", ")) + ", got '" + name + "'");
    }

    /** Draws one weight for a tensor with the given fans. */
    double draw(SplittableRandom random, long fanIn, long fanOut) {
        return switch (this) {
            case GLOROT -> {
                double limit = Math.sqrt(6.0 / (fanIn + fanOut));
                yield random.nextDouble(-limit, limit);
            }
            case HE -> gaussian(random) * Math.sqrt(2.0 / fanIn);
            case LECUN -> gaussian(random) * Math.sqrt(1.0 / fanIn);
        };
    }

    /** A standard normal draw (Marsaglia's polar method). */
    private static double gaussian(SplittableRandom random) {
        double u;
        double v;
        double s;
        do {
            u = random.nextDouble(-1, 1);
            v = random.nextDouble(-1, 1);
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
