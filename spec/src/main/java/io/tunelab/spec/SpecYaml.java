package io.tunelab.spec;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a study file into a SnakeYAML node tree (every node keeps its line and column), with limits
 * that turn hostile input into problems instead of memory or stack exhaustion: document size,
 * nesting depth, aliases to collections (the "billion laughs" attack), total node count. Custom tags
 * and merge keys are rejected. Never throws; returns {@code null} after recording problems.
 */
final class SpecYaml {
    /** Largest document, in characters; study files are a few kilobytes. */
    static final int MAX_CHARS = 1_000_000;
    static final int MAX_NESTING = 32;
    static final int MAX_ALIASES = 50;
    static final int MAX_NODES = 100_000;
    private static final String PATH = "(yaml)";
    /** Tags the resolver gives plain values; a timestamp-looking value is read as text. */
    private static final Set<Tag> STANDARD_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL,
            Tag.MAP, Tag.SEQ, Tag.TIMESTAMP);

    private SpecYaml() {
    }

    static Node load(String text, Problems problems) {
        if (text.length() > MAX_CHARS) {
            problems.whole("(file)", "the file has " + text.length() + " characters, more than the "
                    + MAX_CHARS + " a study file may have");
            return null;
        }
        try {
            Node root = composer(text).getSingleNode();
            if (root == null) {
                problems.at(1, 1, Paths.ROOT, "the file is empty; a study file needs at least study, direction,"
                        + " metric, trainer, data, budget and space");
                return null;
            }
            return guard(root, problems) ? root : null;
        } catch (MarkedYAMLException e) {
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            problems.at(e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark(), PATH,
                    "not valid YAML: " + context + e.getProblem());
        } catch (ReaderException e) {
            int[] lineColumn = lineColumn(text, e.getPosition());
            problems.at(lineColumn[0], lineColumn[1], PATH, "the file contains a character YAML does not allow"
                    + " (code point " + e.getCodePoint() + ")");
        } catch (YAMLException e) {
            problems.at(1, 1, PATH, limitMessage(e.getMessage()));
        }
        return null;
    }

    private static Composer composer(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported by Fields with both positions
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CHARS);
        options.setMergeOnCompose(false);
        return new Composer(new ParserImpl(new StreamReader(text), options), new Resolver(), options);
    }

    private static String limitMessage(String message) {
        String m = message == null ? "" : message;
        if (m.startsWith("Nesting Depth")) {
            return "the document is nested deeper than " + MAX_NESTING + " levels";
        }
        if (m.startsWith("Number of aliases")) {
            return "the document uses more than " + MAX_ALIASES + " aliases to lists or mappings";
        }
        if (m.contains("exceeds the limit")) {
            return "the document is larger than " + MAX_CHARS + " characters";
        }
        return "not valid YAML: " + Texts.quote(m);
    }

    /** Rejects custom tags, merge keys and oversized graphs; each shared (aliased) node is visited once. */
    private static boolean guard(Node root, Problems problems) {
        int before = problems.count();
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Node> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Node node = todo.pop();
            if (!seen.add(node)) {
                continue;
            }
            if (seen.size() > MAX_NODES) {
                problems.at(node, PATH, "the document has more than " + MAX_NODES + " values");
                return false;
            }
            Tag tag = node.getTag();
            if (Tag.MERGE.equals(tag)) {
                problems.at(node, PATH, "merge keys (<<) are not supported in study files; write the keys out");
            } else if (!STANDARD_TAGS.contains(tag)) {
                problems.at(node, PATH, "custom YAML tags such as " + Texts.quote(tag.getValue())
                        + " are not allowed in study files");
            }
            if (node instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    todo.push(t.getValueNode());
                    todo.push(t.getKeyNode());
                }
            } else if (node instanceof SequenceNode s) {
                s.getValue().forEach(todo::push);
            }
        }
        return problems.count() == before;
    }

    /** 1-based line and column of a character index. */
    static int[] lineColumn(String text, int index) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(index, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }
}
