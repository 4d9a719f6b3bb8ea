package io.tunelab.search.sampler;

import io.tunelab.search.trial.FrozenTrial;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * The trials of a growing list of one study's trials (such as its COMPLETE trials, ordered by number) that were not in
 * it at the previous call, so that a sampler examines each finished trial once. Trials are told apart by number, which
 * is unique within a study (a warm start's prior trials have negative numbers). The usual case, trials finishing in
 * number order, costs time in the number of new trials only; when a trial finished out of order (parallel workers) the
 * list is scanned once against the numbers already returned. The numbers returned are kept as bits, not as boxed ids in
 * a hash set, since samplers call this on every ask. Thread-safe.
 */
public final class NewTrials {
    private final BitSet seenFromZero = new BitSet();
    private final BitSet seenBelowZero = new BitSet();
    private int seenCount;
    private int maxNumber = Integer.MIN_VALUE;

    /** The trials of {@code trials} not returned before, ordered by number. */
    public synchronized List<FrozenTrial> since(List<FrozenTrial> trials) {
        int size = trials.size();
        int firstNew = size;
        while (firstNew > 0 && trials.get(firstNew - 1).number() > maxNumber) {
            firstNew--;
        }
        int atEnd = size - firstNew;
        if (seenCount + atEnd == size) {
            if (atEnd == 0) {
                return List.of();
            }
            List<FrozenTrial> out = new ArrayList<>(atEnd);
            for (int j = firstNew; j < size; j++) {
                out.add(trials.get(j));
            }
            return record(out);
        }
        List<FrozenTrial> out = new ArrayList<>();
        for (int j = 0; j < firstNew; j++) {
            if (!seen(trials.get(j).number())) {
                out.add(trials.get(j));
            }
        }
        for (int j = firstNew; j < size; j++) {
            out.add(trials.get(j));
        }
        out.sort(Comparator.comparingInt(FrozenTrial::number));
        return record(out);
    }

    private List<FrozenTrial> record(List<FrozenTrial> out) {
        for (FrozenTrial t : out) {
            int n = t.number();
            if (n >= 0) {
                seenFromZero.set(n);
            } else {
                seenBelowZero.set(-1 - n);
            }
            maxNumber = Math.max(maxNumber, n);
        }
        seenCount += out.size();
        return out;
    }

    private boolean seen(int number) {
        return number >= 0 ? seenFromZero.get(number) : seenBelowZero.get(-1 - number);
    }
}
