package io.tunelab.search.sampler.tpe;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.trial.FrozenTrial;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits a conditional (define-by-run) search space into groups of parameters that always occur
 * together: every complete trial's parameter set is a union of whole groups. Each group can then be
 * modelled jointly from the trials that hold it. Updated incrementally: complete trials never stop
 * being complete, so a list no longer than the trials already read brings nothing new and costs
 * nothing. Meant for one study's trials. Thread-safe.
 */
final class GroupDecomposedSearchSpace {
    private final Set<Long> seen = new HashSet<>();
    private final Map<String, Distribution> distributions = new LinkedHashMap<>();
    private List<Set<String>> groups = new ArrayList<>();

    /** The groups after reading {@code completeTrials}, each as an ordered name → distribution map. */
    synchronized List<Map<String, Distribution>> compute(List<FrozenTrial> completeTrials) {
        if (completeTrials.size() != seen.size()) {
            for (FrozenTrial t : completeTrials) {
                if (seen.add(t.id())) {
                    add(t);
                }
            }
        }
        return current();
    }

    /** The groups as of the last {@link #compute}. */
    synchronized List<Map<String, Distribution>> current() {
        List<Map<String, Distribution>> out = new ArrayList<>();
        for (Set<String> g : groups) {
            Map<String, Distribution> m = new LinkedHashMap<>();
            for (String name : g) {
                m.put(name, distributions.get(name));
            }
            out.add(m);
        }
        return out;
    }

    private void add(FrozenTrial t) {
        Set<String> names = new LinkedHashSet<>();
        for (Map.Entry<String, Distribution> e : t.distributions().entrySet()) {
            Distribution known = distributions.putIfAbsent(e.getKey(), e.getValue());
            if (known == null || known.equals(e.getValue())) {
                names.add(e.getKey());
            }
        }
        List<Set<String>> next = new ArrayList<>();
        Set<String> rest = new LinkedHashSet<>(names);
        for (Set<String> g : groups) {
            Set<String> inside = new LinkedHashSet<>(g);
            inside.retainAll(names);
            Set<String> outside = new LinkedHashSet<>(g);
            outside.removeAll(names);
            if (!inside.isEmpty()) {
                next.add(inside);
            }
            if (!outside.isEmpty()) {
                next.add(outside);
            }
            rest.removeAll(g);
        }
        if (!rest.isEmpty()) {
            next.add(rest);
        }
        groups = next;
    }
}
