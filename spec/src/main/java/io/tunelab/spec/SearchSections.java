package io.tunelab.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the {@code sampler} and {@code pruner} sections. */
final class SearchSections {
    private static final List<OptionSpec> SEED = List.of(OptionSpec.integer("seed", Range.atLeast(0)),
            OptionSpec.bool("deterministic"));

    private SearchSections() {
    }

    /** The sampler; TPE with seed 0 when absent; null after a problem. */
    static SamplerSpec sampler(Node node, SpecCatalog catalog, Problems problems) {
        if (node == null) {
            return new SamplerSpec("tpe", 0, Map.of());
        }
        TypedSection s = TypedSection.read(node, "sampler", "sampler", catalog.samplerOptions(), SEED, problems);
        if (s == null) {
            return null;
        }
        Map<String, Object> options = new LinkedHashMap<>(s.options());
        Object seed = options.remove("seed");
        Object deterministic = options.remove("deterministic");
        return new SamplerSpec(s.type(), seed == null ? 0 : ((Number) seed).longValue(), options,
                Boolean.TRUE.equals(deterministic));
    }

    /** The pruner; none when absent; null after a problem. */
    static PrunerSpec pruner(Node node, SpecCatalog catalog, Problems problems) {
        if (node == null) {
            return PrunerSpec.NONE;
        }
        TypedSection s = TypedSection.read(node, "pruner", "pruner", catalog.prunerOptions(), List.of(), problems);
        if (s == null) {
            return null;
        }
        Object min = s.options().get("min_resource");
        Object max = s.options().get("max_resource");
        if (min != null && max != null && ((Number) max).longValue() < ((Number) min).longValue()) {
            problems.at(s.fields().get("max_resource"), "pruner.max_resource", "must be at least min_resource ("
                    + min + "), got " + max);
            return null;
        }
        return new PrunerSpec(s.type(), s.options());
    }
}
