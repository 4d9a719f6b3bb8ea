/**
 * Quasi-random sampling: scrambled Sobol sequences ({@link io.tunelab.search.sampler.qmc.SobolSequence})
 * and the {@link io.tunelab.search.sampler.qmc.QmcSampler} that maps them onto a search space. Depends
 * on the sampler, space and trial packages, and reads the Joe–Kuo direction numbers shipped in
 * commons-math3.
 */
package io.tunelab.search.sampler.qmc;
