package io.tunelab.cli.run;

import io.tunelab.search.trial.ForwardingTrial;
import io.tunelab.trainers.djl.train.DjlObjective;
import io.tunelab.search.trial.Trial;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * A trial that remembers what an objective reports through it, so that the study file can read named values
 * once the objective returns: its constraints, and the metrics of its second and later objectives.
 *
 * <p>The value of a name is, in this order: a numeric user attribute of that name; else the value logged
 * under it at the step of the user attribute {@value #VALUE_EPOCH}, when the objective set one (the DJL
 * trainers do: the epoch whose weights the trial keeps, the best one with {@code restore_best}); else the
 * value logged under it at its highest step. One instance per evaluation; not thread-safe.
 */
final class ReportedValues extends ForwardingTrial {
    /** The user attribute naming the step whose logged values are the trial's (an epoch number). */
    static final String VALUE_EPOCH = DjlObjective.VALUE_EPOCH;

    private final Map<String, Long> lastSteps = new HashMap<>();
    private final Map<String, Double> last = new HashMap<>();
    private final Map<String, Map<Long, Double>> byStep = new HashMap<>();
    private final Map<String, Double> attrs = new HashMap<>();
    private final TreeSet<String> names = new TreeSet<>();

    ReportedValues(Trial trial) {
        super(trial);
    }

    @Override
    public void log(String name, long step, double value) {
        super.log(name, step, value);
        names.add(name);
        byStep.computeIfAbsent(name, n -> new HashMap<>()).put(step, value);
        if (lastSteps.getOrDefault(name, Long.MIN_VALUE) <= step) {
            lastSteps.put(name, step);
            last.put(name, value);
        }
    }

    @Override
    public void setUserAttr(String key, Object value) {
        super.setUserAttr(key, value);
        if (value instanceof Number n) {
            attrs.put(key, n.doubleValue());
            names.add(key);
        } else {
            attrs.remove(key);
        }
    }

    /** The value reported under {@code name} (see the class comment), or null when nothing was. */
    Double valueOf(String name) {
        if (attrs.containsKey(name)) {
            return attrs.get(name);
        }
        Double epoch = attrs.get(VALUE_EPOCH);
        Map<Long, Double> steps = byStep.get(name);
        if (epoch != null && steps != null && steps.containsKey(epoch.longValue())) {
            return steps.get(epoch.longValue());
        }
        return last.get(name);
    }

    /** The names reported, for an error message. */
    String names() {
        return names.isEmpty() ? "nothing (the trial reported no metric)" : String.join(", ", names);
    }
}
