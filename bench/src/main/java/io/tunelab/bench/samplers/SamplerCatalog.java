package io.tunelab.bench.samplers;

import io.tunelab.search.SearchException;
import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.sampler.auto.AutoOptions;
import io.tunelab.search.sampler.auto.AutoSampler;
import io.tunelab.search.sampler.cmaes.CmaesSampler;
import io.tunelab.search.sampler.gp.GpOptions;
import io.tunelab.search.sampler.gp.GpSampler;
import io.tunelab.search.sampler.nsga2.Nsga2Sampler;
import io.tunelab.search.sampler.qmc.QmcSampler;
import io.tunelab.search.sampler.tpe.TpeOptions;
import io.tunelab.search.sampler.tpe.TpeSampler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The samplers every benchmark ({@code bench samplers}, {@code bench ask-cost}, {@code bench bbob}) can
 * run, by name, each built from the study's seeded streams: {@code random}, {@code tpe} (Tunelab's
 * defaults, multivariate and grouped), {@code tpe-optuna} and {@code tpe-optuna-multivariate} (Optuna
 * 3.1's TPE, univariate and multivariate), {@code gp}, {@code qmc} (scrambled Sobol), {@code nsga2},
 * {@code cmaes}, {@code auto}, and the ablations {@code auto-noportfolio} ({@code auto} with GP alone in its
 * GP phase, {@link AutoOptions#tpeEvery} and {@link AutoOptions#localEvery} 0), {@code auto-nolocal} ({@code auto}
 * without local GP steps), {@code auto-local} and {@code auto-local6} ({@code auto} with a local GP step every
 * third or sixth trial in spaces of any size), {@code auto-no-credit} ({@code auto} whose GP turn before each TPE
 * turn stays the GP's in spaces of any size, {@link AutoOptions#creditMinParameters} 0: {@code auto} before its
 * default became 4), {@code auto-credit4} (that turn by credit only in spaces of 4 or more parameters: {@code auto}
 * before its default became 1),
 * {@code gp-nowarp} and {@code auto-nowarp}
 * (GP, and {@code auto}'s GP phase, without {@link GpOptions#warpLosses}), {@code gp-local} (every trial a local
 * GP step, {@link GpOptions#withTrustRegion}: {@code auto}'s {@code gp-local} turns alone, for {@code bench
 * ask-cost}), {@code gp-whole} (the GP's acquisition over the whole unit cube, without
 * {@link GpOptions#adaptiveRegion}: {@code gp} before TuRBO-1's trust region, and {@code auto}'s GP turns),
 * {@code auto-whole} ({@code auto} whose GP turns search the whole cube in every space, {@link
 * AutoOptions#regionMinParameters} 0: {@code auto} before the region), {@code auto-region4} (the region from 4
 * parameters only, as between the forty-fifth and forty-sixth rules), {@code auto-region} ({@code auto} whose GP turns
 * keep that region even where the losses are too rugged for the model, {@link GpOptions#regionWhileExplained} off),
 * {@code auto-gain} ({@code auto} whose swing turn's credit compares gains per trial rather than rates of improvement
 * in spaces of at most {@link AutoOptions#LOCAL_MAX_PARAMETERS} parameters, {@link
 * AutoOptions#gainCreditMaxParameters}: the fifty-fifth and fifty-sixth rules' variant),
 * {@code tpe-no-small-candidates} ({@link TpeOptions#defaults()} with 24 EI candidates in small spaces too, {@link
 * TpeOptions#smallSpaceEiCandidates} 0), {@code tpe-no-credit} ({@code auto}'s TPE
 * turns alone, {@link AutoSampler#tpeDefaults()}: without the model credit and the small spaces'
 * candidates) and {@code tpe-univariate}, {@code tpe-no-improvement} and {@code tpe-scott}
 * ({@link TpeOptions#defaults()} with one refinement
 * switched off: multivariate modelling, improvement weights for the good group, or neighbour
 * bandwidths in favour of Optuna's Scott-like multivariate bandwidth). This table is the one place a
 * new sampler gets its benchmark name.
 */
public final class SamplerCatalog {
    private static final Map<String, Function<RandomStreams, Sampler>> ALL = new LinkedHashMap<>();
    /** The samplers that hand each trial to another, by the factory that wraps those delegates. */
    private static final Map<String, BiFunction<RandomStreams, UnaryOperator<Sampler>, Sampler>> PORTFOLIOS =
            new LinkedHashMap<>();
    /**
     * The samplers that handle several objectives, with every TPE variant; the others are skipped on multi-objective
     * problems.
     */
    private static final Set<String> MULTI_OBJECTIVE = Set.of("random", "qmc", "nsga2", "auto");

    static {
        AutoOptions anySize = AutoOptions.defaults().withLocalMaxParameters(Integer.MAX_VALUE);
        ALL.put("random", RandomSampler::new);
        ALL.put("tpe", TpeSampler::new);
        ALL.put("tpe-optuna", s -> new TpeSampler(s, TpeOptions.optuna()));
        ALL.put("tpe-optuna-multivariate", s -> new TpeSampler(s, TpeOptions.optuna().withMultivariate(true, true)));
        ALL.put("tpe-univariate", s -> new TpeSampler(s, TpeOptions.defaults().withMultivariate(false, false)));
        ALL.put("tpe-no-improvement", s -> new TpeSampler(s, TpeOptions.defaults().withRefinements(false, true, true)));
        ALL.put("tpe-scott", s -> new TpeSampler(s, TpeOptions.defaults().withRefinements(true, false, true)));
        ALL.put("tpe-no-credit", s -> new TpeSampler(s, AutoSampler.tpeDefaults()));
        ALL.put("tpe-no-small-candidates", s -> new TpeSampler(s, TpeOptions.defaults().withSmallSpaceEiCandidates(0)));
        ALL.put("tpe-no-credit-no-improvement", s -> new TpeSampler(s,
                AutoSampler.tpeDefaults().withRefinements(false, true, true)));
        ALL.put("gp", GpSampler::new);
        ALL.put("gp-nowarp", s -> new GpSampler(s, GpOptions.defaults().withWarpLosses(false)));
        ALL.put("gp-local", s -> new GpSampler(s, GpOptions.defaults().withTrustRegion(true)));
        ALL.put("gp-whole", s -> new GpSampler(s, GpOptions.defaults().withAdaptiveRegion(false)));
        ALL.put("qmc", QmcSampler::new);
        ALL.put("nsga2", Nsga2Sampler::new);
        ALL.put("cmaes", CmaesSampler::new);
        auto("auto", AutoOptions.defaults(), AutoSampler.gpDefaults());
        auto("auto-noportfolio", AutoOptions.defaults().withTpeEvery(0).withLocalEvery(0), AutoSampler.gpDefaults());
        auto("auto-nolocal", AutoOptions.defaults().withLocalEvery(0), AutoSampler.gpDefaults());
        auto("auto-local", anySize.withLocalEvery(3), AutoSampler.gpDefaults());
        auto("auto-local6", anySize.withLocalEvery(6), AutoSampler.gpDefaults());
        auto("auto-no-credit", AutoOptions.defaults().withCreditMinParameters(0), AutoSampler.gpDefaults());
        auto("auto-credit4", AutoOptions.defaults().withCreditMinParameters(4), AutoSampler.gpDefaults());
        auto("auto-nowarp", AutoOptions.defaults(), AutoSampler.gpDefaults().withWarpLosses(false));
        auto("auto-whole", AutoOptions.defaults().withRegionMinParameters(0), AutoSampler.gpDefaults());
        auto("auto-region4", AutoOptions.defaults().withRegionMinParameters(4), AutoSampler.gpDefaults());
        auto("auto-region", AutoOptions.defaults(), AutoSampler.gpDefaults().withRegionWhileExplained(false));
        auto("auto-gain", AutoOptions.defaults().withGainCreditMaxParameters(AutoOptions.LOCAL_MAX_PARAMETERS),
                AutoSampler.gpDefaults());
    }

    private SamplerCatalog() {
    }

    private static void auto(String name, AutoOptions options, GpOptions gpOptions) {
        PORTFOLIOS.put(name, (streams, decorator) -> AutoSampler.wrappingDelegates(streams, options, gpOptions, decorator));
        ALL.put(name, streams -> new AutoSampler(streams, options, gpOptions));
    }

    /** Known sampler names. */
    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    /** The factory of sampler {@code name}; throws naming the known ones otherwise. */
    public static Function<RandomStreams, Sampler> factory(String name) {
        Function<RandomStreams, Sampler> f = ALL.get(name);
        if (f == null) {
            throw new SearchException("unknown sampler '" + name + "', expected one of " + ALL.keySet());
        }
        return f;
    }

    /**
     * The factory of sampler {@code name} whose delegates, if it hands each trial to another ({@code auto} and its
     * variants, see {@link AutoSampler#wrappingDelegates}), are each wrapped by {@code decorator}; for any other sampler
     * {@link #factory(String)}.
     */
    public static Function<RandomStreams, Sampler> factory(String name, UnaryOperator<Sampler> decorator) {
        Function<RandomStreams, Sampler> plain = factory(name);
        BiFunction<RandomStreams, UnaryOperator<Sampler>, Sampler> portfolio = PORTFOLIOS.get(name);
        return portfolio == null ? plain : streams -> portfolio.apply(streams, decorator);
    }

    /** Whether the sampler handles studies with several objectives (GP and CMA-ES handle one). */
    public static boolean supportsMultiObjective(String name) {
        factory(name);
        return MULTI_OBJECTIVE.contains(name) || name.startsWith("tpe");
    }

    /** Names from a comma-separated list, each checked. */
    public static List<String> parse(String list) {
        List<String> out = new ArrayList<>();
        for (String name : list.split(",")) {
            factory(name.trim());
            out.add(name.trim());
        }
        return out;
    }
}
