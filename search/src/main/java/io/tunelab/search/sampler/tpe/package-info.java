/**
 * The Tree-structured Parzen Estimator sampler (Bergstra et al. 2011): {@link
 * io.tunelab.search.sampler.tpe.TpeSampler}, its options, Parzen estimators, bandwidth and weight
 * rules and the group decomposition of conditional spaces. Depends on the sampler, space and trial
 * packages only.
 */
package io.tunelab.search.sampler.tpe;
