/**
 * CMA-ES (Hansen, "The CMA Evolution Strategy: A Tutorial", 2016) as a sampler: the strategy itself
 * ({@code CmaState}), the margin that keeps integer and stepped parameters moving (Hamano et al., GECCO
 * 2022), IPOP restarts, and the replay that rebuilds the strategy from a study's trials.
 */
package io.tunelab.search.sampler.cmaes;
