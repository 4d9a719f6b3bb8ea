package io.tunelab.search.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A parameter chosen from a list of strings, numbers or booleans. The internal form is the index
 * of the choice; order is significant (grid samplers walk it in this order).
 *
 * @param choices non-empty, without duplicates, each a {@code String}, {@code Boolean} or finite {@code Number}
 */
public record CategoricalDistribution(List<Object> choices) implements Distribution {

    public CategoricalDistribution {
        if (choices == null || choices.isEmpty()) {
            throw new InvalidDistributionException("choices must not be empty, got " + choices);
        }
        Set<Object> seen = new HashSet<>();
        for (Object choice : choices) {
            if (!seen.add(key(choice))) {
                throw new InvalidDistributionException("choices must be distinct, got " + choice
                        + " twice in " + choices);
            }
        }
        choices = Collections.unmodifiableList(new ArrayList<>(choices));
    }

    /** A categorical over the given choices. */
    public static CategoricalDistribution of(Object... choices) {
        return new CategoricalDistribution(Arrays.asList(choices));
    }

    /** The identity of a choice: numbers compare by value whatever their boxed type. */
    private static Object key(Object choice) {
        if (choice instanceof String || choice instanceof Boolean) {
            return choice;
        }
        if (choice instanceof Number number) {
            double d = number.doubleValue();
            if (!Double.isFinite(d)) {
                throw new InvalidDistributionException("choices must be finite numbers, got " + choice);
            }
            return d == 0.0 ? 0.0 : d;
        }
        throw new InvalidDistributionException("choices must be strings, numbers or booleans, got "
                + (choice == null ? "null" : choice + " (" + choice.getClass().getSimpleName() + ")"));
    }

    /** Index of a choice, or -1. Numbers compare by value. */
    public int indexOf(Object external) {
        if (!(external instanceof String || external instanceof Boolean || external instanceof Number)) {
            return -1;
        }
        if (external instanceof Number n && !Double.isFinite(n.doubleValue())) {
            return -1;
        }
        Object wanted = key(external);
        for (int i = 0; i < choices.size(); i++) {
            if (key(choices.get(i)).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A choice's name as the trainers match it against the names they read: ignoring case, surrounding blanks and
     * {@code -} against {@code _} ({@code Nesterov}, {@code nesterov} and {@code NESTEROV} name one optimizer).
     */
    public static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * The choice {@code name} names: the one equal to it, else the one string choice with its {@link #nameKey}; empty when
     * none does or several do.
     */
    public Optional<Object> choiceNamed(String name) {
        int index = indexOf(name);
        if (index >= 0) {
            return Optional.of(choices.get(index));
        }
        List<Object> named = choices.stream().filter(c -> c instanceof String t && nameKey(t).equals(nameKey(name))).toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    @Override
    public double toInternal(Object external) {
        int index = indexOf(external);
        if (index < 0) {
            throw new InvalidDistributionException("value " + external + " is not one of " + choices);
        }
        return index;
    }

    @Override
    public Object toExternal(double internal) {
        return choices.get((int) internal);
    }

    @Override
    public boolean contains(double internal) {
        return internal == Math.rint(internal) && internal >= 0 && internal < choices.size();
    }

    @Override
    public boolean isSingle() {
        return choices.size() == 1;
    }

    @Override
    public String describe() {
        return "choice" + choices;
    }
}
