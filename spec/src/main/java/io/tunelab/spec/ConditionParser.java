package io.tunelab.spec;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.ExponentialDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.space.InvalidDistributionException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a {@code when} clause: a mapping from earlier parameters to tests, all of which must hold.
 * <pre>
 * when: {optimizer: adam}                          # equality, shorthand for {optimizer: {eq: adam}}
 * when: {optimizer: {in: [momentum, nesterov]}}    # eq, ne, in, not_in
 * when: {n_hidden: {gt: 1, le: 3}}                 # gt, ge, lt, le on int and float parameters
 * </pre>
 * Each operand is checked against the earlier parameter's distribution: a value it can never take,
 * or an ordering that can never hold, is a problem.
 */
final class ConditionParser {
    private static final List<String> OPERATORS = Arrays.stream(Condition.Operator.values())
            .map(Condition.Operator::key).toList();

    private ConditionParser() {
    }

    /**
     * The conditions, or null after recording problems.
     *
     * @param earlier  the valid parameters defined before this one
     * @param declared every name defined before, valid or not: a condition on a broken entry is left
     *                 unreported (its own problem is) but makes the result null
     */
    static List<Condition> parse(Node node, String path, Map<String, Distribution> earlier, Set<String> declared,
                                 Problems problems) {
        Fields when = Fields.of(node, path, problems);
        if (when == null) {
            return null;
        }
        int before = problems.count();
        if (when.keys().isEmpty()) {
            problems.at(node, path, "needs at least one condition, e.g. {n_hidden: {gt: 1}}");
        }
        List<Condition> out = new ArrayList<>();
        boolean broken = false;
        for (NodeTuple entry : when.entries()) {
            String name = Fields.keyText(entry);
            Distribution target = earlier.get(name);
            if (target == null && declared.contains(name)) {
                broken = true;
                continue;
            }
            if (target == null) {
                problems.at(entry.getKeyNode(), when.path(name), "refers to " + Texts.quote(name)
                        + ", which is not defined before this parameter" + Texts.didYouMean(name, earlier.keySet())
                        + " (parameters are suggested in file order)");
                continue;
            }
            Node test = entry.getValueNode();
            if (test instanceof ScalarNode) {
                operand(test, when.path(name), name, target, Condition.Operator.EQ, problems)
                        .ifPresent(v -> out.add(new Condition(name, Condition.Operator.EQ, List.of(v))));
            } else if (test instanceof MappingNode) {
                out.addAll(tests(Fields.of(test, when.path(name), problems), name, target));
            } else {
                problems.at(test, when.path(name), "expected a value or {operator: value}, got a list"
                        + " (to test membership write {in: [...]})");
            }
        }
        return problems.count() == before && !broken ? out : null;
    }

    private static List<Condition> tests(Fields tests, String name, Distribution target) {
        tests.allow(OPERATORS);
        if (tests.keys().isEmpty()) {
            tests.problems().at(tests.node(), tests.path(), "needs an operator: " + Texts.oneOf(OPERATORS));
        }
        List<Condition> out = new ArrayList<>();
        for (Condition.Operator op : Condition.Operator.values()) {
            Node value = tests.get(op.key());
            if (value == null) {
                continue;
            }
            String path = tests.path(op.key());
            if (op.takesList()) {
                SequenceNode list = Values.sequence(value, path, tests.problems());
                if (list == null) {
                    continue;
                }
                if (list.getValue().isEmpty()) {
                    tests.problems().at(list, path, "needs at least one value");
                    continue;
                }
                List<Object> operands = new ArrayList<>();
                for (int i = 0; i < list.getValue().size(); i++) {
                    operand(list.getValue().get(i), Paths.index(path, i), name, target, op, tests.problems())
                            .ifPresent(operands::add);
                }
                if (operands.size() == list.getValue().size()) {
                    out.add(new Condition(name, op, operands));
                }
            } else {
                operand(value, path, name, target, op, tests.problems())
                        .ifPresent(v -> out.add(new Condition(name, op, List.of(v))));
            }
        }
        return out;
    }

    /** One operand, checked against the target's distribution. */
    private static Optional<Object> operand(Node node, String path, String name, Distribution target,
                                                      Condition.Operator op, Problems problems) {
        Object value = node instanceof ScalarNode s ? Scalars.value(s) : null;
        if (value == null || value instanceof BigInteger) {
            problems.at(node, path, "expected a string, number or boolean, got " + Values.describe(node));
            return Optional.empty();
        }
        if (op.isOrdering()) {
            return ordering(node, path, name, target, op, value, problems);
        }
        if (value instanceof String text && target instanceof CategoricalDistribution c) {
            // as a trainer matches a choice's name: Nesterov, nesterov and NESTEROV name the same optimizer
            value = c.choiceNamed(text).orElse(text);
        }
        try {
            double internal = target.toInternal(value);
            return Optional.of(SpaceParameter.onGrid(target, value, internal));
        } catch (InvalidDistributionException e) {
            String hint = target instanceof CategoricalDistribution c
                    ? Texts.didYouMean(value.toString(), c.choices().stream().map(String::valueOf).toList()) : "";
            problems.at(node, path, Texts.quote(String.valueOf(value)) + " is never a value of " + Texts.quote(name)
                    + ", which is " + target.describe() + hint);
            return Optional.empty();
        }
    }

    private static Optional<Object> ordering(Node node, String path, String name, Distribution target,
                                                       Condition.Operator op, Object value, Problems problems) {
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            problems.at(node, path, op.key() + " compares numbers, got " + Values.describe(node));
            return Optional.empty();
        }
        double low;
        double high;
        if (target instanceof IntDistribution i) {
            low = i.low();
            high = i.high();
        } else if (target instanceof FloatDistribution f) {
            low = f.low();
            high = f.high();
        } else if (target instanceof ExponentialDistribution e) {
            low = e.loc();
            high = Double.POSITIVE_INFINITY;
        } else {
            problems.at(node, path, op.key() + " compares numbers, but " + Texts.quote(name) + " is "
                    + target.describe() + "; use eq, ne, in or not_in");
            return Optional.empty();
        }
        double v = number.doubleValue();
        boolean possible = switch (op) {
            case GT -> high > v;
            case GE -> high >= v;
            case LT -> low < v;
            default -> low <= v;
        };
        if (!possible) {
            problems.at(node, path, "is never true: " + Texts.quote(name) + " is " + target.describe());
            return Optional.empty();
        }
        return Optional.of(value);
    }
}
