/**
 * The BBOB noiseless testbed (Hansen, Finck, Ros, Auger 2009): its 24 functions with seeded instances
 * ({@link io.tunelab.bench.bbob.BbobSuite}), and the benchmark that runs Tunelab samplers and peer
 * optimisers (another process speaking ask/tell in JSON lines, such as the shipped Optuna peer) on the
 * same instances ({@link io.tunelab.bench.bbob.BbobBenchmark}). Depends on the study and sampler
 * packages through {@code bench.samplers}.
 */
package io.tunelab.bench.bbob;
