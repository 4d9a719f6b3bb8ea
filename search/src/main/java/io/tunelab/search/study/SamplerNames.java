package io.tunelab.search.study;

import io.tunelab.search.sampler.GridSampler;
import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.sampler.SamplerException;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The built-in samplers by name, as a study file names them: {@value #LIST}. Each is a factory for
 * {@link StudyBuilder#sampler(Function)}, so the study's seed seeds it:
 * {@code Study.builder("s").seed(42).sampler(SamplerNames.byName("tpe"))}. Options take the names of a study file's
 * {@code sampler:} block (Optuna's argument names, e.g. {@code startup_trials}); absent ones take the sampler's defaults.
 */
public final class SamplerNames {
    /** The names, in the order error messages list them. */
    public static final List<String> NAMES = List.of("auto", "random", "grid", "qmc", "tpe", "gp", "cmaes", "nsga2");
    static final String LIST = "auto, random, grid, qmc, tpe, gp, cmaes, nsga2";

    private SamplerNames() {
    }

    /**
     * The sampler called {@code name} with its default options.
     *
     * @throws SamplerException for a name not in {@link #NAMES}, naming it and listing the valid ones, and for
     *                          {@code grid}, which needs its points ({@link #byName(String, Map, Supplier)})
     */
    public static Function<RandomStreams, Sampler> byName(String name) {
        return byName(name, Map.of(), null);
    }

    /**
     * The sampler called {@code name} with {@code options} (numbers for numeric options, booleans for switches).
     *
     * @param grid the grid sampler, asked for only when {@code name} is {@code grid}; null when there is none
     * @throws SamplerException for an unknown name (listing the valid ones), an option the sampler does not have
     *                          (listing those it has), an option of the wrong type, or {@code grid} without a grid
     */
    public static Function<RandomStreams, Sampler> byName(String name, Map<String, ?> options, Supplier<GridSampler> grid) {
        if (name == null || !NAMES.contains(name)) {
            throw new SamplerException("sampler: unknown sampler '" + name + "'; expected one of " + LIST);
        }
        Options o = new Options(name, options);
        Function<RandomStreams, Sampler> factory = switch (name) {
            case "random" -> RandomSampler::new;
            case "grid" -> {
                if (grid == null) {
                    throw new SamplerException("sampler: 'grid' needs its points: build a GridSampler over the search space");
                }
                GridSampler g = grid.get();
                yield streams -> g;
            }
            case "qmc" -> {
                boolean scramble = o.bool("scramble", true);
                yield streams -> new QmcSampler(streams, scramble, Map.of());
            }
            case "tpe" -> tpe(o);
            case "gp" -> gp(o);
            case "cmaes" -> cmaes(o);
            case "nsga2" -> nsga2(o);
            default -> auto(o);
        };
        o.checkAllRead();
        return factory;
    }

    private static Function<RandomStreams, Sampler> tpe(Options o) {
        TpeOptions d = TpeOptions.defaults();
        boolean multivariate = o.bool("multivariate", d.multivariate());
        TpeOptions t = new TpeOptions(o.integer("startup_trials", d.startupTrials()),
                o.integer("ei_candidates", d.eiCandidates()), o.number("gamma", d.gammaFraction()),
                d.gammaCap(), o.number("prior_weight", d.priorWeight()), d.magicClip(),
                o.bool("consider_endpoints", d.considerEndpoints()), multivariate,
                o.bool("group", d.group()) && multivariate, o.bool("constant_liar", d.constantLiar()))
                .withModelCredit(o.bool("model_credit", d.modelCredit()))
                .withSmallSpaceEiCandidates(o.integer("small_space_ei_candidates",
                        o.has("ei_candidates") ? 0 : d.smallSpaceEiCandidates()));
        return streams -> new TpeSampler(streams, t);
    }

    private static Function<RandomStreams, Sampler> gp(Options o) {
        GpOptions d = GpOptions.defaults();
        GpOptions g = new GpOptions(o.integer("startup_trials", d.startupTrials()),
                o.integer("max_points", d.fitCap()), o.integer("restarts", d.restarts()), d.restartsUntil(),
                d.randomCandidates(), d.localStarts(), d.warpLosses(), d.warpMinParameters(), d.trustRegion(),
                o.bool("adaptive_region", d.adaptiveRegion()));
        return streams -> new GpSampler(streams, g);
    }

    private static Function<RandomStreams, Sampler> auto(Options o) {
        AutoOptions d = AutoOptions.defaults();
        AutoOptions a = new AutoOptions(o.integer("gp_trials_per_dimension", d.gpTrialsPerDimension()),
                d.maxGpTrials(), d.stallTrialsPerDimension(), o.integer("tpe_every", d.tpeEvery()),
                o.integer("local_every", d.localEvery()), d.localMaxParameters(), d.creditMinParameters(),
                d.regionMinParameters(), d.gainCreditMaxParameters());
        return streams -> new AutoSampler(streams, a);
    }

    private static Function<RandomStreams, Sampler> cmaes(Options o) {
        CmaOptions d = CmaOptions.defaults();
        CmaOptions c = new CmaOptions(o.integer("startup_trials", d.startupTrials()),
                o.integer("popsize", d.popsize()), o.number("sigma0", d.sigma0()), o.bool("margin", d.margin()),
                o.bool("restarts", d.restarts()), d.seedShare(), d.seedRegularizer());
        return streams -> new CmaesSampler(streams, c);
    }

    private static Function<RandomStreams, Sampler> nsga2(Options o) {
        Nsga2Options d = Nsga2Options.defaults();
        Nsga2Options n = new Nsga2Options(o.integer("population_size", d.populationSize()),
                o.number("crossover_prob", d.crossoverProbability()), o.number("crossover_eta", d.crossoverEta()),
                o.number("mutation_prob", d.mutationProbability()), o.number("mutation_eta", d.mutationEta()));
        return streams -> new Nsga2Sampler(streams, n);
    }

    /** A sampler's options as given, remembering which names it read so that a name it has not is refused. */
    private static final class Options {
        private final String sampler;
        private final Map<String, ?> given;
        private final Set<String> read = new TreeSet<>();

        Options(String sampler, Map<String, ?> given) {
            this.sampler = sampler;
            this.given = given == null ? Map.of() : given;
        }

        boolean has(String name) {
            return given.containsKey(name);
        }

        int integer(String name, int fallback) {
            return get(name, Number.class, "a whole number") instanceof Number n ? n.intValue() : fallback;
        }

        double number(String name, double fallback) {
            return get(name, Number.class, "a number") instanceof Number n ? n.doubleValue() : fallback;
        }

        boolean bool(String name, boolean fallback) {
            return get(name, Boolean.class, "true or false") instanceof Boolean b ? b : fallback;
        }

        private Object get(String name, Class<?> type, String expected) {
            read.add(name);
            Object v = given.get(name);
            if (v != null && !type.isInstance(v)) {
                throw new SamplerException("sampler '" + sampler + "': option '" + name + "' must be " + expected + ", got " + v);
            }
            return v;
        }

        void checkAllRead() {
            for (String name : new TreeSet<>(given.keySet())) {
                if (!read.contains(name)) {
                    throw new SamplerException("sampler '" + sampler + "' has no option '" + name + "'; "
                            + (read.isEmpty() ? "it takes none" : "its options: " + String.join(", ", read)));
                }
            }
        }
    }
}
