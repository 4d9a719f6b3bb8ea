package io.tunelab.search.sampler;

import io.tunelab.search.trial.FrozenTrial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The trials of a growing list (such as a study's COMPLETE trials, ordered by number) that were not in
 * it at the previous call, so that a sampler examines each finished trial once. The usual case, trials
 * finishing in number order, costs time in the number of new trials only; when a trial finished out of
 * order (parallel workers) the list is scanned once against the trials already returned. Thread-safe.
 */
public final class NewTrials {
    private final Set<Long> seen = new HashSet<>();
    private int maxNumber = Integer.MIN_VALUE;

    /** The trials of {@code trials} not returned before, ordered by number. */
    public synchronized List<FrozenTrial> since(List<FrozenTrial> trials) {
        List<FrozenTrial> out = new ArrayList<>();
        int i = trials.size() - 1;
        while (i >= 0 && trials.get(i).number() > maxNumber) {
            out.add(trials.get(i));
            i--;
        }
        if (seen.size() + out.size() < trials.size()) {
            for (int j = 0; j <= i; j++) {
                if (!seen.contains(trials.get(j).id())) {
                    out.add(trials.get(j));
                }
            }
        }
        for (FrozenTrial t : out) {
            seen.add(t.id());
            maxNumber = Math.max(maxNumber, t.number());
        }
        out.sort(Comparator.comparingInt(FrozenTrial::number));
        return out;
    }
}
