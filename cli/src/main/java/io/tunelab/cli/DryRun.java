package io.tunelab.cli;

import io.tunelab.cli.output.TextTable;
import io.tunelab.spec.SpaceParameter;
import io.tunelab.spec.StudySpec;
import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.Trial;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code tunelab run --dry-run} prints for a valid study file: a summary, the search space as a
 * table, and configurations sampled by a random sampler with the study's seed over a throw-away
 * in-memory study. Nothing trains and nothing is stored.
 */
final class DryRun {
    private final StudySpec spec;
    private final String file;

    DryRun(StudySpec spec, String file) {
        this.spec = spec;
        this.file = file;
    }

    void print(PrintWriter out, int samples) {
        out.println(file + ": valid study '" + spec.study() + "'");
        new StudyFileSummary(spec).print(out);
        out.println();
        List<SpaceParameter> parameters = spec.space().parameters();
        out.println("Search space (" + parameters.size() + (parameters.size() == 1 ? " parameter" : " parameters")
                + ", suggested in this order):");
        List<List<Object>> space = new ArrayList<>();
        parameters.forEach(p -> space.add(List.of(p.name(), p.distribution().describe(), p.describeConditions())));
        new TextTable(List.of("PARAMETER", "DISTRIBUTION", "ONLY WHEN"), space).print(out, "  ");
        out.println();
        out.println(samples + (samples == 1 ? " configuration" : " configurations") + " from a random sampler with"
                + " seed " + spec.sampler().seed() + " (dry run: nothing is trained or stored; '-' = not used):");
        printSamples(out, sample(samples));
    }

    /** The first {@code count} trials' parameters under a random sampler seeded like the study. */
    private List<Map<String, Object>> sample(int count) {
        Study study = Study.builder(spec.study())
                .directions(spec.directions().toArray(new Direction[0]))
                .seed(spec.sampler().seed())
                .sampler(RandomSampler::new)
                .create();
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Trial trial = study.ask();
            out.add(spec.space().suggest(trial));
        }
        return out;
    }

    private void printSamples(PrintWriter out, List<Map<String, Object>> configs) {
        List<String> headers = new ArrayList<>();
        headers.add("PARAMETER");
        for (int i = 0; i < configs.size(); i++) {
            headers.add("#" + i);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (SpaceParameter p : spec.space().parameters()) {
            List<Object> row = new ArrayList<>();
            row.add(p.name());
            for (Map<String, Object> config : configs) {
                row.add(config.containsKey(p.name()) ? show(config.get(p.name())) : "-");
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
