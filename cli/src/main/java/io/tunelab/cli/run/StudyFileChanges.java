package io.tunelab.cli.run;

import io.tunelab.cli.error.CliException;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * What a study file changes in the one stored with its study, field by field ({@code data.samples: 6000 → 3000}), and
 * the refusal of a file that changes more than the fields safe to change while workers run. As Optuna's
 * {@code create_study(load_if_exists=True)} never changes a stored study, creating or running a study that exists keeps
 * its data set, trainer, sampler, pruner and (for {@code create}) space: workers already running keep the stored file,
 * and promotion rebuilds its test split from it, so models trained on one data set would be judged on another.
 * Stateless.
 */
public final class StudyFileChanges {
    /** Top-level fields a study's file may change when it is created or run again: the study-wide run settings. */
    public static final Set<String> SAFE = Set.of("budget", "parallel", "heartbeat", "fail_fast");

    private StudyFileChanges() {
    }

    /**
     * The fields {@code now} changes in {@code stored}, one line each, {@code PATH: OLD → NEW} ({@code (none)} for a
     * field one of them lacks), sorted by path; maps are compared key by key, anything else as a whole, numbers by
     * value ({@code 2} and {@code 2.0} are the same), in lists too.
     */
    public static List<String> between(String stored, String now) {
        Map<String, Object> before = flat(stored);
        Map<String, Object> after = flat(now);
        Set<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        List<String> changes = new ArrayList<>();
        for (String path : paths) {
            Object was = before.get(path);
            Object is = after.get(path);
            if (!same(was, is)) {
                changes.add(path + ": " + shown(was) + " → " + shown(is));
            }
        }
        return changes;
    }

    /**
     * Refuses {@code text}, the file of study {@code study}, when that study exists in {@code storage} with a stored file
     * it changes in a field outside {@link #SAFE} and {@code tolerated}. A study without a stored file (created from
     * Java) has nothing to compare with.
     *
     * @param tolerated top-level fields the command may change besides the safe ones ({@code run} resumes a changed
     *                  {@code space}, see {@link SpaceChange})
     * @param flag      the option that stores the file anyway, named in the refusal
     * @throws CliException listing each changed field with its old and new value, and how to proceed
     */
    public static void refuseUnsafe(TrialStorage storage, String study, String text, Set<String> tolerated, String flag) {
        storage.findStudy(study).map(StudyRecord::systemAttrs).map(attrs -> attrs.get(StudyRunner.STUDY_FILE))
                .filter(String.class::isInstance).map(String.class::cast).ifPresent(stored -> {
                    List<String> unsafe = between(stored, text).stream()
                            .filter(line -> !SAFE.contains(top(line)) && !tolerated.contains(top(line))).toList();
                    if (!unsafe.isEmpty()) {
                        Set<String> changeable = new TreeSet<>(SAFE);
                        changeable.addAll(tolerated);
                        throw new CliException("study '" + study + "' exists with another study file; this file changes "
                                + (unsafe.size() == 1 ? "a field" : unsafe.size() + " fields") + " the study keeps (only "
                                + String.join(", ", changeable) + " may change):"
                                + System.lineSeparator() + "  " + String.join(System.lineSeparator() + "  ", unsafe)
                                + System.lineSeparator() + "Nothing was changed. Give the study a new name to run this file,"
                                + " keep the stored values, or pass " + flag + " to store this file in its place (workers"
                                + " already running keep the stored one; earlier trials and their models keep the data"
                                + " they were trained on)");
                    }
                });
    }

    /** Equal values, numbers by value whatever YAML read them as, lists element by element. */
    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        if (a instanceof List<?> xs && b instanceof List<?> ys) {
            if (xs.size() != ys.size()) {
                return false;
            }
            for (int i = 0; i < xs.size(); i++) {
                if (!same(xs.get(i), ys.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    private static String top(String line) {
        String path = line.substring(0, line.indexOf(": "));
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }

    private static Map<String, Object> flat(String text) {
        Object root;
        try {
            root = new Yaml(new LoaderOptions()).load(text);
        } catch (YAMLException e) {
            root = Map.of();
        }
        Map<String, Object> flat = new LinkedHashMap<>();
        if (root instanceof Map<?, ?> map) {
            flatten("", map, flat);
        }
        return flat;
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> into) {
        map.forEach((key, value) -> {
            String path = prefix + key;
            if (value instanceof Map<?, ?> inner && !inner.isEmpty()) {
                flatten(path + ".", inner, into);
            } else {
                into.put(path, value);
            }
        });
    }

    private static String shown(Object value) {
        return value == null ? "(none)" : value.toString();
    }
}
