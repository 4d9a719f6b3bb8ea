/**
 * Samplers: the {@link io.tunelab.search.sampler.Sampler} interface, seeded random streams and the
 * simple samplers (random, grid); complex ones live in subpackages ({@code qmc}, ...). Depends on the
 * space and trial packages.
 */
package io.tunelab.search.sampler;
