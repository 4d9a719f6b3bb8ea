package io.tunelab.spec;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A test on a parameter suggested earlier in the same trial, such as {@code n_hidden > 1} or
 * {@code optimizer in [momentum, nesterov]}. A condition on a parameter the trial does not have
 * (because its own condition was false) is false. Immutable.
 *
 * @param parameter the earlier parameter's name
 * @param operator  the comparison
 * @param operands  one value, or the list for {@code in} / {@code not_in}; strings, numbers or booleans
 */
public record Condition(String parameter, Operator operator, List<Object> operands) {

    /** Comparisons, spelled in study files as {@code eq, ne, in, not_in, gt, ge, lt, le}. */
    public enum Operator {
        EQ("eq", "=="), NE("ne", "!="), IN("in", "in"), NOT_IN("not_in", "not in"),
        GT("gt", ">"), GE("ge", ">="), LT("lt", "<"), LE("le", "<=");

        private final String key;
        private final String symbol;

        Operator(String key, String symbol) {
            this.key = key;
            this.symbol = symbol;
        }

        /** The spelling in study files. */
        public String key() {
            return key;
        }

        /** Whether the operand is a list of values. */
        public boolean takesList() {
            return this == IN || this == NOT_IN;
        }

        /** Whether the operator orders numbers. */
        public boolean isOrdering() {
            return this == GT || this == GE || this == LT || this == LE;
        }
    }

    public Condition {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(operator, "operator");
        operands = List.copyOf(operands);
        if (operands.isEmpty() || (!operator.takesList() && operands.size() != 1)) {
            throw new IllegalArgumentException("operator " + operator.key() + " needs "
                    + (operator.takesList() ? "at least one operand" : "exactly one operand") + ", got " + operands);
        }
    }

    /** Whether the condition holds for the values suggested so far in a trial. */
    public boolean holds(Map<String, Object> values) {
        Object value = values.get(parameter);
        if (value == null) {
            return false;
        }
        return switch (operator) {
            case EQ -> same(value, operands.get(0));
            case NE -> !same(value, operands.get(0));
            case IN -> operands.stream().anyMatch(o -> same(value, o));
            case NOT_IN -> operands.stream().noneMatch(o -> same(value, o));
            case GT -> compare(value) > 0;
            case GE -> compare(value) >= 0;
            case LT -> compare(value) < 0;
            case LE -> compare(value) <= 0;
        };
    }

    private int compare(Object value) {
        if (!(value instanceof Number v) || !(operands.get(0) instanceof Number o)) {
            return incomparable();
        }
        return Double.compare(v.doubleValue(), o.doubleValue());
    }

    /** A non-number never satisfies an ordering: GT/GE see a negative, LT/LE a positive result. */
    private int incomparable() {
        return operator == Operator.GT || operator == Operator.GE ? -1 : 1;
    }

    /** Equality with numbers compared by value whatever their boxed type. */
    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        return a.equals(b);
    }

    /** E.g. {@code n_hidden > 1}, {@code optimizer in [momentum, nesterov]}. */
    public String describe() {
        String operand = operator.takesList()
                ? operands.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"))
                : String.valueOf(operands.get(0));
        return parameter + " " + operator.symbol + " " + operand;
    }
}
