package io.tunelab.trainers.params;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.text.Suggestions;
import io.tunelab.trainers.TrainersException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The hyperparameters one trainer reads, in documentation order: the single home of their defaults and
 * built-in ranges. Immutable and thread-safe.
 *
 * @param all every entry, in documentation order, names unique
 */
public record Hyperparameters(List<Hyperparameter> all) {

    public Hyperparameters {
        Set<String> names = new HashSet<>();
        for (Hyperparameter h : all) {
            if (!names.add(h.name())) {
                throw new TrainersException("hyperparameter '" + h.name() + "' is listed twice");
            }
        }
        all = List.copyOf(all);
    }

    public static Hyperparameters of(Hyperparameter... entries) {
        return new Hyperparameters(List.of(entries));
    }

    /** This catalogue followed by {@code more}. */
    public Hyperparameters plus(Hyperparameter... more) {
        List<Hyperparameter> entries = new ArrayList<>(all);
        entries.addAll(List.of(more));
        return new Hyperparameters(entries);
    }

    /** The entry for {@code parameter} (per-layer entries match each layer's name), if any. */
    public Optional<Hyperparameter> find(String parameter) {
        return all.stream().filter(h -> h.matches(parameter)).findFirst();
    }

    /** The entry for {@code parameter}; throws naming the known ones if there is none. */
    public Hyperparameter get(String parameter) {
        return find(parameter).orElseThrow(() -> new TrainersException("no hyperparameter '" + parameter
                + "'; known: " + names()));
    }

    /** The default of {@code parameter}; throws if it has none of its own (it is derived). */
    public Object defaultOf(String parameter) {
        Hyperparameter h = get(parameter);
        if (h.defaultValue() == null) {
            throw new TrainersException("hyperparameter '" + parameter + "' has no default of its own: "
                    + h.defaultNote());
        }
        return h.defaultValue();
    }

    /**
     * " (did you mean 'x'?)" for a name this catalogue lacks: the parameter doing the work of a Keras argument Tunelab
     * spells otherwise, saying so ({@code units}: {@code (did you mean 'rnn_units'? Keras's 'units' is 'rnn_units' here:
     * units of every recurrent layer)}), else the closest name ({@link Suggestions#didYouMean}), else the empty string.
     */
    public String didYouMean(String name) {
        return KerasNames.of(name, this).map(h -> " (did you mean '" + h.name() + "'? Keras's '" + name + "' is '" + h.name()
                + "' here: " + h.meaning() + ")").orElseGet(() -> Suggestions.didYouMean(name, names()));
    }

    /** The names, in order. */
    public List<String> names() {
        return all.stream().map(Hyperparameter::name).toList();
    }

    /** The built-in ranges, by name, in order (entries without one are left out). */
    public Map<String, Distribution> ranges() {
        Map<String, Distribution> out = new LinkedHashMap<>();
        all.stream().filter(Hyperparameter::hasRange).forEach(h -> out.put(h.name(), h.range()));
        return Collections.unmodifiableMap(out);
    }
}
