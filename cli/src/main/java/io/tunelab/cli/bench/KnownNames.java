package io.tunelab.cli.bench;

import io.tunelab.bench.samplers.BenchProblems;
import io.tunelab.bench.samplers.SamplerCatalog;
import java.util.Iterator;

/**
 * The names the benchmark commands accept, read from the catalogues that resolve them, so that help text
 * ({@code ${COMPLETION-CANDIDATES}}) and shell completion list exactly what the command takes.
 */
final class KnownNames {
    private KnownNames() {
    }

    /** Every sampler name of {@link SamplerCatalog}. */
    static final class Samplers implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return SamplerCatalog.names().iterator();
        }
    }

    /** Every problem name of {@link BenchProblems}. */
    static final class Problems implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return BenchProblems.names().iterator();
        }
    }
}
