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
import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.sampler.auto.AutoOptions;
import io.tunelab.search.sampler.auto.AutoSampler;
import io.tunelab.search.sampler.cmaes.CmaOptions;
import io.tunelab.search.sampler.cmaes.CmaesSampler;
import io.tunelab.search.sampler.gp.GpOptions;
import io.tunelab.search.sampler.gp.GpSampler;
import io.tunelab.search.sampler.nsga2.Nsga2Options;
import io.tunelab.search.sampler.nsga2.Nsga2Sampler;
import io.tunelab.search.sampler.qmc.QmcSampler;
import io.tunelab.search.sampler.tpe.TpeOptions;
import io.tunelab.search.sampler.tpe.TpeSampler;
import io.tunelab.search.space.Distribution;
import java.util.Map;
import java.util.function.Function;

/**
 * The samplers and pruners a study file names, built with its options. Option names and types were
 * checked by the study-file parser; absent options take each component's (Optuna-like) defaults.
 */
public final class SearchComponents {
    private SearchComponents() {
    }

    /** The pruner of a study file. */
    public static Pruner pruner(PrunerSpec spec) {
        Map<String, Object> o = spec.options();
        switch (spec.type()) {
            case "none":
                return new NopPruner();
            case "median": {
                MedianPruner p = new MedianPruner();
                return new MedianPruner(integer(o, "startup_trials", p.startupTrials()),
                        integer(o, "warmup_steps", p.warmupSteps()), integer(o, "interval_steps", p.intervalSteps()),
                        p.minTrials());
            }
            case "percentile": {
                PercentilePruner p = PercentilePruner.of(number(o, "percentile", 50));
                return new PercentilePruner(p.percentile(), integer(o, "startup_trials", p.startupTrials()),
                        integer(o, "warmup_steps", p.warmupSteps()), integer(o, "interval_steps", p.intervalSteps()),
                        p.minTrials());
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
     * default (constant liar) so that workers do not pile onto one point.
     *
     * @param definition the study file's space, whose conditions tell the grid sampler which points are one configuration
     * @param space what the trials search ({@link EffectiveConfiguration#searchSpace()}): the grid sampler's grid
     */
    public static Function<RandomStreams, Sampler> sampler(SamplerSpec spec, SpaceDefinition definition,
                                                           Map<String, Distribution> space, boolean parallel) {
        Map<String, Object> o = spec.options();
        switch (spec.type()) {
            case "random":
                return RandomSampler::new;
            case "grid":
                GridSampler grid = grid(definition, space);
                return streams -> grid;
            case "qmc":
                return streams -> new QmcSampler(streams, bool(o, "scramble", true), Map.of());
            case "tpe": {
                TpeOptions d = TpeOptions.defaults();
                boolean multivariate = bool(o, "multivariate", d.multivariate());
                TpeOptions t = new TpeOptions(integer(o, "startup_trials", d.startupTrials()),
                        integer(o, "ei_candidates", d.eiCandidates()), number(o, "gamma", d.gammaFraction()),
                        d.gammaCap(), number(o, "prior_weight", d.priorWeight()), d.magicClip(),
                        bool(o, "consider_endpoints", d.considerEndpoints()), multivariate,
                        multivariate && bool(o, "group", d.group()), bool(o, "constant_liar", parallel))
                        .withModelCredit(bool(o, "model_credit", d.modelCredit()))
                        .withSmallSpaceEiCandidates(integer(o, "small_space_ei_candidates",
                                o.containsKey("ei_candidates") ? 0 : d.smallSpaceEiCandidates()));
                return streams -> new TpeSampler(streams, t);
            }
            case "gp": {
                GpOptions d = GpOptions.defaults();
                GpOptions g = new GpOptions(integer(o, "startup_trials", d.startupTrials()),
                        integer(o, "max_points", d.fitCap()), integer(o, "restarts", d.restarts()), d.restartsUntil(),
                        d.randomCandidates(), d.localStarts(), d.warpLosses(), d.warpMinParameters(), d.trustRegion(),
                        bool(o, "adaptive_region", d.adaptiveRegion()));
                return streams -> new GpSampler(streams, g);
            }
            case "auto": {
                AutoOptions d = AutoOptions.defaults();
                AutoOptions a = new AutoOptions(integer(o, "gp_trials_per_dimension", d.gpTrialsPerDimension()),
                        d.maxGpTrials(), d.stallTrialsPerDimension(), integer(o, "tpe_every", d.tpeEvery()),
                        integer(o, "local_every", d.localEvery()), d.localMaxParameters(), d.creditMinParameters(),
                        d.regionMinParameters(), d.gainCreditMaxParameters());
                return streams -> new AutoSampler(streams, a);
            }
            case "cmaes": {
                CmaOptions d = CmaOptions.defaults();
                CmaOptions c = new CmaOptions(integer(o, "startup_trials", d.startupTrials()),
                        integer(o, "popsize", d.popsize()), number(o, "sigma0", d.sigma0()), bool(o, "margin", d.margin()),
                        bool(o, "restarts", d.restarts()), d.seedShare(), d.seedRegularizer());
                return streams -> new CmaesSampler(streams, c);
            }
            case "nsga2": {
                Nsga2Options d = Nsga2Options.defaults();
                Nsga2Options n = new Nsga2Options(integer(o, "population_size", d.populationSize()),
                        number(o, "crossover_prob", d.crossoverProbability()), number(o, "crossover_eta", d.crossoverEta()),
                        number(o, "mutation_prob", d.mutationProbability()), number(o, "mutation_eta", d.mutationEta()));
                return streams -> new Nsga2Sampler(streams, n);
            }
            default:
                throw new CliException("sampler.type: sampler '" + spec.type() + "' is not available in this build");
        }
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
