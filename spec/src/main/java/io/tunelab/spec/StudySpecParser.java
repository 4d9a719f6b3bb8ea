package io.tunelab.spec;

import io.tunelab.search.SearchException;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.MetricDirection;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads and validates study files. Every problem of a file is reported at once, each with its line,
 * column and field path; nothing else is thrown for any input (hostile input included: oversized
 * files, deep nesting, alias bombs). Immutable and thread-safe.
 */
public final class StudySpecParser {
    static final List<String> TOP_KEYS = List.of("study", "direction", "metric", "sampler", "pruner", "budget",
            "parallel", "trainer", "data", "space", "fit", "fail_fast", "heartbeat",
            "constraints", "direction_check");
    /** A later check's message about a field: {@code space.dropout: what is wrong}. */
    private static final Pattern FIELD_MESSAGE = Pattern.compile("([A-Za-z_]+(?:\\[\\d+])?(?:\\.[\\w{}]+|\\[\\d+])*): (.*)",
            Pattern.DOTALL);
    private static final List<String> DIRECTIONS = List.of("minimize", "maximize");

    private final SpecCatalog catalog;

    /** A parser for Tunelab's own samplers, pruners, schedules and trainers. */
    public StudySpecParser() {
        this(SpecCatalog.defaults());
    }

