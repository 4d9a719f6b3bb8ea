/**
 * The sampler benchmark of {@code shared/bench/PROBLEMS.md}: its problems, a harness that runs
 * samplers × problems × seeds through real studies and reports regret, hypervolume and sampler cost,
 * and the ask-cost measure. Main code so that the command line can run it; depends on the study,
 * sampler and storage packages.
 */
package io.tunelab.bench.samplers;
