package io.tunelab.cli.wiring;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.error.ProblemList;
import io.tunelab.search.sampler.SamplerException;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.ExponentialDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.spec.StudySpec;
import io.tunelab.trainers.params.Hyperparameter;
import io.tunelab.trainers.params.Hyperparameters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The effective configuration of a study file's trials: every hyperparameter its trainer reads, either
 * searched (over the file's space, or over the trainer's built-in range with {@code include: defaults})
 * or fixed (by the file, by the trainer's name, or at the trainer's default). Resolving it checks the
 * file against the trainer's catalogue, so a file whose trials could not run, or would silently ignore
 * a parameter, is refused before anything runs. Immutable.
 */
public final class EffectiveConfiguration {

    /** Where a parameter's value comes from. */
    public enum Source {
        SPACE("space"), BUILT_IN("built-in range"), FILE("fit"), TRAINER("trainer"), DEFAULT("default");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        /** How the dry run names it. */
        public String label() {
            return label;
        }
    }

    /**
     * One hyperparameter of every trial.
     *
     * @param name         as trials see it ({@code n_units_l{i}} for a per-layer parameter left at its default)
     * @param source       where its value comes from
     * @param distribution what it is searched over; null when it is fixed
     * @param shown        the fixed value as documentation shows it; null when it is searched
     */
    public record Setting(String name, Source source, Distribution distribution, String shown) {
        public boolean isSearched() {
            return distribution != null;
        }
    }

    private final String trainer;
    private final List<Setting> settings;

    private EffectiveConfiguration(String trainer, List<Setting> settings) {
        this.trainer = trainer;
        this.settings = List.copyOf(settings);
    }

    /**
     * Checks {@code spec} against the hyperparameters its trainer reads and says where each comes from.
     *
     * @param trainer    the trainer, as messages name it, e.g. {@code tribuo-random-forest (regression)}
     * @param catalogue  the hyperparameters the trainer reads for this study's data
     * @param byFile     values the file fixes outside its space (the {@code fit} section), by parameter
     * @param byTrainer  values the trainer's name fixes (the DJL {@code model}), by parameter
     * @throws CliException naming the field of each problem found: an option in the trainer section (no trainer
     *                      takes one), a space parameter the trainer does not read or cannot read from its distribution,
     *                      a choice or a range's end the trainer does not admit ({@link Hyperparameter#firstRefused}),
     *                      {@code include: defaults} for a trainer without built-in ranges, or a grid sampler over a
     *                      continuous built-in range
     */
    public static EffectiveConfiguration resolve(String trainer, Hyperparameters catalogue, StudySpec spec,
                                                 Map<String, Object> byFile, Map<String, Object> byTrainer) {
        ProblemList problems = new ProblemList();
        problems.check(() -> OptionNames.checkTrainer(spec, catalogue));
        List<Setting> settings = new ArrayList<>();
        Map<String, Distribution> space = spec.space().distributions();
        space.forEach((name, distribution) -> problems.check(() -> {
            Hyperparameter h = catalogue.find(name).orElseThrow(() -> new CliException("space." + name + ": " + trainer
                    + " has no parameter '" + name + "'" + LibraryHints.forParameter(name, catalogue)
                    .orElseGet(() -> catalogue.didYouMean(name)) + "; it reads "
                    + String.join(", ", catalogue.names())));
            if (!h.accepts(distribution)) {
                throw new CliException("space." + name + ": " + trainer + " reads '" + name + "' as " + h.describeKind()
                        + " (default " + h.describeDefault() + "), but " + distribution.describe() + " has other values");
            }
            h.firstRefused(distribution).ifPresent(value -> {
                throw new CliException("space." + name + ": " + trainer + " cannot read " + (value instanceof String
                        ? "'" + value + "'" : Hyperparameter.show(value)) + " (of " + distribution.describe() + "): '" + name
                        + "' must be " + h.allowed().describe() + LibraryHints.forChoice(h, value).orElse(""));
            });
            settings.add(new Setting(name, Source.SPACE, distribution, null));
        }));
        boolean builtIn = spec.space().includesDefaults();
        if (builtIn && catalogue.ranges().isEmpty()) {
            problems.add("space.include: " + trainer + " has no built-in ranges; name each parameter to"
                    + " search in the space instead of include: defaults");
        }
        problems.throwIfAny();
        for (Hyperparameter h : catalogue.all()) {
            if (named(h, space.keySet())) {
                continue;
            }
            if (byTrainer.containsKey(h.name())) {
                settings.add(new Setting(h.name(), Source.TRAINER, null, Hyperparameter.show(byTrainer.get(h.name()))));
            } else if (byFile.containsKey(h.name())) {
                settings.add(new Setting(h.name(), Source.FILE, null, Hyperparameter.show(byFile.get(h.name()))));
            } else if (builtIn && h.hasRange()) {
                settings.add(new Setting(h.name(), Source.BUILT_IN, h.range(), null));
            } else {
                settings.add(new Setting(h.name(), Source.DEFAULT, null, h.describeDefault()));
            }
        }
        EffectiveConfiguration configuration = new EffectiveConfiguration(trainer, settings);
        if (spec.sampler().type().equals("grid") && builtIn) {
            configuration.searched().stream().filter(s -> s.source() == Source.BUILT_IN && !finite(s.distribution()))
                    .findFirst().ifPresent(s -> {
                        throw new CliException("space.include: the grid sampler needs a finite set of values for every"
                                + " searched parameter, but " + trainer + "'s built-in range of '" + s.name() + "' is "
                                + s.distribution().describe() + "; name " + s.name() + " in the space with a choice or a step");
                    });
            try {
                SearchComponents.grid(spec.space(), configuration.searchSpace());
            } catch (SamplerException e) {
                throw new CliException("space.include: the grid sampler would search " + trainer + "'s built-in ranges,"
                        + " and " + e.getMessage());
            }
        }
        return configuration;
    }

    private static boolean finite(Distribution d) {
        return !(d instanceof ExponentialDistribution) && !(d instanceof FloatDistribution f && !f.hasStep() && !f.isSingle());
    }

    private static boolean named(Hyperparameter h, Set<String> space) {
        return space.contains(h.name()) || h.isPerLayer() && space.stream().anyMatch(h::matches);
    }

    /** The trainer, as messages name it. */
    public String trainer() {
        return trainer;
    }

    /** Every parameter: the searched ones first (the file's space in order, then built-in ranges), then the fixed ones. */
    public List<Setting> settings() {
        List<Setting> ordered = new ArrayList<>(searched());
        settings.stream().filter(s -> !s.isSearched()).forEach(ordered::add);
        return ordered;
    }

    /** The searched parameters: the file's space in order, then built-in ranges. */
    public List<Setting> searched() {
        return settings.stream().filter(Setting::isSearched).toList();
    }

    /** The fixed parameters, in the trainer's documentation order. */
    public List<Setting> fixed() {
        return settings.stream().filter(s -> !s.isSearched()).toList();
    }

    /** The distributions the sampler sees, by parameter: the file's space, then the built-in ranges searched. */
    public Map<String, Distribution> searchSpace() {
        Map<String, Distribution> out = new LinkedHashMap<>();
        searched().forEach(s -> out.put(s.name(), s.distribution()));
        return Collections.unmodifiableMap(out);
    }
}
