package io.tunelab.spec;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.ExponentialDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads the {@code space} section into a {@link SpaceDefinition}. Entries are suggested in file order;
 * {@code when} makes an entry conditional on earlier ones; {@code per_layer: n_hidden} repeats an entry
 * whose name holds {@code {i}} once per layer, so {@code n_units_l{i}} with {@code n_hidden} in
 * {@code [1, 3]} becomes {@code n_units_l0 .. n_units_l2}, where {@code n_units_l1} exists only when
 * {@code n_hidden > 1}. The key {@code include} is not a parameter: {@code include: defaults} asks the trainer
 * to search the parameters the space does not name over its built-in ranges.
 */
final class SpaceParser {
    static final int MAX_PARAMETERS = 1000;
    static final int MAX_LAYERS = 64;
    static final String LAYER = "{i}";
    static final String INCLUDE = "include";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,99}");
    private static final List<String> ENTRY_KEYS;

    static {
        List<String> keys = new ArrayList<>(DistributionParser.KINDS);
        keys.addAll(List.of("log", "step", "when", "per_layer"));
        ENTRY_KEYS = List.copyOf(keys);
    }

    private final Problems problems;
    private final boolean gridSampler;
    private final Map<String, Distribution> earlier = new LinkedHashMap<>();
    /** Every name seen so far, valid or not, so a reference to a broken entry is not reported again. */
    private final Set<String> declared = new HashSet<>();
    private final List<SpaceParameter> parameters = new ArrayList<>();
    private boolean tooMany;

    private SpaceParser(Problems problems, boolean gridSampler) {
        this.problems = problems;
        this.gridSampler = gridSampler;
    }

    /**
     * The space, or null after recording problems.
     *
     * @param gridSampler whether the study uses the grid sampler, which needs every parameter to be finite
     */
    static SpaceDefinition parse(Node node, String path, boolean gridSampler, Problems problems) {
        Fields space = Fields.of(node, path, problems);
        if (space == null) {
            return null;
        }
        int before = problems.count();
        boolean includesDefaults = space.has(INCLUDE) && includesDefaults(space);
        if (problems.count() == before && !space.has(INCLUDE) && space.keys().isEmpty()) {
            problems.at(node, path, "must define at least one parameter, e.g. learning_rate: {reciprocal: [1e-4, 1e-1]},"
                    + " or include: defaults");
            return null;
        }
        SpaceParser parser = new SpaceParser(problems, gridSampler);
        for (NodeTuple entry : space.entries()) {
            if (!Fields.keyText(entry).equals(INCLUDE)) {
                parser.entry(entry, space);
            }
        }
        return problems.count() == before ? new SpaceDefinition(parser.parameters, includesDefaults) : null;
    }

    /** {@code include: defaults}; anything else is a problem. */
    private static boolean includesDefaults(Fields space) {
        String value = space.text(INCLUDE, true);
        if (value != null && !value.equals("defaults")) {
            space.problems().at(space.get(INCLUDE), space.path(INCLUDE), "expected defaults (to search the trainer's"
                    + " built-in ranges for the parameters not named here), got " + Texts.quote(value));
        }
        return "defaults".equals(value);
    }

    private void entry(NodeTuple tuple, Fields space) {
        String name = Fields.keyText(tuple);
        String path = space.path(name);
        boolean perLayerName = name.contains(LAYER);
        if (!NAME.matcher(name.replace(LAYER, "0")).matches() || name.indexOf(LAYER) != name.lastIndexOf(LAYER)) {
            problems.at(tuple.getKeyNode(), path, "parameter names are letters, digits, '_', '.' or '-', starting"
                    + " with a letter or '_', at most 100 characters (and {i} once for per-layer entries), got "
                    + Texts.quote(name));
            return;
        }
        if (tuple.getValueNode() instanceof ScalarNode value) {
            problems.at(value, path, "expected a distribution, got " + Values.describe(value) + "; a value fixed in every"
                    + " trial is a choice of one: `" + name + ": {choice: [" + Texts.shorten(value.getValue()) + "]}`");
            declared.add(name);
            return;
        }
        Fields entry = Fields.of(tuple.getValueNode(), path, problems);
        if (entry == null) {
            declared.add(name);
            return;
        }
        entry.allow(ENTRY_KEYS, SpaceParser::foreignKind);
        Distribution distribution = DistributionParser.parse(entry);
        List<Condition> conditions = entry.has("when")
                ? ConditionParser.parse(entry.get("when"), entry.path("when"), earlier, declared, problems) : List.of();
        Layers layers = layers(entry, perLayerName, tuple.getKeyNode());
        declared.add(name);
        if (distribution == null || conditions == null || (perLayerName && layers == null)) {
            return;
        }
        if (gridSampler && distribution instanceof FloatDistribution f && !f.hasStep() && !f.isSingle()) {
            String kind = DistributionParser.KINDS.stream().filter(entry::has).findFirst().orElse(name);
            problems.at(entry.get(kind), entry.path(kind), "the grid sampler needs a finite grid: give this float"
                    + " a step, or use int or choice");
            return;
        }
        if (gridSampler && distribution instanceof ExponentialDistribution) {
            problems.at(entry.get("expon"), entry.path("expon"), "the grid sampler needs a finite grid, and "
                    + Texts.quote(name) + " is " + distribution.describe() + ", unbounded; list its values with choice");
            return;
        }
        if (!perLayerName) {
            add(name, distribution, conditions, tuple.getKeyNode(), path);
            return;
        }
        for (int i = 0; i < layers.count().high(); i++) {
            List<Condition> layerConditions = new ArrayList<>(conditions);
            layerConditions.add(new Condition(layers.counter(), Condition.Operator.GT, List.of(i)));
            add(name.replace(LAYER, Integer.toString(i)), distribution, layerConditions, tuple.getKeyNode(), path);
        }
    }

    /** The layer-count parameter of a per-layer entry (null after a problem), checking name and key agree. */
    private Layers layers(Fields entry, boolean perLayerName, Node keyNode) {
        if (!entry.has("per_layer")) {
            if (perLayerName) {
                problems.at(keyNode, entry.path(), "a name with {i} needs per_layer: <int parameter> to say how"
                        + " many layers there are");
            }
            return null;
        }
        String counter = entry.text("per_layer", true);
        if (counter == null) {
            return null;
        }
        if (!perLayerName) {
            problems.at(entry.get("per_layer"), entry.path("per_layer"), "needs the parameter name to contain {i},"
                    + " e.g. n_units_l{i}");
            return null;
        }
        Distribution d = earlier.get(counter);
        if (d == null && declared.contains(counter)) {
            return null; // that entry is broken and already reported
        }
        if (!(d instanceof IntDistribution count) || count.low() < 0 || count.high() > MAX_LAYERS) {
            String why = d == null ? "which is not defined before this parameter" + Texts.didYouMean(counter, earlier.keySet())
                    : "which is " + d.describe() + ", not an int parameter within [0, " + MAX_LAYERS + "]";
            problems.at(entry.get("per_layer"), entry.path("per_layer"), "refers to " + Texts.quote(counter) + ", " + why);
            return null;
        }
        return new Layers(counter, count);
    }

    /** How Optuna's and hyperopt's names of a distribution are written here, for an unknown key. */
    private static Optional<String> foreignKind(String key) {
        String plain = key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        return Optional.ofNullable(switch (plain) {
            case "loguniform", "qloguniform" -> "a log-uniform float is `reciprocal: [low, high]` (or `float: [low, high],"
                    + " log: true`)";
            case "categorical" -> "a categorical parameter is `choice: [a, b, ...]`";
            case "randint", "intuniform", "quniform" -> "an integer is `int: [low, high]` (with `step: N` if need be)";
            default -> null;
        });
    }

    /** The parameter that counts layers, and its distribution. */
    private record Layers(String counter, IntDistribution count) {
    }

    private void add(String name, Distribution distribution, List<Condition> conditions, Node at, String path) {
        if (earlier.containsKey(name)) {
            problems.at(at, path, Texts.quote(name) + " is defined twice (once by a per-layer entry)");
            return;
        }
        if (parameters.size() >= MAX_PARAMETERS) {
            if (!tooMany) {
                problems.at(at, path, "the space has more than " + MAX_PARAMETERS + " parameters");
                tooMany = true;
            }
            return;
        }
        earlier.put(name, distribution);
        parameters.add(new SpaceParameter(name, distribution, conditions));
    }
}
