package io.tunelab.bench.bbob;

import io.tunelab.search.SearchException;

/**
 * The 24 noiseless functions of the BBOB testbed: Hansen, Finck, Ros and Auger, "Real-Parameter
 * Black-Box Optimization Benchmarking 2009: Noiseless Functions Definitions" (INRIA RR-6829). Instances
 * are drawn with the testbed's own generator and seeds ({@link BbobRandom}), so instance {@code i}
 * is the same function whoever asks for it. Stateless.
 */
public final class BbobSuite {
    /** Number of functions. */
    public static final int FUNCTIONS = 24;

    private BbobSuite() {
    }

    /** Instance {@code instance} of function {@code id} (1–24) in {@code dim} dimensions ({@code >= 2}). */
    public static BbobFunction function(int id, int dim, int instance) {
        check(id, dim, instance);
        return switch (id) {
            case 1, 2, 3, 4, 5 -> SeparableFunctions.create(id, dim, instance);
            case 6, 7, 8, 9, 10, 11, 12, 13, 14 -> ConditionedFunctions.create(id, dim, instance);
            case 15, 16, 17, 18, 19 -> MultimodalFunctions.create(id, dim, instance);
            case 21, 22 -> Gallagher.create(id, dim, instance);
            default -> WeakStructureFunctions.create(id, dim, instance);
        };
    }

    /** Throws a {@link SearchException} naming the bad value unless function, dimension and instance exist. */
    public static void check(int id, int dim, int instance) {
        if (id < 1 || id > FUNCTIONS) {
            throw new SearchException("BBOB function must be 1.." + FUNCTIONS + ", got " + id);
        }
        if (dim < 2) {
            throw new SearchException("BBOB dimension must be >= 2, got " + dim);
        }
        if (instance < 1) {
            throw new SearchException("BBOB instance must be >= 1, got " + instance);
        }
    }
}
