package io.tunelab.bench.samplers;

import io.tunelab.search.SearchException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The catalogue of {@code shared/bench/PROBLEMS.md}, by name. */
public final class BenchProblems {
    private static final Map<String, BenchProblem> ALL = new LinkedHashMap<>();

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
    }

    private BenchProblems() {
    }

    private static void add(BenchProblem p) {
        ALL.put(p.name(), p);
    }

    /** Every problem, single-objective first. */
    public static List<BenchProblem> all() {
        return List.copyOf(ALL.values());
    }

    /** The single-objective problems. */
    public static List<BenchProblem> singleObjective() {
        return ALL.values().stream().filter(p -> !p.isMultiObjective()).toList();
    }

    /** The problem called {@code name}; throws naming the known ones otherwise. */
    public static BenchProblem byName(String name) {
        BenchProblem p = ALL.get(name);
        if (p == null) {
            throw new SearchException("unknown benchmark problem '" + name + "', expected one of " + ALL.keySet());
        }
        return p;
    }

    /** Problems from a comma-separated list; {@code all} means every problem. */
    public static List<BenchProblem> parse(String list) {
        if (list.isBlank() || list.trim().equals("all")) {
            return all();
        }
        List<BenchProblem> out = new ArrayList<>();
        for (String name : list.split(",")) {
            out.add(byName(name.trim()));
        }
        return out;
    }
}
