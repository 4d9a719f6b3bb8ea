package io.tunelab.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A section that names a type and takes that type's options, such as
 * {@code sampler: {type: tpe, seed: 42, startup_trials: 10}} or the shorthand {@code sampler: tpe}.
 * An option of another type is reported as such ("belongs to tpe, gp"), a typo gets a suggestion.
 *
 * @param type    the type name
 * @param options the typed options given, in catalog order
 * @param fields  the section's entries, for positions of cross-field checks; null for the shorthand
 */
record TypedSection(String type, Map<String, Object> options, Fields fields) {

    /**
     * Reads the section, or returns null after recording problems.
     *
     * @param what   the section's name in messages, e.g. {@code sampler}
     * @param types  each type with its options
     * @param common options every type takes (e.g. the sampler's {@code seed})
     */
    static TypedSection read(Node node, String path, String what, Map<String, List<OptionSpec>> types,
                             List<OptionSpec> common, Problems problems) {
        if (node instanceof ScalarNode) {
            String type = knownType(node, path, what, types, problems);
            if (type == null) {
                return null;
            }
            List<String> required = types.get(type).stream().filter(OptionSpec::required).map(OptionSpec::name).toList();
            if (!required.isEmpty()) {
                problems.at(node, path, "the " + type + " " + what + " needs " + Texts.oneOf(required)
                        + "; write {type: " + type + ", " + required.get(0) + ": ...}");
                return null;
            }
            return new TypedSection(type, Map.of(), null);
        }
        Fields fields = Fields.of(node, path, problems);
        if (fields == null) {
            return null;
        }
        Node typeNode = fields.require("type");
        String type = typeNode == null ? null : knownType(typeNode, fields.path("type"), what, types, problems);
        if (type == null) {
            Set<String> anyKey = new LinkedHashSet<>(List.of("type"));
            common.forEach(o -> anyKey.add(o.name()));
            types.values().forEach(list -> list.forEach(o -> anyKey.add(o.name())));
            fields.allow(anyKey);
            return null;
        }
        List<OptionSpec> specs = new ArrayList<>(common);
        specs.addAll(types.get(type));
        int before = problems.count();
        checkKeys(fields, type, what, specs, types);
        Map<String, Object> options = new LinkedHashMap<>();
        for (OptionSpec spec : specs) {
            Object value = spec.read(fields);
            if (value != null) {
                options.put(spec.name(), value);
            }
        }
        return problems.count() == before ? new TypedSection(type, options, fields) : null;
    }

    private static String knownType(Node node, String path, String what, Map<String, List<OptionSpec>> types,
                                    Problems problems) {
        String type = Values.text(node, path, problems);
        if (type != null && !types.containsKey(type)) {
            problems.at(node, path, "unknown " + what + " " + Texts.quote(type)
                    + Texts.didYouMean(type, types.keySet()) + "; expected " + Texts.oneOf(types.keySet()));
            return null;
        }
        return type;
    }

    private static void checkKeys(Fields fields, String type, String what, List<OptionSpec> specs,
                                  Map<String, List<OptionSpec>> types) {
        List<String> allowed = new ArrayList<>(List.of("type"));
        specs.forEach(o -> allowed.add(o.name()));
        for (NodeTuple entry : fields.entries()) {
            String key = Fields.keyText(entry);
            if (allowed.contains(key)) {
                continue;
            }
            List<String> owners = types.entrySet().stream()
                    .filter(e -> e.getValue().stream().anyMatch(o -> o.name().equals(key)))
                    .map(Map.Entry::getKey).toList();
            String takes = allowed.size() == 1 ? "takes no options" : "takes " + Texts.oneOf(allowed.subList(1, allowed.size()));
            String message = owners.isEmpty()
                    ? "unknown option " + Texts.quote(key) + Texts.didYouMean(key, allowed) + "; the " + type + " " + what
                    + " " + takes
                    : Texts.quote(key) + " is not an option of the " + type + " " + what + " (it belongs to "
                    + Texts.oneOf(owners) + "); the " + type + " " + what + " " + takes;
            fields.problems().at(entry.getKeyNode(), fields.path(key), message);
        }
    }
}
