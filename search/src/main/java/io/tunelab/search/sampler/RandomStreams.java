package io.tunelab.search.sampler;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Seeded random streams, one per (trial number, purpose): a trial's randomness depends only on the
 * study seed, the trial number and what it is for, never on thread timing, so a study run with
 * parallelism 4 suggests the same values per trial number as a sequential one. Immutable.
 *
 * @param seed the study seed
 */
public record RandomStreams(long seed) {

    /** Streams seeded with {@code seed}. */
    public static RandomStreams seeded(long seed) {
        return new RandomStreams(seed);
    }

    /** A fresh generator for a trial and a purpose (usually a parameter name). */
    public SplittableRandom forTrial(int trialNumber, String purpose) {
        return new SplittableRandom(derive(trialNumber, purpose));
    }

    /** A fresh generator for study-level decisions that are not tied to one trial. */
    public SplittableRandom forStudy(String purpose) {
        return new SplittableRandom(derive(-1, purpose));
    }

    /** A 64-bit seed mixed from the study seed, the trial number and the purpose. */
    public long derive(int trialNumber, String purpose) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        h = mix(h ^ trialNumber);
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ b);
        }
        return h;
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
