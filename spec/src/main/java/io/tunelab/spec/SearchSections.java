package io.tunelab.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads the {@code sampler} and {@code pruner} sections. */
final class SearchSections {
    private static final List<OptionSpec> SEED = List.of(OptionSpec.integer("seed", Range.atLeast(0)),
            OptionSpec.bool("deterministic"));
    private static final String WARM_START = "warm_start";
    /** The samplers that learn from trials, and so from a warm start's. */
    private static final Set<String> WARM_STARTABLE = Set.of("auto", "tpe", "gp", "cmaes");

    private SearchSections() {
    }

    /** The sampler; {@code auto} with seed 0 when absent; null after a problem. */
    static SamplerSpec sampler(Node node, SpecCatalog catalog, Problems problems) {
        if (node == null) {
            return new SamplerSpec("auto", 0, Map.of());
        }
        NodeTuple warmEntry = null;
        Node section = node;
        if (node instanceof MappingNode m) {
            List<NodeTuple> rest = new ArrayList<>();
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(WARM_START)) {
                    warmEntry = t;
                } else {
                    rest.add(t);
                }
            }
            section = new MappingNode(m.getTag(), true, rest, m.getStartMark(), m.getEndMark(), m.getFlowStyle());
        }
        TypedSection s = TypedSection.read(section, "sampler", "sampler", catalog.samplerOptions(), SEED, problems);
        if (s == null) {
            return null;
        }
        WarmStartSpec warm = null;
        if (warmEntry != null) {
            warm = warmStart(warmEntry, s.type(), problems);
            if (warm == null) {
                return null;
            }
        }
        Map<String, Object> options = new LinkedHashMap<>(s.options());
        Object seed = options.remove("seed");
        Object deterministic = options.remove("deterministic");
        return new SamplerSpec(s.type(), seed == null ? 0 : ((Number) seed).longValue(), options, warm,
                (Boolean) deterministic);
    }

    /** {@code warm_start: {study: NAME, weight: W}}; null after a problem. */
    private static WarmStartSpec warmStart(NodeTuple entry, String type, Problems problems) {
        String path = "sampler." + WARM_START;
        if (!WARM_STARTABLE.contains(type)) {
            problems.at(entry.getKeyNode(), path, "the " + type + " sampler does not learn from trials; warm_start needs "
                    + Texts.oneOf(List.of("auto", "tpe", "gp", "cmaes")));
            return null;
        }
        Fields fields = Fields.of(entry.getValueNode(), path, problems);
        if (fields == null) {
            return null;
        }
        int before = problems.count();
        fields.allow(List.of("study", "weight"));
        String study = fields.text("study", true);
        Double weight = fields.number("weight", new Range(0, true, 1, false), false);
        if (problems.count() != before || study == null) {
            return null;
        }
        return new WarmStartSpec(study, weight == null ? 1 : weight);
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
