package io.tunelab.cli.wiring;

import io.tunelab.cli.error.CliException;
import io.tunelab.spec.PrunerSpec;
import io.tunelab.spec.SamplerSpec;
import io.tunelab.spec.SpaceDefinition;
import io.tunelab.search.pruner.HyperbandPruner;
import io.tunelab.search.pruner.MedianPruner;
import io.tunelab.search.pruner.NopPruner;
import io.tunelab.search.pruner.PercentilePruner;
import io.tunelab.search.pruner.Pruner;
import io.tunelab.search.pruner.SuccessiveHalvingPruner;
import io.tunelab.search.sampler.GridSampler;
import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.study.SamplerNames;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The samplers and pruners a study file names, built with its options. Option names and types were
 * checked by the study-file parser; absent options take each component's (Optuna-like) defaults.
 */
public final class SearchComponents {
    private SearchComponents() {
    }

    /**
     * The pruner of a study file, for a trainer whose trials report their first value at step {@code firstStep}
     * ({@link TrainerFactory#firstStep}): the median and percentile pruners' {@code warmup_steps: N} spares a trial's
     * first N steps (epochs {@code 1..N}, or folds {@code 0..N-1}), and {@code interval_steps} counts from there.
     * ASHA's and Hyperband's {@code min_resource} and {@code max_resource} are steps as reported: epoch N is step N.
     */
    public static Pruner pruner(PrunerSpec spec, int firstStep) {
        Map<String, Object> o = spec.options();
        switch (spec.type()) {
            case "none":
                return new NopPruner();
            case "median": {
                MedianPruner p = new MedianPruner();
                return new MedianPruner(integer(o, "startup_trials", p.startupTrials()),
                        integer(o, "warmup_steps", p.warmupSteps()), integer(o, "interval_steps", p.intervalSteps()),
                        p.minTrials(), firstStep);
            }
            case "percentile": {
                PercentilePruner p = PercentilePruner.of(number(o, "percentile", 50));
                return new PercentilePruner(p.percentile(), integer(o, "startup_trials", p.startupTrials()),
                        integer(o, "warmup_steps", p.warmupSteps()), integer(o, "interval_steps", p.intervalSteps()),
                        p.minTrials(), firstStep);
            }
            case "asha":
                return o.containsKey("min_resource")
                        ? new SuccessiveHalvingPruner(integer(o, "min_resource", 1), integer(o, "reduction_factor", 4),
                        integer(o, "min_early_stopping_rate", 0), 0)
                        : SuccessiveHalvingPruner.autoMinResource(integer(o, "reduction_factor", 4),
                        integer(o, "min_early_stopping_rate", 0));
            case "hyperband":
                return o.containsKey("max_resource")
                        ? new HyperbandPruner(integer(o, "min_resource", 1), integer(o, "max_resource", 1),
                        integer(o, "reduction_factor", 3))
                        : HyperbandPruner.autoMaxResource(integer(o, "min_resource", 1), integer(o, "reduction_factor", 3));
            default:
                throw new CliException("pruner.type: unknown pruner '" + spec.type() + "'");
        }
    }

    /**
     * The grid of a study file: every distinct configuration of {@code space} (what the trials search, {@link
     * EffectiveConfiguration#searchSpace()}) once, points that differ only in parameters {@code definition}'s
     * conditions switch off being one configuration.
     *
     * @throws io.tunelab.search.sampler.SamplerException if a parameter has no finite set of values
     */
    public static GridSampler grid(SpaceDefinition definition, Map<String, Distribution> space) {
        return new GridSampler(space, definition::configuration);
    }

    /**
     * The sampler of a study file, built from the study's seeded random streams. With {@code parallel}
     * (several trials at once, in this process or across workers) TPE lies about running trials by
     * default (constant liar) so that workers do not pile onto one point. Built by {@link SamplerNames}, the search
     * module's one mapping of names to samplers.
     *
     * @param definition the study file's space, whose conditions tell the grid sampler which points are one configuration
     * @param space what the trials search ({@link EffectiveConfiguration#searchSpace()}): the grid sampler's grid
     */
    public static Function<RandomStreams, Sampler> sampler(SamplerSpec spec, SpaceDefinition definition,
                                                           Map<String, Distribution> space, boolean parallel) {
        if (!SamplerNames.NAMES.contains(spec.type())) {
            throw new CliException("sampler.type: sampler '" + spec.type() + "' is not available in this build");
        }
        Map<String, Object> options = new HashMap<>(spec.options());
        if (spec.type().equals("tpe")) {
            options.putIfAbsent("constant_liar", parallel);
        }
        return SamplerNames.byName(spec.type(), options, () -> grid(definition, space));
    }

    static int integer(Map<String, Object> options, String name, int fallback) {
        Object v = options.get(name);
        return v == null ? fallback : ((Number) v).intValue();
    }

    static double number(Map<String, Object> options, String name, double fallback) {
        Object v = options.get(name);
        return v == null ? fallback : ((Number) v).doubleValue();
    }

    static boolean bool(Map<String, Object> options, String name, boolean fallback) {
        Object v = options.get(name);
        return v == null ? fallback : (Boolean) v;
    }
}
