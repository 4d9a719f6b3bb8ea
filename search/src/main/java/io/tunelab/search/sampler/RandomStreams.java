package io.tunelab.search.sampler;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Seeded random streams, one per (trial number, purpose): a trial's randomness depends only on the
 * study seed, the trial number and what it is for, never on thread timing, so a study run with
 * parallelism 4 suggests the same values per trial number as a sequential one. Immutable.
 *
 * <p>A {@code context} other than empty derives other streams from the same seed: a warm-started study's sampler
 * draws from {@link #warmStartedFrom} its source, so that with the seed of the study it starts from it does not draw
 * that study's points again.
 *
 * @param seed    the study seed
 * @param context what else the streams derive from; empty for a study's own streams, never null
 */
public record RandomStreams(long seed, String context) {

    /** Checks the context. */
    public RandomStreams {
        if (context == null) {
            throw new SamplerException("random streams: context must be given (empty for none), got null");
        }
    }

    /** A study's own streams for {@code seed}. */
    public RandomStreams(long seed) {
        this(seed, "");
    }

    /** Streams seeded with {@code seed}. */
    public static RandomStreams seeded(long seed) {
        return new RandomStreams(seed);
    }

    /**
     * The streams of the same seed for a study warm-started from the study named {@code source}: they differ from these
     * streams (and from those of a study warm-started from another source), and are the same every time for the same
     * seed and source, so a warm-started study is still reproducible per seed.
     */
    public RandomStreams warmStartedFrom(String source) {
        return new RandomStreams(seed, context + "warm_start:" + source + ";");
    }

    /** A fresh generator for a trial and a purpose (usually a parameter name). */
    public SplittableRandom forTrial(int trialNumber, String purpose) {
        return new SplittableRandom(derive(trialNumber, purpose));
    }

    /** A fresh generator for study-level decisions that are not tied to one trial. */
    public SplittableRandom forStudy(String purpose) {
        return new SplittableRandom(derive(-1, purpose));
    }

    /** A 64-bit seed mixed from the study seed, the context, the trial number and the purpose. */
    public long derive(int trialNumber, String purpose) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (byte b : context.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ b);
        }
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