    public StudySpecParser(SpecCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * Reads a study file (UTF-8).
     *
     * @throws SpecValidationException listing every problem, including a missing or unreadable file
     */
    public StudySpec parse(Path file) {
        String name = file.toString();
        Problems problems = new Problems(name);
        String text = read(file, problems);
        problems.throwIfAny();
        return parse(text, name);
    }

    /**
     * Validates the text of a study file; {@code fileName} is only used in problem locations.
     *
     * @throws SpecValidationException listing every problem
     */
    public StudySpec parse(String text, String fileName) {
        return parse(text, fileName, false);
    }

    /**
     * Validates the text of a study file stored with an existing study, as {@link #parse(String, String)} does but
     * without the checks that only guard a new study: its direction against its metric's name (the study's direction
     * is fixed by its trials; a file stored before that check, or with {@code direction_check: false}, stays readable
     * by workers, promotion and serving).
     *
     * @throws SpecValidationException listing every problem
     */
    public StudySpec parseStored(String text, String fileName) {
        return parse(text, fileName, true);
    }

    private StudySpec parse(String text, String fileName, boolean stored) {
        Problems problems = new Problems(fileName);
        Node root = SpecYaml.load(text, problems);
        StudySpec spec = root == null ? null : new Reading(root, problems, stored).spec();
        problems.throwIfAny();
        return spec;
    }

    /**
     * A problem a later check found in a valid study file (a trainer's), located like the parser's own: a {@code message}
     * that starts with a field path ({@code space.dropout: ...}) points at that field in {@code text}, or at the nearest
     * enclosing one the file has; any other message is about the file as a whole.
     *
     * @param text     the study file's text, as parsed
     * @param fileName as problem locations show it
     * @param message  {@code path: what is wrong}, or any message
     */
    public static SpecProblem locate(String text, String fileName, String message) {
        Matcher m = FIELD_MESSAGE.matcher(message);
        boolean field = m.matches() && TOP_KEYS.contains(m.group(1).split("[.\\[]")[0]);
        Node root = field ? SpecYaml.load(text, new Problems(fileName)) : null;
        if (root == null) {
            return new SpecProblem(fileName, 0, 0, Paths.ROOT, message);
        }
        Mark mark = Paths.find(root, m.group(1)).getStartMark();
        return new SpecProblem(fileName, mark.getLine() + 1, mark.getColumn() + 1, m.group(1), m.group(2));
    }

    private static String read(Path file, Problems problems) {
        try {
            if (Files.size(file) > 4L * SpecYaml.MAX_CHARS) {
                problems.whole("(file)", "the file has " + Files.size(file) + " bytes, more than a study file may have");
                return null;
            }
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            problems.whole("(file)", "no such file");
        } catch (AccessDeniedException e) {
            problems.whole("(file)", "cannot be read: permission denied");
        } catch (CharacterCodingException e) {
            problems.whole("(file)", "is not UTF-8 text");
        } catch (IOException e) {
            problems.whole("(file)", "cannot be read: " + (Files.isDirectory(file) ? "it is a directory" : e.getMessage()));
        }
        return null;
    }

    /** One pass over one document. */
    private final class Reading {
        private final Node root;
        private final Problems problems;
        private final boolean stored;

        Reading(Node root, Problems problems, boolean stored) {
            this.root = root;
            this.problems = problems;
            this.stored = stored;
        }

        StudySpec spec() {
            Fields top = Fields.of(root, Paths.ROOT, problems);
            if (top == null) {
                return null;
            }
            int before = problems.count();
            top.allow(TOP_KEYS);
            String study = top.text("study", true);
            List<Direction> directions = top.has("direction") ? directions(top.get("direction")) : missing(top, "direction");
            List<String> metrics = top.has("metric") ? metrics(top.get("metric"), directions) : missing(top, "metric");
            Boolean directionCheck = top.bool("direction_check");
            String trainerName = trainerName(top);
            // a stored file is read as it was accepted; only the first metric is the trainer's (others may be user attributes)
            List<String> unreported = metrics == null || trainerName == null || stored ? List.of()
                    : unreported(top.get("metric"), trainerName, metrics.subList(0, 1));
            if (directions != null && metrics != null && unreported.isEmpty() && !stored && !Boolean.FALSE.equals(directionCheck)) {
                checkDirections(top.get("direction"), directions, metrics);
            }
            SamplerSpec sampler = SearchSections.sampler(top.get("sampler"), catalog, problems);
            PrunerSpec pruner = SearchSections.pruner(top.get("pruner"), catalog, problems);
            BudgetSpec budget = top.has("budget") ? ExecutionSections.budget(top.get("budget"), problems) : missing(top, "budget");
            ParallelSpec parallel = ExecutionSections.parallel(top.get("parallel"), problems);
            HeartbeatSpec heartbeat = ExecutionSections.heartbeat(top.get("heartbeat"), problems);
            TrainerSpec trainer = top.has("trainer") ? TrainingSections.trainer(top.get("trainer"), catalog, problems)
                    : missing(top, "trainer");
            DataSpec data = top.has("data") ? TrainingSections.data(top.get("data"), problems) : missing(top, "data");
            boolean grid = sampler != null && sampler.type().equals("grid");
            SpaceDefinition space = top.has("space") ? SpaceParser.parse(top.get("space"), "space", grid, problems)
                    : missing(top, "space");
            String firstMetric = metrics == null || metrics.isEmpty() ? "" : metrics.get(0);
            FitSpec fit = TrainingSections.fit(top.get("fit"), firstMetric, catalog, problems);
            crossChecks(top, directions, sampler, pruner);
            Long failFast = top.integer("fail_fast", Range.closed(0, ExecutionSections.MAX_TRIALS), false);
            List<ConstraintSpec> constraints = top.has("constraints") ? constraints(top.get("constraints")) : List.of();
            if (problems.count() != before) {
                return null;
            }
            return new StudySpec(study, directions, metrics, sampler, pruner, budget, parallel, trainer, data, space, fit,
                    failFast == null ? StudySpec.DEFAULT_FAIL_FAST : failFast.intValue(), heartbeat, constraints);
        }

        /** The trainer's name as the file gives it ({@code trainer: NAME} or {@code {name: NAME}}), or null. */
        private static String trainerName(Fields top) {
            Node node = top.get("trainer");
            if (node instanceof MappingNode m) {
                node = m.getValue().stream().filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("name"))
                        .map(NodeTuple::getValueNode).findFirst().orElse(null);
            }
            return node instanceof ScalarNode s ? s.getValue() : null;
        }

        /** Of {@code metrics} (the file's first ones), those {@code trainer} never reports, each a problem at its field. */
        private List<String> unreported(Node node, String trainer, List<String> metrics) {
            List<String> out = new ArrayList<>();
            List<Item> items = items(node, "metric");
            for (int i = 0; i < metrics.size() && i < items.size(); i++) {
                int at = i;
                catalog.metricProblem(trainer, metrics.get(i)).ifPresent(why -> {
                    problems.at(items.get(at).node(), items.get(at).path(), why);
                    out.add(metrics.get(at));
                });
            }
            return out;
        }

        private <T> T missing(Fields top, String key) {
            top.require(key);
            return null;
        }

        private List<Direction> directions(Node node) {
            List<Direction> out = new ArrayList<>();
            boolean ok = true;
            for (Item item : items(node, "direction")) {
                String text = Values.text(item.node(), item.path(), problems);
                if (text == null) {
                    ok = false;
                    continue;
                }
                try {
                    out.add(Direction.parse(text));
                } catch (SearchException e) {
                    problems.at(item.node(), item.path(), "expected minimize or maximize, got " + Texts.quote(text)
                            + Texts.didYouMean(text, DIRECTIONS));
                    ok = false;
                }
            }
            return ok && !out.isEmpty() ? out : null;
        }

        private List<String> metrics(Node node, List<Direction> directions) {
            List<String> out = new ArrayList<>();
            for (Item item : items(node, "metric")) {
                String text = Values.text(item.node(), item.path(), problems);
                if (text != null) {
                    out.add(text);
                }
            }
            int given = node instanceof SequenceNode s ? s.getValue().size() : 1;
            if (out.size() != given || out.isEmpty()) {
                return null;
            }
            if (directions != null && directions.size() != out.size()) {
                problems.at(node, "metric", "names " + out.size() + (out.size() == 1 ? " metric" : " metrics")
                        + " for " + directions.size() + (directions.size() == 1 ? " direction" : " directions")
                        + "; give one metric per direction");
                return null;
            }
            return out;
        }

        /**
         * Refuses a direction against the one its metric's name says ({@link MetricDirection}: a loss or an error is
         * minimised, an accuracy or a score maximised, as Keras's {@code mode='auto'} reads them), which would make the
         * worst trial the best; {@code direction_check: false} keeps the direction as given.
         */
        private void checkDirections(Node node, List<Direction> directions, List<String> metrics) {
            List<Item> items = items(node, "direction");
            for (int i = 0; i < directions.size() && i < items.size(); i++) {
                Direction given = directions.get(i);
                Optional<MetricDirection> named = MetricDirection.of(metrics.get(i));
                if (named.isPresent() && named.get().direction() != given) {
                    String expected = lower(named.get().direction());
                    problems.at(items.get(i).node(), items.get(i).path(), lower(given) + ", but metric '" + metrics.get(i)
                            + "' is " + (named.get().direction() == Direction.MINIMIZE ? "lower" : "higher")
                            + "-is-better (its name holds '" + named.get().word() + "'), so the worst trial would be the"
                            + " best; expected " + expected + ", or direction_check: false to keep " + lower(given));
                }
            }
        }

        private static String lower(Direction d) {
            return d.name().toLowerCase(Locale.ROOT);
        }

        /** {@code constraints}: one entry or a list of them, each given once (see {@link ConstraintSpec}). */
        private List<ConstraintSpec> constraints(Node node) {
            List<ConstraintSpec> out = new ArrayList<>();
            for (Item item : items(node, "constraints")) {
                String text = Values.text(item.node(), item.path(), problems);
                ConstraintSpec c = text == null ? null : ConstraintParser.parse(text, item.node(), item.path(), problems);
                if (c != null && out.contains(c)) {
                    problems.at(item.node(), item.path(), "constraint '" + c + "' is given twice; give each once");
                } else if (c != null) {
                    out.add(c);
                }
            }
            return out;
        }

        /** A scalar as one item, or each element of a non-empty list. */
        private List<Item> items(Node node, String path) {
            if (!(node instanceof SequenceNode list)) {
                return List.of(new Item(node, path));
            }
            if (list.getValue().isEmpty() || list.getValue().size() > 16) {
                problems.at(node, path, "expected one value or a list of 1 to 16, got " + list.getValue().size());
                return List.of();
            }
            List<Item> out = new ArrayList<>();
            for (int i = 0; i < list.getValue().size(); i++) {
                out.add(new Item(list.getValue().get(i), Paths.index(path, i)));
            }
            return out;
        }

        private void crossChecks(Fields top, List<Direction> directions, SamplerSpec sampler, PrunerSpec pruner) {
            if (directions == null || directions.size() < 2) {
                return;
            }
            if (sampler != null && (sampler.type().equals("gp") || sampler.type().equals("cmaes"))) {
                problems.at(top.get("sampler"), "sampler", "the " + sampler.type()
                        + " sampler optimises one objective; use auto, nsga2 or tpe"
                        + " for " + directions.size() + " directions");
            }
            if (pruner != null && !pruner.type().equals("none")) {
                problems.at(top.get("pruner"), "pruner", "pruning needs a single objective, and this study has "
                        + directions.size() + " directions; remove the pruner or use one direction");
            }
        }
    }

    private record Item(Node node, String path) {
    }
}
