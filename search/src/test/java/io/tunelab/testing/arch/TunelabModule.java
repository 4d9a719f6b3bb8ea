package io.tunelab.testing.arch;

import java.util.Locale;
import java.util.Set;

/** Tunelab's Maven modules, each with its root package and the other modules its code may use. */
public enum TunelabModule {
    SEARCH,
    TRACKER(SEARCH),
    TRAINERS(SEARCH),
    SPEC(SEARCH),
    SERVING(TRAINERS, SEARCH),
    DASHBOARD(TRACKER, SEARCH),
    TENSORBOARD(TRACKER, SEARCH),
    BENCH(SEARCH, TRACKER, TRAINERS, SPEC, SERVING, DASHBOARD, TENSORBOARD),
    CLI(SEARCH, TRACKER, TRAINERS, SPEC, SERVING, DASHBOARD, TENSORBOARD, BENCH),
    /** The Spark application: a composition root over the cli's, and the only module that may use the cli. */
    SPARK(SEARCH, TRACKER, TRAINERS, SPEC, SERVING, DASHBOARD, TENSORBOARD, BENCH, CLI);

    private final Set<TunelabModule> mayUse;

    TunelabModule(TunelabModule... mayUse) {
        this.mayUse = Set.of(mayUse);
    }

    /** The package of every class of the module, e.g. {@code io.tunelab.search}. */
    public String rootPackage() {
        return "io.tunelab." + name().toLowerCase(Locale.ROOT);
    }

    /** The other modules whose classes this module's classes may use; nobody but the Spark application may use the cli. */
    public Set<TunelabModule> mayUse() {
        return mayUse;
    }
}
