package io.tunelab.search.study;

import io.tunelab.search.exec.Slot;
import io.tunelab.search.exec.SlotPool;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one {@link Study#optimize} call schedules its trials over its slots so that a seed reproduces what {@link
 * Study#optimize(Objective, OptimizeOptions)} promises: with the study's deterministic window, with the default window
 * when the study is reproducible by default and its sampler decides from its view only, or else on its first slot
 * alone (said once per study). Thread-safe.
 */
final class RunSchedule {
    /** The line saying why a run is sequential is the study's: logged under its name, as before it had a class of its own. */
    private static final Logger LOG = LoggerFactory.getLogger(Study.class);
    private final int deterministicWindow;
    private final boolean reproducibleByDefault;
    private final AtomicBoolean toldWhySequential = new AtomicBoolean();

    RunSchedule(int deterministicWindow, boolean reproducibleByDefault) {
        this.deterministicWindow = deterministicWindow;
        this.reproducibleByDefault = reproducibleByDefault;
    }

    /** The runner of one {@code optimize} call of {@code study}. */
    TrialRunner runner(Study study, MultiObjective objective, OptimizeOptions options) {
        if (!reproducibleByDefault || deterministicWindow > 0 || options.slots().size() == 1) {
            return new TrialRunner(study, objective, options, deterministicWindow);
        }
        if (study.sampler().decidesFromViewOnly()) {
            return new TrialRunner(study, objective, options, StudyBuilder.DEFAULT_DETERMINISTIC_WINDOW);
        }
        if (toldWhySequential.compareAndSet(false, true)) {
            LOG.info("Study '{}' runs one trial at a time although {} slots were given: it has a seed, and its sampler {}"
                    + " decides from more than its view, so trials run at once would change its proposals; call"
                    + " deterministic(false) on its builder to run them at once anyway", study.name(), options.slots().size(),
                    study.sampler().getClass().getSimpleName());
        }
        Slot first = options.slots().slots().get(0);
        return new TrialRunner(study, objective, options.withSlots(new SlotPool(List.of(first))), 0);
    }
}
