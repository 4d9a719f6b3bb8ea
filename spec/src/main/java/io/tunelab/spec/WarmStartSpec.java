package io.tunelab.spec;

/**
 * A sampler's warm start: {@code warm_start: {study: NAME, weight: 0.5}}.
 *
 * @param study  the earlier study, in the same storage, whose compatible complete trials become prior observations
 * @param weight the share of those trials used, in (0, 1] (default 1)
 */
public record WarmStartSpec(String study, double weight) {
}
