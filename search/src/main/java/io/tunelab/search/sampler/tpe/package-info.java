/**
 * The Tree-structured Parzen Estimator sampler (Bergstra et al. 2011): {@link
 * io.tunelab.search.sampler.tpe.TpeSampler}, its options (Tunelab's defaults and Optuna 3.1's preset),
 * Parzen estimators, bandwidth and weight rules, the group decomposition of conditional spaces, and
 * the incremental per-study observation log that keeps a decision's cost a few linear passes over
 * primitive arrays. Depends on the sampler, space and trial packages only.
 */
package io.tunelab.search.sampler.tpe;
