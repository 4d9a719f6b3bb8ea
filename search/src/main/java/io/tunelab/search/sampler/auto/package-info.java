/**
 * The {@code auto} sampler: chooses TPE, GP, CMA-ES or NSGA-II per trial from the search space, the
 * number of objectives and the trials so far, after Optuna's AutoSampler.
 */
package io.tunelab.search.sampler.auto;
