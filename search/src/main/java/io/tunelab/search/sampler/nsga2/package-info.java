/**
 * NSGA-II (Deb et al. 2002) as an ask/tell sampler: {@link io.tunelab.search.sampler.nsga2.Nsga2Sampler}
 * with jMetal's SBX crossover, polynomial mutation, fast non-dominated sorting and crowding distance.
 * Depends on the sampler, space and trial packages and on jmetal-core.
 */
package io.tunelab.search.sampler.nsga2;
