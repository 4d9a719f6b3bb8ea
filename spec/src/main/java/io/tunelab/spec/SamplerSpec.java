package io.tunelab.spec;

import java.util.Map;

/**
 * The sampler named in a study file.
 *
 * @param type      one of {@link SpecCatalog#samplerTypes()}, e.g. {@code tpe}
 * @param seed      the study seed (default 0): trial seeds and sampling derive from it
 * @param options   typed options ({@code Integer}, {@code Double} or {@code Boolean}) in file order
 * @param warmStart the earlier study to warm-start from, or null
 * @param deterministic {@code deterministic: true}: deterministic parallel mode, the same parameters
 *                per trial number however many trials run at once (see
 *                {@code StudyBuilder.deterministicWindow}); {@code false}: off; null when the file does not say, and
 *                then {@link #deterministicWith(int)} decides
 */
public record SamplerSpec(String type, long seed, Map<String, Object> options, WarmStartSpec warmStart,
        Boolean deterministic) {
    public SamplerSpec {
        options = Options.copy(options);
    }

    /** A sampler without warm start, whose determinism the file leaves to the default. */
    public SamplerSpec(String type, long seed, Map<String, Object> options) {
        this(type, seed, options, null, null);
    }

    /**
     * Whether a run on {@code workers} workers uses deterministic parallel mode: as the file says, and when it does
     * not, on several workers only. Every study file has a seed (0 when it names none), so a study file is
     * reproducible by default, as a seeded {@code Study.builder} is: on one worker trials run one at a time, on several
     * each trial sees the same finished trials whatever the schedule. {@code deterministic: false} trades that for
     * trials that learn from every trial finished before them.
     */
    public boolean deterministicWith(int workers) {
        return deterministic == null ? workers > 1 : deterministic;
    }
}
