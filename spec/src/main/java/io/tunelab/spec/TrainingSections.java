package io.tunelab.spec;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads the {@code trainer}, {@code data} and {@code fit} sections. */
final class TrainingSections {
    static final int MAX_EPOCHS = 1_000_000;
    static final int MAX_BATCH = 1_000_000;
    private static final List<String> SPLITS = List.of("valid_split", "test_split");

    private TrainingSections() {
    }

    /** {@code trainer: djl-mlp} or {@code trainer: {name: djl-mlp, ...options}}; null after a problem. */
    static TrainerSpec trainer(Node node, SpecCatalog catalog, Problems problems) {
        Named named = named(node, "trainer", "name", "trainer", catalog.trainers(), problems);
        return named == null ? null : new TrainerSpec(named.name(), named.options());
    }

    /** A name from {@code known}, as a scalar or under {@code key} of a mapping whose other keys are free-form. */
    private static Named named(Node node, String path, String key, String what, Set<String> known, Problems problems) {
        return named(node, path, key, what, known, problems, UnaryOperator.identity(), given -> Optional.empty());
    }

    /**
     * The same, reading a name as {@code spelling} makes it (one spelling kept of several a file may use), and
     * telling of an unknown name what {@code hint} says of it instead of the closest known name when it says anything.
     */
    private static Named named(Node node, String path, String key, String what, Set<String> known, Problems problems,
                               UnaryOperator<String> spelling, Function<String, Optional<String>> hint) {
        Fields f = node instanceof ScalarNode ? null : Fields.of(node, path, problems);
        if (f == null && !(node instanceof ScalarNode)) {
            return null;
        }
        Node nameNode = f == null ? node : f.require(key);
        String namePath = f == null ? path : f.path(key);
        String given = nameNode == null ? null : Values.text(nameNode, namePath, problems);
        String name = given == null ? null : spelling.apply(given);
        if (name != null && !known.contains(name)) {
            problems.at(nameNode, namePath, "unknown " + what + " " + Texts.quote(given)
                    + hint.apply(given).map(h -> "; " + h).orElse(Texts.didYouMean(given, known))
                    + "; expected " + Texts.oneOf(known));
            return null;
        }
        Map<String, Object> options = f == null ? Map.of() : freeForm(f, List.of(key));
        return name == null || options == null ? null : new Named(name, options);
    }

    private record Named(String name, Map<String, Object> options) {
    }

    /** {@code data: {dataset: fashion-mnist, valid_split: 5000, ...}} or {@code data: fashion-mnist}. */
    static DataSpec data(Node node, Problems problems) {
        if (node instanceof ScalarNode) {
            String dataset = Values.text(node, "data", problems);
            return dataset == null ? null : new DataSpec(dataset, Map.of());
        }
        Fields f = Fields.of(node, "data", problems);
        if (f == null) {
            return null;
        }
        int before = problems.count();
        String dataset = f.text("dataset", true);
        for (String split : SPLITS) {
            if (f.has(split)) {
                split(f.get(split), f.path(split), problems);
            }
        }
        Map<String, Object> options = freeForm(f, List.of("dataset"));
        return problems.count() == before ? new DataSpec(dataset, options) : null;
    }

