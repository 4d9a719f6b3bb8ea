package io.tunelab.cli;

import io.tunelab.cli.output.Numbers;
import io.tunelab.cli.output.TextTable;
import io.tunelab.cli.wiring.CsvFileChecks;
import io.tunelab.cli.wiring.EffectiveConfiguration;
import io.tunelab.cli.wiring.EffectiveConfiguration.Setting;
import io.tunelab.cli.wiring.EffectiveConfiguration.Source;
import io.tunelab.cli.wiring.SearchComponents;
import io.tunelab.search.sampler.GridSampler;
import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.study.Study;
import io.tunelab.search.study.StudyBuilder;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.Trial;
import io.tunelab.spec.SpaceParameter;
import io.tunelab.spec.StudySpec;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code tunelab run --dry-run} prints for a valid study file: a summary, the search space as a
 * table, the effective configuration of the first sampled trials (each searched parameter's value and
 * where it is searched from) and the parameters fixed in every trial with their values and where they
 * come from. Trials are sampled over a throw-away in-memory study with the study's seed: by the grid
 * sampler for a grid study, by a random sampler otherwise. Nothing trains and nothing is stored. For a study that
 * already has trials in the storage, it also gives the notice {@code run} would give when the file's search space
 * differs from the stored one.
 */
final class DryRun {
    private final StudySpec spec;
    private final EffectiveConfiguration configuration;
    private final String file;

    DryRun(StudySpec spec, EffectiveConfiguration configuration, String file) {
        this.spec = spec;
        this.configuration = configuration;
        this.file = file;
    }

    /**
     * Prints the preview with {@code samples} sampled configurations.
     *
     * @param spaceChange the notice that the existing study resumes with a changed search space, or empty
     */
    void print(PrintWriter out, int samples, Optional<String> spaceChange) {
        out.println(file + ": valid study '" + spec.study() + "'");
        new StudyFileSummary(spec).print(out);
        CsvFileChecks.sampledNote(spec).ifPresent(out::println);
        spaceChange.ifPresent(out::println);
        out.println();
        List<SpaceParameter> parameters = spec.space().parameters();
        List<List<Object>> space = new ArrayList<>();
        parameters.forEach(p -> space.add(List.of(p.name(), p.distribution().describe(), p.describeConditions())));
        configuration.searched().stream().filter(s -> s.source() == Source.BUILT_IN)
                .forEach(s -> space.add(List.of(s.name(), s.distribution().describe() + " (built-in, include: defaults)", "")));
        out.println("Search space (" + Numbers.count(space.size(), "parameter") + ", suggested in this order):");
        new TextTable(List.of("PARAMETER", "DISTRIBUTION", "ONLY WHEN"), space).print(out, "  ");
        out.println();
        List<Map<String, Object>> configs = sample(samples, out);
        printSamples(out, configs);
        out.println();
        List<Setting> fixed = configuration.fixed();
        if (fixed.isEmpty()) {
            out.println("Fixed in every trial: nothing; the space names every parameter " + configuration.trainer() + " reads.");
            return;
        }
        out.println("Fixed in every trial: the " + (fixed.size() == 1 ? "other parameter " : "other " + fixed.size()
                + " parameters ") + configuration.trainer() + " reads:");
        List<List<Object>> rows = new ArrayList<>();
        fixed.forEach(s -> rows.add(List.of(s.name(), s.shown(), s.source().label())));
        new TextTable(List.of("PARAMETER", "VALUE", "FROM"), rows).print(out, "  ");
        out.println("  (settings no trial of this file reads, such as other schedules' or optimizers' options, are left out:"
                + " they would have no effect)");
    }

    /** The first {@code count} trials' searched parameters, under the grid or a random sampler seeded like the study. */
    private List<Map<String, Object>> sample(int count, PrintWriter out) {
        StudyBuilder builder = Study.builder(spec.study())
                .directions(spec.directions().toArray(new Direction[0]))
                .seed(spec.sampler().seed());
        int n = count;
        if (spec.sampler().type().equals("grid")) {
            GridSampler grid = SearchComponents.grid(spec.space(), configuration.searchSpace());
            n = Math.min(count, grid.size());
            builder.sampler(streams -> grid);
            out.println(Numbers.count(n, "configuration") + " from the grid sampler: the first " + n + " of its " + grid.size()
                    + " points (dry run: nothing is trained or stored; '-' = not used):");
        } else {
            builder.sampler(RandomSampler::new);
            out.println(Numbers.count(n, "configuration") + " from " + randomSource(spec.sampler().type()) + " with seed "
                    + spec.sampler().seed() + " (dry run: nothing is trained or stored; '-' = not used):");
        }
        Study study = builder.create();
        List<Map<String, Object>> configs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Trial trial = study.ask();
            spec.space().suggest(trial);
            configuration.searched().stream().filter(s -> s.source() == Source.BUILT_IN)
                    .forEach(s -> trial.suggest(s.name(), s.distribution()));
            configs.add(trial.params());
        }
        return configs;
    }

    /** What the random configurations stand for: a model-based sampler's random start-up trials, else a random sampler. */
    static String randomSource(String sampler) {
        String name = switch (sampler) {
            case "tpe" -> "TPE";
            case "gp" -> "GP";
            case "cmaes" -> "CMA-ES";
            default -> null;
        };
        return name == null ? "a random sampler" : name + "'s random start-up trials (it models the results only after them),";
    }

    private void printSamples(PrintWriter out, List<Map<String, Object>> configs) {
        List<String> headers = new ArrayList<>(List.of("PARAMETER", "FROM"));
        for (int i = 0; i < configs.size(); i++) {
            headers.add("#" + i);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Setting s : configuration.searched()) {
            List<Object> row = new ArrayList<>(List.of(s.name(), s.source().label()));
            for (Map<String, Object> config : configs) {
                row.add(config.containsKey(s.name()) ? show(config.get(s.name())) : "-");
            }
            rows.add(row);
        }
        new TextTable(headers, rows).print(out, "  ");
    }

    /** Four significant digits for floats, as they are for everything else. */
    static String show(Object value) {
        if (!(value instanceof Double d)) {
            return String.valueOf(value);
        }
        double abs = Math.abs(d);
        if (abs != 0 && (abs < 1e-4 || abs >= 1e6)) {
            return String.format(Locale.ROOT, "%.3e", d);
        }
        return new BigDecimal(d).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
