/**
 * Gaussian-process Bayesian optimisation: {@link io.tunelab.search.sampler.gp.GpSampler}, the
 * Matérn-5/2 kernel, a small dense Cholesky factorisation, marginal-likelihood fitting, the constrained
 * log-EI acquisition and its optimiser. Depends on the sampler, space and trial packages only.
 */
package io.tunelab.search.sampler.gp;
