package io.tunelab.cli.bench;

import picocli.CommandLine.Option;

/** {@code --base SAMPLER} of {@code bench bbob} and {@code bench bbob-report}: the sampler the others are paired with. */
final class BaseSamplerOption {
    @Option(names = "--base", paramLabel = "SAMPLER",
            description = "Also count, per dimension, every other sampler's lower and higher medians and its better and worse"
                    + " runs against this one's, paired by function, instance and seed.")
    String sampler;
}
