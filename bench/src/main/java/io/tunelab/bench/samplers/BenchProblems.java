package io.tunelab.bench.samplers;

import io.tunelab.search.SearchException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue of {@code shared/bench/PROBLEMS.md}, by name, and two groups of classic functions that no sampler rule
 * was chosen on, to check that what holds on the catalogue holds beyond it: {@link #CLASSIC}, multimodal functions in
 * 5 and 6 dimensions ({@code --problems classic}), and {@link #SMALL}, functions of 2 and 3 parameters, the spaces of
 * the rules chosen on BBOB in 2-D ({@code --problems small}); and {@code zdt1_wide} and {@code zdt2_wide}, ZDT measured
 * from a reference point that runs of a few hundred trials reach ({@link Zdt}). {@code all} stays the catalogue.
 */
public final class BenchProblems {
    /** The name of the group of classic multimodal functions. */
    public static final String CLASSIC_GROUP = "classic";
    private static final Map<String, BenchProblem> ALL = new LinkedHashMap<>();
    /** The name of the group of classic functions of 2 and 3 parameters. */
    public static final String SMALL_GROUP = "small";
    private static final Map<String, BenchProblem> CLASSIC_PROBLEMS = new LinkedHashMap<>();
    private static final Map<String, BenchProblem> SMALL_PROBLEMS = new LinkedHashMap<>();
    private static final Map<String, BenchProblem> WIDE_PROBLEMS = new LinkedHashMap<>();
    /** 5 and 6 dimensions, 100 trials each, optima at the centre (Rastrigin, Ackley, Griewank) and away from it. */
    public static final List<String> CLASSIC;
    /** 2 and 3 dimensions, 100 trials each: smooth, valley, rugged and boundary optima. */
    public static final List<String> SMALL;
    /** Styblinski–Tang's minimum per dimension, at x = −2.903534... */
    static final double STYBLINSKI_TANG_PER_DIMENSION = -39.16616570377142;
    /** Schwefel's 5-D minimum, at x = 420.968746... in every coordinate (about 6e-5: the constant 418.9829 is rounded). */
    static final double SCHWEFEL5_OPTIMUM = TestFunctions.schwefel(new double[] {
        420.9687463, 420.9687463, 420.9687463, 420.9687463, 420.9687463});
    /** Michalewicz's 5-D minimum (m = 10), as published to seven digits. */
    static final double MICHALEWICZ5_OPTIMUM = -4.687658;
    /**
     * The minima of the small group's functions not known in closed form, found by a bounded quasi-Newton search from
     * the published minimisers (stated to more digits than published, so that no point falls below them).
     */
    static final double SIX_HUMP_CAMEL_OPTIMUM = -1.0316284534898774;
    static final double EGGHOLDER_OPTIMUM = -959.6406627208507;
    static final double HARTMANN3_OPTIMUM = -3.862779787332663;
    static final double MICHALEWICZ2_OPTIMUM = -1.8013034100985534;

    static {
        add(new ContinuousProblem("branin", new double[] {-5, 0}, new double[] {10, 15}, 0.39788735772973816, 100,
                TestFunctions::branin));
        add(ContinuousProblem.cube("hartmann6", 6, 0, 1, -3.322368011415515, 100, TestFunctions::hartmann6));
        add(ContinuousProblem.cube("rosenbrock5", 5, -5, 10, 0, 100, TestFunctions::rosenbrock));
        add(ContinuousProblem.cube("ackley10", 10, -32.768, 32.768, 0, 200, TestFunctions::ackley));
        add(ContinuousProblem.cube("styblinski_tang8", 8, -5, 5, -313.3293256301713, 200,
                TestFunctions::styblinskiTang));
        add(new HpoMixed());
        add(new Zdt(false, 100));
        add(new Zdt(true, 100));
        classic(ContinuousProblem.cube("rastrigin5", 5, -5.12, 5.12, 0, 100, TestFunctions::rastrigin));
        classic(ContinuousProblem.cube("ackley6", 6, -32.768, 32.768, 0, 100, TestFunctions::ackley));
        classic(ContinuousProblem.cube("levy5", 5, -10, 10, 0, 100, TestFunctions::levy));
        classic(ContinuousProblem.cube("griewank6", 6, -600, 600, 0, 100, TestFunctions::griewank));
        classic(ContinuousProblem.cube("schwefel5", 5, -500, 500, SCHWEFEL5_OPTIMUM, 100, TestFunctions::schwefel));
        classic(ContinuousProblem.cube("styblinski_tang5", 5, -5, 5, 5 * STYBLINSKI_TANG_PER_DIMENSION, 100,
                TestFunctions::styblinskiTang));
        classic(ContinuousProblem.cube("michalewicz5", 5, 0, Math.PI, MICHALEWICZ5_OPTIMUM, 100, TestFunctions::michalewicz));
        CLASSIC = List.copyOf(CLASSIC_PROBLEMS.keySet());
        small(new ContinuousProblem("six_hump_camel", new double[] {-3, -2}, new double[] {3, 2}, SIX_HUMP_CAMEL_OPTIMUM,
                100, TestFunctions::sixHumpCamel));
        small(ContinuousProblem.cube("goldstein_price", 2, -2, 2, 3, 100, TestFunctions::goldsteinPrice));
        small(ContinuousProblem.cube("himmelblau", 2, -5, 5, 0, 100, TestFunctions::himmelblau));
        small(ContinuousProblem.cube("beale", 2, -4.5, 4.5, 0, 100, TestFunctions::beale));
        small(ContinuousProblem.cube("eggholder", 2, -512, 512, EGGHOLDER_OPTIMUM, 100, TestFunctions::eggholder));
        small(ContinuousProblem.cube("michalewicz2", 2, 0, Math.PI, MICHALEWICZ2_OPTIMUM, 100, TestFunctions::michalewicz));
        small(ContinuousProblem.cube("hartmann3", 3, 0, 1, HARTMANN3_OPTIMUM, 100, TestFunctions::hartmann3));
        small(ContinuousProblem.cube("rastrigin3", 3, -5.12, 5.12, 0, 100, TestFunctions::rastrigin));
        SMALL = List.copyOf(SMALL_PROBLEMS.keySet());
        WIDE_PROBLEMS.put("zdt1_wide", new Zdt(false, 100, true));
        WIDE_PROBLEMS.put("zdt2_wide", new Zdt(true, 100, true));
    }

    private BenchProblems() {
    }

    private static void classic(BenchProblem p) {
        CLASSIC_PROBLEMS.put(p.name(), p);
    }

    private static void small(BenchProblem p) {
        SMALL_PROBLEMS.put(p.name(), p);
    }

    private static void add(BenchProblem p) {
        ALL.put(p.name(), p);
    }

    /** Every problem of the catalogue ({@code shared/bench/PROBLEMS.md}), single-objective first. */
    public static List<BenchProblem> all() {
        return List.copyOf(ALL.values());
    }

    /** The single-objective problems of the catalogue. */
    public static List<BenchProblem> singleObjective() {
        return ALL.values().stream().filter(p -> !p.isMultiObjective()).toList();
    }

    /** The problem called {@code name}, of the catalogue or a group; throws naming the known ones otherwise. */
    public static BenchProblem byName(String name) {
        BenchProblem p = ALL.containsKey(name) ? ALL.get(name)
                : CLASSIC_PROBLEMS.containsKey(name) ? CLASSIC_PROBLEMS.get(name)
                : SMALL_PROBLEMS.containsKey(name) ? SMALL_PROBLEMS.get(name) : WIDE_PROBLEMS.get(name);
        if (p == null) {
            throw new SearchException("unknown benchmark problem '" + name + "', expected one of " + names()
                    + ", 'all' (the catalogue), '" + CLASSIC_GROUP + "' (the classic group) or '" + SMALL_GROUP
                    + "' (the small group)");
        }
        return p;
    }

    /** Every problem's name: the catalogue's, then the classic group's, the small group's, and the wide ZDTs. */
    public static List<String> names() {
        List<String> out = new ArrayList<>(ALL.keySet());
        out.addAll(CLASSIC);
        out.addAll(SMALL);
        out.addAll(WIDE_PROBLEMS.keySet());
        return out;
    }

    /**
     * Problems from a comma-separated list of names; {@code all} means the catalogue, {@code classic} and {@code small}
     * the groups, and each problem is listed once.
     */
    public static List<BenchProblem> parse(String list) {
        Map<String, BenchProblem> out = new LinkedHashMap<>();
        for (String name : list.isBlank() ? new String[] {"all"} : list.split(",")) {
            String n = name.trim();
            if (n.equals("all")) {
                all().forEach(p -> out.put(p.name(), p));
            } else if (n.equals(CLASSIC_GROUP)) {
                CLASSIC_PROBLEMS.values().forEach(p -> out.put(p.name(), p));
            } else if (n.equals(SMALL_GROUP)) {
                SMALL_PROBLEMS.values().forEach(p -> out.put(p.name(), p));
            } else {
                BenchProblem p = byName(n);
                out.put(p.name(), p);
            }
        }
        return List.copyOf(out.values());
    }
}
