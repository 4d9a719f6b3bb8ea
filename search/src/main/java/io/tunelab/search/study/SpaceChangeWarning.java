package io.tunelab.search.study;

import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one warning a loaded {@link Study} logs when its define-by-run objective searches a parameter from another
 * distribution than the study's earlier trials did ({@link SpaceChange#ofTrial}): the space is known only as trials
 * run, so the first trial this study object finishes that suggested anything is compared with the trials finished
 * before the first one it asked; later trials are not compared (a conditional space may vary between them). Optuna says
 * nothing here, and its samplers, as Tunelab's, then model the parameter only from the trials that share its new
 * distribution. Thread-safe.
 */
final class SpaceChangeWarning {
    private static final Logger LOG = LoggerFactory.getLogger(Study.class);
    private final AtomicInteger firstAsked = new AtomicInteger(Integer.MAX_VALUE);
    private final AtomicBoolean compared;

    /** @param enabled false for a study just created, or one whose caller says the change itself */
    SpaceChangeWarning(boolean enabled) {
        this.compared = new AtomicBoolean(!enabled);
    }

    /** Notes that this study object asked trial {@code number}: it and later trials are not earlier ones. */
    void asked(int number) {
        if (!compared.get()) {
            firstAsked.accumulateAndGet(number, Math::min);
        }
    }

    /** Compares {@code done}, finished by {@code study}, with the earlier trials once it is the first that suggested anything. */
    void finished(Study study, FrozenTrial done) {
        if (done.distributions().isEmpty() || compared.get() || !compared.compareAndSet(false, true)) {
            return;
        }
        int first = firstAsked.get();
        List<FrozenTrial> earlier = study.trials(EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL))
                .stream().filter(t -> t.number() < first).toList();
        SpaceChange.ofTrial(study.name(), done, earlier).ifPresent(LOG::warn);
    }
}
