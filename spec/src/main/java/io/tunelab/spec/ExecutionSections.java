package io.tunelab.spec;

import io.tunelab.search.exec.Slot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads the {@code budget}, {@code parallel} and {@code heartbeat} sections. */
final class ExecutionSections {
    static final int MAX_TRIALS = 10_000_000;
    static final int MAX_WORKERS = 1024;
    static final int MAX_TRIALS_PER_GPU = 64;
    private static final Pattern SLOT = Pattern.compile("(cpu|gpu):\\d{1,6}");

    private ExecutionSections() {
    }

    /** {@code budget: {trials: 50, timeout: 1h}}; null after a problem. */
    static BudgetSpec budget(Node node, Problems problems) {
        Fields f = Fields.of(node, "budget", problems);
        if (f == null) {
            return null;
        }
        f.allow(List.of("trials", "timeout"));
        int before = problems.count();
        Long trials = f.integer("trials", Range.closed(1, MAX_TRIALS), false);
        Duration timeout = f.has("timeout") ? timeout(f.get("timeout"), f.path("timeout"), problems) : null;
        if (!f.has("trials") && !f.has("timeout")) {
            problems.at(node, "budget", "needs trials, timeout or both, e.g. {trials: 50, timeout: 1h}");
        }
        if (problems.count() != before) {
            return null;
        }
        return new BudgetSpec(trials == null ? 0 : trials.intValue(), timeout);
    }

    /**
     * {@code heartbeat: {interval: 10s, grace: 60s, max_retries: 2}}; each defaults to {@link HeartbeatSpec#DEFAULT}'s;
     * null after a problem.
     */
    static HeartbeatSpec heartbeat(Node node, Problems problems) {
        if (node == null) {
            return HeartbeatSpec.DEFAULT;
        }
        Fields f = Fields.of(node, "heartbeat", problems);
        if (f == null) {
            return null;
        }
        f.allow(List.of("interval", "grace", "max_retries"));
        int before = problems.count();
        Long maxRetries = f.integer("max_retries", Range.closed(0, HeartbeatSpec.MAX_RETRIES_LIMIT), false);
        Duration interval = f.has("interval") ? timeout(f.get("interval"), f.path("interval"), problems)
                : HeartbeatSpec.DEFAULT.interval();
        Duration grace = f.has("grace") ? timeout(f.get("grace"), f.path("grace"), problems) : HeartbeatSpec.DEFAULT.grace();
        if (problems.count() != before) {
            return null;
        }
        if (grace.compareTo(interval.multipliedBy(2)) < 0) {
            Node at = f.has("grace") ? f.get("grace") : f.get("interval");
            problems.at(at, f.path("grace"), "expected at least twice the interval " + Durations.format(interval)
                    + " (" + Durations.format(interval.multipliedBy(2)) + " or more), got " + Durations.format(grace));
            return null;
        }
        return new HeartbeatSpec(interval, grace,
                maxRetries == null ? HeartbeatSpec.DEFAULT_MAX_RETRIES : maxRetries.intValue());
    }

    private static Duration timeout(Node node, String path, Problems problems) {
        Object value = node instanceof ScalarNode s ? Scalars.value(s) : null;
        if (value instanceof Number) {
            problems.at(node, path, "needs a unit, e.g. 90s, 30m, 1h or 1h30m; got " + Values.describe(node));
            return null;
        }
        String text = Values.text(node, path, problems);
        if (text == null) {
            return null;
        }
        Duration d = Durations.parse(text);
        if (d == null) {
            problems.at(node, path, "expected a duration from 1s to 365d such as 90s, 30m, 1h or 1h30m, got "
                    + Texts.quote(text));
        }
        return d;
    }

    /** {@code parallel: {workers: 2, devices: auto | cpu | [gpu:0, gpu:1], trials_per_gpu: 2}}; defaults when absent. */
    static ParallelSpec parallel(Node node, Problems problems) {
        if (node == null) {
            return ParallelSpec.DEFAULT;
        }
        Fields f = Fields.of(node, "parallel", problems);
        if (f == null) {
            return null;
        }
        f.allow(List.of("workers", "devices", "trials_per_gpu"));
        int before = problems.count();
        Long workers = f.integer("workers", Range.closed(1, MAX_WORKERS), false);
        Long perGpu = f.integer("trials_per_gpu", Range.closed(1, MAX_TRIALS_PER_GPU), false);
        ParallelSpec.DeviceMode mode = ParallelSpec.DeviceMode.AUTO;
        List<Slot> slots = List.of();
        Node devices = f.get("devices");
        int beforeDevices = problems.count();
        if (devices instanceof SequenceNode list) {
            mode = ParallelSpec.DeviceMode.LIST;
            slots = slots(list, f.path("devices"), problems);
        } else if (devices != null) {
            String text = Values.text(devices, f.path("devices"), problems);
            if ("cpu".equals(text)) {
                mode = ParallelSpec.DeviceMode.CPU;
            } else if (text != null && !text.equals("auto")) {
                problems.at(devices, f.path("devices"), "expected auto, cpu or a list such as [gpu:0, gpu:1], got "
                        + Texts.quote(text) + Texts.didYouMean(text, List.of("auto", "cpu")));
            }
        }
        boolean devicesOk = problems.count() == beforeDevices;
        if (mode == ParallelSpec.DeviceMode.LIST && devicesOk && workers != null && workers > slots.size()) {
            problems.at(f.get("workers"), f.path("workers"), workers + " workers need at least " + workers
                    + " devices, but devices lists " + slots.size());
        }
        if (problems.count() != before) {
            return null;
        }
        int count = workers != null ? workers.intValue() : mode == ParallelSpec.DeviceMode.LIST ? slots.size() : 1;
        return new ParallelSpec(count, mode, slots, perGpu == null ? 1 : perGpu.intValue());
    }

    private static List<Slot> slots(SequenceNode list, String path, Problems problems) {
        if (list.getValue().isEmpty()) {
            problems.at(list, path, "lists no device; write auto, cpu or slots such as [gpu:0, gpu:1]");
            return List.of();
        }
        Set<Slot> slots = new LinkedHashSet<>();
        for (int i = 0; i < list.getValue().size(); i++) {
            Node item = list.getValue().get(i);
            String text = Values.text(item, Paths.index(path, i), problems);
            if (text == null) {
                continue;
            }
            if (!SLOT.matcher(text).matches()) {
                problems.at(item, Paths.index(path, i), "expected a slot such as gpu:0 or cpu:1 (index below 1000000),"
                        + " got " + Texts.quote(text));
            } else if (!slots.add(Slot.parse(text))) {
                problems.at(item, Paths.index(path, i), Texts.quote(text) + " is listed twice");
            }
        }
        return new ArrayList<>(slots);
    }
}
