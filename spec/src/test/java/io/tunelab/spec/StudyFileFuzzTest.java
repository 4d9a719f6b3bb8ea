package io.tunelab.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Mutates valid study files at random (seeded): deletions, type swaps, out-of-range numbers, huge
 * strings, deep nesting, renamed keys, and raw text damage. Every outcome must be a valid spec (whose
 * space then samples without error) or a validation error whose problems all have a field path and a
 * position; any other exception fails.
 */
class StudyFileFuzzTest {
    private static final int ITERATIONS = 2000;
    private static final long SEED = 20_240_611L;
    private static final String[] TOKENS = {":", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "!x ", "\t",
        "'", "\"", "#", "\n", "<<: ", "? ", "  ", "{i}", "1e999", "-", "~", "%", "@", "|\n", "\u0000", "\uFEFF"};

    private final StudySpecParser parser = new StudySpecParser();
    private final Yaml yaml = new Yaml(new LoaderOptions());

    private static List<String> seeds() throws Exception {
        Path examples = Path.of("..", "examples");
        return List.of(Files.readString(examples.resolve("fashion-mlp.yaml")),
                Files.readString(examples.resolve("synthetic-forest.yaml")),
                SpecFiles.MINIMAL,
                SpecFiles.adding("  n: {int: [0, 4]}\n  u_l{i}: {int: [1, 64], step: 1, per_layer: n, when: {lr: {lt: 0.05}}}\n"
                        + "sampler: {type: gp, seed: 3, max_points: 200}\npruner: {type: hyperband, min_resource: 1,"
                        + " max_resource: 27, reduction_factor: 3}\nparallel: {workers: 2, devices: [gpu:0, gpu:1]}\n"
                        + "fit: {epochs: 5, schedule: {type: piecewise, boundaries: [2, 4], values: [0.1, 0.01, 0.001]}}"));
    }

