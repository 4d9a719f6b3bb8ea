package io.tunelab.search.trial;

import io.tunelab.search.SearchException;
import io.tunelab.search.space.Distribution;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable snapshot of a trial, what samplers, pruners and readers see. It never changes after
 * it is returned; a newer snapshot is a new object.
 *
 * @param id                 storage-wide identifier
 * @param number             number within the study, from 0, unique and gap-free
 * @param state              life-cycle state
 * @param values             objective values (one per direction) once COMPLETE, else empty
 * @param start              when it started running, or null while WAITING
 * @param end                when it finished, or null
 * @param params             parameter values in external form, in the order suggested
 * @param distributions      the distribution of each parameter
 * @param intermediateValues values reported for pruning, by step
 * @param userAttrs          attributes set by the objective
 * @param systemAttrs        attributes set by Tunelab (fixed parameters, prune reason, retry links...)
 * @param message            why it failed or was pruned, or null
 */
public record FrozenTrial(
        long id,
        int number,
        TrialState state,
        List<Double> values,
        Instant start,
        Instant end,
        Map<String, Object> params,
        Map<String, Distribution> distributions,
        SortedMap<Integer, Double> intermediateValues,
        Map<String, Object> userAttrs,
        Map<String, Object> systemAttrs,
        String message) {

    public FrozenTrial {
        Objects.requireNonNull(state, "state");
        values = List.copyOf(values);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        distributions = Collections.unmodifiableMap(new LinkedHashMap<>(distributions));
        intermediateValues = Collections.unmodifiableSortedMap(new TreeMap<>(intermediateValues));
        userAttrs = Collections.unmodifiableMap(new LinkedHashMap<>(userAttrs));
        systemAttrs = Collections.unmodifiableMap(new LinkedHashMap<>(systemAttrs));
        if (!params.keySet().equals(distributions.keySet())) {
            throw new SearchException("trial " + number + ": every parameter needs a distribution, got params "
                    + params.keySet() + " and distributions " + distributions.keySet());
        }
    }

    /** The single objective value; throws unless the trial is COMPLETE with exactly one value. */
    public double value() {
        if (values.size() != 1) {
            throw new SearchException("trial " + number + " has " + values.size()
                    + " objective values (state " + state + "), not exactly one");
        }
        return values.get(0);
    }

    /**
     * A parameter in internal (double) form, or null if the trial has no such parameter; a value an enqueued trial used
     * outside its range is given as it is ({@link Distribution#toInternalOutOfRange}).
     */
    public Double internalParam(String name) {
        Distribution d = distributions.get(name);
        return d == null ? null : d.toInternalOutOfRange(params.get(name));
    }

    /** The last reported intermediate value, if any. */
    public Optional<Map.Entry<Integer, Double>> lastIntermediate() {
        return intermediateValues.isEmpty()
                ? Optional.empty()
                : Optional.of(Map.entry(intermediateValues.lastKey(), intermediateValues.get(intermediateValues.lastKey())));
    }

    /** A copy with another state, values, end time and message (used by storages). */
    public FrozenTrial finished(TrialState newState, List<Double> newValues, Instant when, String why) {
        return new FrozenTrial(id, number, newState, newValues, start, when, params, distributions,
                intermediateValues, userAttrs, systemAttrs, why);
    }
}
