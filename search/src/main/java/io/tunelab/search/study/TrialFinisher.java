package io.tunelab.search.study;

import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the trials of one {@link Study} ({@link Study#tell}, and the objective's outcome in {@link Study#optimize}): checks
 * COMPLETE values against the study's directions, keeps a PRUNED trial's last reported value, writes the outcome,
 * tells the sampler and the study's {@link SpaceChangeWarning}. Thread-safe.
 */
final class TrialFinisher {
    /** A tell recorded as FAIL is the study's to say: logged under its name, as before it had a class of its own. */
    private static final Logger LOG = LoggerFactory.getLogger(Study.class);
    /** How many retries of retries {@link #finish} follows to the one holding a late outcome. */
    private static final int MAX_RETRY_HOPS = 1000;
    private final Study study;
    private final TrialStorage storage;
    private final Sampler sampler;
    private final RunningTrials running;

    TrialFinisher(Study study, TrialStorage storage, Sampler sampler, RunningTrials running) {
        this.study = study;
        this.storage = storage;
        this.sampler = sampler;
        this.running = running;
    }

    /** See {@link Study#tell(Trial, double...)}: a trial asked from another study is refused. */
    FrozenTrial tell(Trial trial, double... values) {
        if (trial instanceof LiveTrial live) {
            Study owner = live.study();
            if (owner.studyId() != study.studyId() || !owner.name().equals(study.name())) {
                throw new StudyException("trial " + trial.number() + " belongs to study '" + owner.name()
                        + "', not to study '" + study.name() + "': tell it to study '" + owner.name() + "'");
            }
            return told(live.id(), trial.number(), TrialState.COMPLETE, values);
        }
        return tell(trial.number(), TrialState.COMPLETE, values);
    }

    /** See {@link Study#tell(int, TrialState, double...)}: values with PRUNED or FAIL are refused. */
    FrozenTrial tell(int number, TrialState state, double... values) {
        if (state != TrialState.COMPLETE && values != null && values.length > 0) {
            throw new StudyException("tell: trial " + number + " of study '" + study.name() + "' told " + state
                    + " with values " + Arrays.toString(values) + ", but a " + state + " trial takes none"
                    + (state == TrialState.PRUNED ? " (it keeps its last reported intermediate value)" : "")
                    + "; tell it without values, or tell COMPLETE with them");
        }
        FrozenTrial trial = storage.trialByNumber(study.studyId(), number);
        return told(trial.id(), number, state, values);
    }

    /** Finishes a trial told from outside {@link Study#optimize}: a COMPLETE with bad values becomes FAIL with a warning. */
    private FrozenTrial told(long trialId, int number, TrialState state, double[] values) {
        FrozenTrial done = finish(trialId, state, values, null, true);
        if (state == TrialState.COMPLETE && done.state() == TrialState.FAIL) {
            LOG.warn("Trial {} of study '{}' was told COMPLETE but recorded as FAIL: {}", number, study.name(), done.message());
        }
        return done;
    }

    /**
     * Ends a trial as {@code state}; COMPLETE values that do not fit the study make it FAIL with a message naming what
     * gave them: {@link Study#tell} when {@code told}, else the objective. A trial the storage reaped meanwhile may have
     * its outcome recorded on its retry: then the retry holding it is returned.
     */
    FrozenTrial finish(long trialId, TrialState state, double[] values, String message, boolean told) {
        TrialState finalState = state;
        String why = message;
        List<Double> stored = new ArrayList<>();
        if (state == TrialState.COMPLETE) {
            String problem = checkValues(values, told);
            if (problem != null) {
                finalState = TrialState.FAIL;
                why = problem;
            } else {
                Arrays.stream(values).forEach(stored::add);
            }
        } else if (!state.isFinished()) {
            throw new StudyException("tell needs COMPLETE, PRUNED or FAIL, got " + state);
        }
        storage.flush();
        if (state == TrialState.PRUNED) {
            lastReportedValue(trialId).ifPresent(stored::add);
        }
        running.ended(trialId);
        boolean changed = storage.finishTrial(trialId, finalState, finalState == TrialState.FAIL ? List.of() : stored, why);
        FrozenTrial done = storage.trial(trialId);
        // the storage reaped the trial meanwhile and recorded the outcome on its retry (or on a retry of that retry)
        for (int hop = 0; changed && done.state() != finalState && hop < MAX_RETRY_HOPS
                && done.systemAttrs().get(TrialStorage.RETRIED_BY) instanceof Number by; hop++) {
            done = storage.trialByNumber(study.studyId(), by.intValue());
        }
        if (changed) {
            sampler.afterTrial(study, done, done.state(), done.values());
            study.spaceChangeWarning().finished(study, done);
        }
        return done;
    }

    /**
     * The value a PRUNED trial keeps, as in Optuna: its last reported intermediate value, when the study has one
     * objective and that value is finite.
     */
    private Optional<Double> lastReportedValue(long trialId) {
        if (study.directions().size() != 1) {
            return Optional.empty();
        }
        return storage.trial(trialId).lastIntermediate().map(Map.Entry::getValue).filter(Double::isFinite);
    }

    /** Why {@code values} do not fit the study's directions, or null when they do. */
    private String checkValues(double[] values, boolean told) {
        int directions = study.directions().size();
        if (values == null || values.length != directions) {
            return (told ? "tell gave " : "objective returned ") + (values == null ? 0 : values.length) + " values, but study '"
                    + study.name() + "' has " + directions + " direction(s)";
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return (told ? "told value " : "objective value ") + v + " is not a finite number";
            }
        }
        return null;
    }
}
