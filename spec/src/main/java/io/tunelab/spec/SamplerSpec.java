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
 *                {@code StudyBuilder.deterministicWindow}); default false
 */
public record SamplerSpec(String type, long seed, Map<String, Object> options, WarmStartSpec warmStart,
        boolean deterministic) {
    public SamplerSpec {
        options = Options.copy(options);
    }

    /** A sampler without warm start, not deterministic. */
    public SamplerSpec(String type, long seed, Map<String, Object> options) {
        this(type, seed, options, null, false);
    }
}
