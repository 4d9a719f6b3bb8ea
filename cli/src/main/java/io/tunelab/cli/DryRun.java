package io.tunelab.cli;

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
        new StudySummary(spec).print(out);
        out.println();
        List<SpaceParameter> parameters = spec.space().parameters();
        out.println("Search space (" + parameters.size() + (parameters.size() == 1 ? " parameter" : " parameters")
                + ", suggested in this order):");
        TextTable space = new TextTable("PARAMETER", "DISTRIBUTION", "ONLY WHEN");
        parameters.forEach(p -> space.row(p.name(), p.distribution().describe(), p.describeConditions()));
        space.print(out, "  ");
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
        String[] headers = new String[configs.size() + 1];
        headers[0] = "PARAMETER";
        for (int i = 0; i < configs.size(); i++) {
            headers[i + 1] = "#" + i;
        }
        TextTable table = new TextTable(headers);
        for (SpaceParameter p : spec.space().parameters()) {
            String[] row = new String[headers.length];
            row[0] = p.name();
            for (int i = 0; i < configs.size(); i++) {
                row[i + 1] = configs.get(i).containsKey(p.name()) ? show(configs.get(i).get(p.name())) : "-";
            }
            table.row(row);
        }
        table.print(out, "  ");
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
