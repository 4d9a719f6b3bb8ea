package io.tunelab.serving;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model a server answers with, replaced in place when the alias moves. A request {@link #use}s
 * whichever version is current when it starts and keeps it to the end; a replaced version is closed
 * after its last request. Thread-safe.
 */
final class HotSwappingModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HotSwappingModel.class);

    private final ModelResolver resolver;
    private final AtomicReference<LoadedModel> current = new AtomicReference<>();

    HotSwappingModel(ModelResolver resolver) {
        this.resolver = resolver;
        ModelRef ref = resolver.current();
        current.set(new LoadedModel(ref, resolver.load(ref)));
    }

    ModelRef version() {
        return current.get().ref;
    }

    /** Runs {@code work} with the current model, which stays open until it returns. */
    <T> T use(Function<LoadedModel, T> work) {
        while (true) {
            LoadedModel model = current.get();
            if (model.enter()) {
                try {
                    return work.apply(model);
                } finally {
                    model.leave();
                }
            }
        }
    }

    /** Checks the alias and, if it moved, loads the new version and swaps it in. Returns whether it swapped. */
    synchronized boolean refresh() {
        ModelRef target = resolver.current();
        LoadedModel old = current.get();
        if (target.equals(old.ref)) {
            return false;
        }
        LoadedModel fresh = new LoadedModel(target, resolver.load(target));
        current.set(fresh);
        old.retire();
        LOG.info("Now serving {} (was {})", target, old.ref);
        return true;
    }

    @Override
    public void close() {
        current.get().retire();
    }
}
