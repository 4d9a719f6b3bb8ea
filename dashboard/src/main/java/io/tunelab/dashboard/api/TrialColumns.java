package io.tunelab.dashboard.api;

import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.FrozenTrial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trials as columns, the study page's payload: one array per field in trial order instead of one object
 * per trial, so 100,000 trials cost a few arrays to send and parse. Text is dictionary-encoded: a state,
 * slot, sampler or non-numeric parameter value is an index into its field's list of distinct values
 * (-1 for none). Fields: {@code id}, {@code number}, {@code states} + {@code state}, {@code values} (one
 * array per objective, null where a trial has no such value; non-finite values as Jackson writes them),
 * {@code start}, {@code end} (epoch milliseconds or null), {@code feasible}, {@code slots} + {@code slot},
 * {@code samplers} + {@code sampler}, and {@code params}: per parameter either {@code {"values": [...]}}
 * (numbers, null where unset) or {@code {"choices": [...], "codes": [...]}}. Stateless.
 */
final class TrialColumns {
    private TrialColumns() {
    }

    /** The columns of {@code trials}, in their order. */
    static Map<String, Object> of(List<FrozenTrial> trials) {
        int n = trials.size();
        long[] ids = new long[n];
        int[] numbers = new int[n];
        Long[] starts = new Long[n];
        Long[] ends = new Long[n];
        boolean[] feasible = new boolean[n];
        Dictionary states = new Dictionary(n);
        Dictionary slots = new Dictionary(n);
        Dictionary samplers = new Dictionary(n);
        int objectives = 0;
        for (FrozenTrial t : trials) {
            objectives = Math.max(objectives, t.values().size());
        }
        List<Double[]> values = new ArrayList<>();
        for (int k = 0; k < objectives; k++) {
            values.add(new Double[n]);
        }
        Map<String, Object[]> raw = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            FrozenTrial t = trials.get(i);
            ids[i] = t.id();
            numbers[i] = t.number();
            states.add(t.state().name());
            for (int k = 0; k < t.values().size(); k++) {
                values.get(k)[i] = t.values().get(k);
            }
            starts[i] = t.start() == null ? null : t.start().toEpochMilli();
            ends[i] = t.end() == null ? null : t.end().toEpochMilli();
            feasible[i] = Constraints.holds(t);
            slots.add(t.systemAttrs().get("slot"));
            samplers.add(Sampler.label(t));
            for (Map.Entry<String, Object> p : t.params().entrySet()) {
                raw.computeIfAbsent(p.getKey(), k -> new Object[n])[i] = p.getValue();
            }
        }
        Map<String, Object> params = new LinkedHashMap<>();
        raw.forEach((name, column) -> params.put(name, param(column)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", n);
        out.put("id", ids);
        out.put("number", numbers);
        states.put(out, "states", "state");
        out.put("values", values);
        out.put("start", starts);
        out.put("end", ends);
        out.put("feasible", feasible);
        slots.put(out, "slots", "slot");
        samplers.put(out, "samplers", "sampler");
        out.put("params", params);
        return out;
    }

    /** Numbers as they are; anything else (strings, booleans, a mix) dictionary-encoded. */
    private static Map<String, Object> param(Object[] column) {
        boolean numeric = true;
        for (Object v : column) {
            numeric &= v == null || v instanceof Number;
        }
        if (numeric) {
            return Map.of("values", column);
        }
        Dictionary d = new Dictionary(column.length);
        for (Object v : column) {
            d.add(v);
        }
        return Map.of("choices", d.entries, "codes", d.codes);
    }

    /** Distinct values in first-seen order and, per row, the index of its value (-1 for null). */
    private static final class Dictionary {
        final List<Object> entries = new ArrayList<>();
        final Map<Object, Integer> index = new LinkedHashMap<>();
        final int[] codes;
        int size;

        Dictionary(int rows) {
            codes = new int[rows];
        }

        void add(Object value) {
            codes[size++] = value == null ? -1 : index.computeIfAbsent(value, v -> {
                entries.add(v);
                return entries.size() - 1;
            });
        }

        void put(Map<String, Object> out, String dictionaryField, String codesField) {
            out.put(dictionaryField, entries);
            out.put(codesField, codes);
        }
    }
}