    // A hang guard, not a speed assertion: 2,000 parses take a few seconds.
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyMutatedFileIsEitherAValidSpecOrAValidationErrorWithFieldPaths() throws Exception {
        List<String> seeds = seeds();
        for (String seed : seeds) {
            assertThat(parser.parse(seed, "seed.yaml")).as("seed files are valid").isNotNull();
        }
        SplittableRandom random = new SplittableRandom(SEED);
        int valid = 0;
        int invalid = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            String text = mutate(seeds.get(random.nextInt(seeds.size())), random);
            try {
                StudySpec spec = parser.parse(text, "fuzz.yaml");
                sampleTwice(spec);
                valid++;
            } catch (SpecValidationException e) {
                checkProblems(e, i, text);
                invalid++;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                fail("iteration %d threw %s on:%n%s", i, e, abbreviate(text), e);
            }
        }
        assertThat(valid).as("mutations that stay valid").isGreaterThan(ITERATIONS / 50);
        assertThat(invalid).as("mutations that break the file").isGreaterThan(ITERATIONS / 2);
    }

    private static void checkProblems(SpecValidationException e, int iteration, String text) {
        assertThat(e.problems()).as("iteration %d: %s", iteration, abbreviate(text)).isNotEmpty().allSatisfy(p -> {
            assertThat(p.path()).isNotBlank();
            assertThat(p.message()).isNotBlank();
            assertThat(p.file()).isEqualTo("fuzz.yaml");
            assertThat(p.line() == 0).isEqualTo(p.column() == 0);
            assertThat(p.format().length()).isLessThan(1000);
        });
    }

    private static void sampleTwice(StudySpec spec) {
        Study study = Study.builder(spec.study()).directions(spec.directions().toArray(new Direction[0]))
                .seed(spec.sampler().seed()).sampler(RandomSampler::new).create();
        for (int i = 0; i < 2; i++) {
            Map<String, Object> params = spec.space().suggest(study.ask());
            assertThat(params).isNotEmpty();
        }
    }

    private String mutate(String source, SplittableRandom random) {
        Object doc = yaml.load(source);
        int structural = 1 + random.nextInt(3);
        for (int k = 0; k < structural; k++) {
            doc = mutateTree(doc, random, 0);
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(random.nextBoolean() ? DumperOptions.FlowStyle.BLOCK : DumperOptions.FlowStyle.FLOW);
        options.setWidth(Integer.MAX_VALUE / 2);
        String text = new Yaml(options).dump(doc);
        return random.nextInt(4) == 0 ? damageText(text, random) : text;
    }

    /** Applies one mutation at a random place of the tree; returns the (possibly replaced) tree. */
    @SuppressWarnings("unchecked")
    private Object mutateTree(Object node, SplittableRandom random, int depth) {
        boolean here = depth > 0 && random.nextInt(3) == 0;
        if (node instanceof Map<?, ?> map && !map.isEmpty() && !here) {
            Map<Object, Object> copy = new LinkedHashMap<>((Map<Object, Object>) map);
            List<Object> keys = new ArrayList<>(copy.keySet());
            Object key = keys.get(random.nextInt(keys.size()));
            switch (random.nextInt(5)) {
                case 0 -> copy.remove(key);
                case 1 -> {
                    Object value = copy.remove(key);
                    copy.put(renamed(String.valueOf(key), random), value);
                }
                default -> copy.put(key, mutateTree(copy.get(key), random, depth + 1));
            }
            return copy;
        }
        if (node instanceof List<?> list && !list.isEmpty() && !here) {
            List<Object> copy = new ArrayList<>(list);
            int index = random.nextInt(copy.size());
            if (random.nextInt(4) == 0) {
                copy.remove(index);
            } else {
                copy.set(index, mutateTree(copy.get(index), random, depth + 1));
            }
            return copy;
        }
        return replacement(node, random);
    }

    private static Object replacement(Object old, SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> swapType(random);
            case 1 -> outOfRange(random);
            case 2 -> random.nextBoolean() ? hugeString(random) : Collections.singletonMap("k".repeat(900), old);
            case 3 -> nested(old, 5 + random.nextInt(60), random);
            case 4 -> old instanceof String s ? renamed(s, random) : swapType(random);
            default -> Arrays.asList(old, old);
        };
    }

    /** Mostly a few thousand characters, sometimes more than any limit of the parser. */
    private static String hugeString(SplittableRandom random) {
        return "x".repeat(random.nextInt(10) == 0 ? 250_000 : 200 + random.nextInt(5000));
    }

    private static Object swapType(SplittableRandom random) {
        Object[] values = {"text", 7, 0.5, true, null, List.of(1, "a"), Map.of("k", "v"), List.of(), Map.of(), ""};
        return values[random.nextInt(values.length)];
    }

    private static Object outOfRange(SplittableRandom random) {
        Object[] values = {-1, 0, -1e300, 1e300, Long.MAX_VALUE, Integer.MIN_VALUE, Double.NaN,
            Double.POSITIVE_INFINITY, BigInteger.TWO.pow(70), 1e-320, 2147483648L, -0.0, 0.999999999};
        return values[random.nextInt(values.length)];
    }

    private static Object nested(Object inner, int depth, SplittableRandom random) {
        Object out = inner;
        for (int i = 0; i < depth; i++) {
            out = random.nextBoolean() ? Collections.singletonList(out) : Collections.singletonMap("n", out);
        }
        return out;
    }

    private static String renamed(String key, SplittableRandom random) {
        if (key.isEmpty()) {
            return "x";
        }
        StringBuilder sb = new StringBuilder(key);
        int at = random.nextInt(sb.length());
        switch (random.nextInt(3)) {
            case 0 -> sb.deleteCharAt(at);
            case 1 -> sb.insert(at, (char) ('a' + random.nextInt(26)));
            default -> sb.setCharAt(at, (char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }

    private static String damageText(String text, SplittableRandom random) {
        StringBuilder sb = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int k = 0; k < edits && sb.length() > 0; k++) {
            int at = random.nextInt(sb.length());
            if (random.nextBoolean()) {
                sb.delete(at, Math.min(sb.length(), at + 1 + random.nextInt(20)));
            } else {
                sb.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
            }
        }
        return sb.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "... (" + text.length() + " characters)";
    }
}