    /** A split is a count of examples (integer >= 1) or a fraction in (0, 1). */
    private static void split(Node node, String path, Problems problems) {
        Object value = node instanceof ScalarNode s ? Scalars.value(s) : null;
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            Values.integer(node, path, Range.closed(1, Integer.MAX_VALUE), problems);
        } else if (value instanceof Double) {
            Values.number(node, path, Range.openUnit(), problems);
        } else {
            problems.at(node, path, "expected a count of examples (e.g. 5000) or a fraction (e.g. 0.1), got "
                    + Values.describe(node));
        }
    }

    /** Every key except {@code skip} as plain values; null when one of them is malformed. */
    private static Map<String, Object> freeForm(Fields f, List<String> skip) {
        int before = f.problems().count();
        Map<String, Object> options = new LinkedHashMap<>();
        for (NodeTuple entry : f.entries()) {
            String key = Fields.keyText(entry);
            if (!skip.contains(key)) {
                options.put(key, Values.plain(entry.getValueNode(), f.path(key), f.problems()));
            }
        }
        return f.problems().count() == before ? options : null;
    }

    /**
     * {@code fit: {epochs, batch_size, early_stopping: {...}, schedule: {...}, tensorboard_dir,
     * summaries: {histograms, images, evaluation}, checkpoint_every}};
     * defaults when absent.
     */
    static FitSpec fit(Node node, String metric, SpecCatalog catalog, Problems problems) {
        if (node == null) {
            return FitSpec.DEFAULT;
        }
        Fields f = Fields.of(node, "fit", problems);
        if (f == null) {
            return null;
        }
        f.allow(List.of("epochs", "batch_size", "early_stopping", "schedule", "tensorboard_dir", "summaries", "checkpoint_every"),
                key -> KerasHints.forFitKey(key, catalog.schedules()));
        int before = problems.count();
        Long epochs = f.integer("epochs", Range.closed(1, MAX_EPOCHS), false);
        Long batch = f.integer("batch_size", Range.closed(1, MAX_BATCH), false);
        FitSpec.EarlyStopping stopping = f.has("early_stopping") ? earlyStopping(f.get("early_stopping"), metric, problems) : null;
        FitSpec.Schedule schedule = f.has("schedule") ? schedule(f.get("schedule"), catalog, problems) : null;
        String tensorboardDir = f.text("tensorboard_dir", false);
        FitSpec.Summaries summaries = f.has("summaries") ? summaries(f.get("summaries"), epochs, problems) : null;
        Long checkpointEvery = f.integer("checkpoint_every", Range.closed(1, MAX_EPOCHS), false);
        if (epochs != null && checkpointEvery != null && checkpointEvery > epochs) {
            problems.at(f.get("checkpoint_every"), f.path("checkpoint_every"), "every " + checkpointEvery + " epochs, but"
                    + " fit.epochs is " + epochs + ", so no checkpoint would be saved; expected at most " + epochs);
        }
        if (problems.count() != before) {
            return null;
        }
        return new FitSpec(epochs == null ? null : epochs.intValue(), batch == null ? null : batch.intValue(),
                stopping, schedule, tensorboardDir, summaries, checkpointEvery == null ? null : checkpointEvery.intValue());
    }

    private static FitSpec.Summaries summaries(Node node, Long epochs, Problems problems) {
        Fields f = Fields.of(node, "fit.summaries", problems);
        if (f == null) {
            return null;
        }
        f.allow(List.of("histograms", "images", "evaluation"));
        int before = problems.count();
        Long histograms = f.integer("histograms", Range.closed(0, MAX_EPOCHS), false);
        Long images = f.integer("images", Range.closed(0, MAX_EPOCHS), false);
        Boolean evaluation = f.bool("evaluation");
        for (String key : List.of("histograms", "images")) {
            Long every = key.equals("images") ? images : histograms;
            if (epochs != null && every != null && every > epochs) {
                problems.at(f.get(key), f.path(key), "every " + every + " epochs, but fit.epochs is " + epochs
                        + ", so nothing would be logged; expected at most " + epochs + ", or 0 for none");
            }
        }
        if (problems.count() != before) {
            return null;
        }
        return new FitSpec.Summaries(histograms == null ? 0 : histograms.intValue(), images == null ? 0 : images.intValue(),
                evaluation == null || evaluation);
    }

    private static FitSpec.EarlyStopping earlyStopping(Node node, String metric, Problems problems) {
        Fields f = Fields.of(node, "fit.early_stopping", problems);
        if (f == null) {
            return null;
        }
        f.allow(List.of("patience", "min_delta", "restore_best", "monitor"));
        Long patience = f.integer("patience", Range.closed(0, MAX_EPOCHS), true);
        Double minDelta = f.number("min_delta", Range.atLeast(0), false);
        Boolean restore = f.bool("restore_best");
        String monitor = f.text("monitor", false);
        if (patience == null) {
            return null;
        }
        return new FitSpec.EarlyStopping(monitor != null ? monitor : metric, patience.intValue(),
                minDelta == null ? 0 : minDelta, restore == null || restore, monitor != null);
    }

    private static FitSpec.Schedule schedule(Node node, SpecCatalog catalog, Problems problems) {
        // one_cycle as the hyperparameter lr_schedule spells it; one-cycle (the schedules' old spelling) reads the same
        Named named = named(node, "fit.schedule", "type", "schedule", catalog.schedules(), problems, t -> t.replace('-', '_'),
                KerasHints::forScheduleType);
        return named == null ? null : new FitSpec.Schedule(named.name(), named.options());
    }
}
