/** Samplers: the {@link io.tunelab.search.sampler.Sampler} interface, seeded random streams and simple samplers; complex ones live in subpackages. */
package io.tunelab.search.sampler;
