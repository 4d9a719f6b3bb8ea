package io.tunelab.trainers.callback;

import io.tunelab.search.storage.StorageException;
import io.tunelab.search.trial.TrialPrunedException;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a list of callbacks in order with the failure policy documented on {@link TrainingCallback}:
 * pruning and {@link TrainingStoppedException}s propagate, other runtime exceptions are logged and
 * ignored (a {@link StorageException}, a trial that can no longer be recorded, in one line without a stack
 * trace), and {@link #onTrainEnd} reaches every callback whatever they throw. Immutable; used from the
 * training thread.
 */
public final class Callbacks {
    private static final Logger LOG = LoggerFactory.getLogger(Callbacks.class);
    private final List<TrainingCallback> callbacks;

    public Callbacks(List<TrainingCallback> callbacks) {
        this.callbacks = List.copyOf(callbacks);
    }

    public void onTrainBegin(TrainingContext context) {
        each("onTrainBegin", c -> c.onTrainBegin(context));
    }

    public void onEpochBegin(int epoch, TrainingContext context) {
        each("onEpochBegin", c -> c.onEpochBegin(epoch, context));
    }

    public void onBatchEnd(int epoch, int batch, double loss, TrainingContext context) {
        each("onBatchEnd", c -> c.onBatchEnd(epoch, batch, loss, context));
    }

    public void onEpochEnd(EpochMetrics metrics, TrainingContext context) {
        each("onEpochEnd", c -> c.onEpochEnd(metrics, context));
    }

    /** Calls every callback's {@code onTrainEnd}; whatever one throws is logged and the others still run. */
    public void onTrainEnd(TrainingEnd end, TrainingContext context) {
        for (TrainingCallback c : callbacks) {
            try {
                c.onTrainEnd(end, context);
            } catch (StorageException e) {
                unrecorded(c, "onTrainEnd", e);
            } catch (RuntimeException e) {
                LOG.warn("callback {} failed in onTrainEnd; ignored: {}", c.getClass().getSimpleName(), e.toString(), e);
            }
        }
    }

    /** Saves the state of every {@link ResumableCallback}; whatever one throws reaches the caller. */
    public void saveState(io.tunelab.trainers.djl.TrainingState state) {
        callbacks.stream().filter(ResumableCallback.class::isInstance).forEach(c -> ((ResumableCallback) c).saveState(state));
    }

    /** Restores the state of every {@link ResumableCallback}; whatever one throws reaches the caller. */
    public void restoreState(io.tunelab.trainers.djl.TrainingState state) {
        callbacks.stream().filter(ResumableCallback.class::isInstance).forEach(c -> ((ResumableCallback) c).restoreState(state));
    }

    private void each(String event, Consumer<TrainingCallback> call) {
        for (TrainingCallback c : callbacks) {
            try {
                call.accept(c);
            } catch (TrialPrunedException | TrainingStoppedException e) {
                throw e;
            } catch (StorageException e) {
                unrecorded(c, event, e);
            } catch (RuntimeException e) {
                LOG.warn("callback {} failed in {}; ignored, training goes on: {}", c.getClass().getSimpleName(), event, e.toString(), e);
            }
        }
    }

    /**
     * A callback could not record to the trial's storage: the trial was ended elsewhere (a stopped study fails its
     * running trials) or the tracker is closing. That is an expected state, not a fault in the callback, so the
     * warning is one line that names the callback, the event and the storage's message; the stack trace goes to
     * DEBUG.
     */
    private static void unrecorded(TrainingCallback c, String event, StorageException e) {
        LOG.warn("callback {} could not record in {}; ignored: {}", c.getClass().getSimpleName(), event, e.getMessage());
        LOG.debug("callback {} could not record in {}", c.getClass().getSimpleName(), event, e);
    }
}
