package io.tunelab.tracker.filter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A sort order of trials by one or more keys, as MLflow's {@code order_by}: each key a field reference
 * ({@link FieldResolver}) optionally followed by {@code ASC} (the default) or {@code DESC}, e.g.
 * {@code metrics.val_accuracy DESC} then {@code number}. Numbers sort numerically and before text, text
 * case-insensitively; a trial without the value (or with NaN) sorts last in either direction. Ties keep the order
 * the trials came in. Immutable and thread-safe.
 *
 * @param keys the keys, most significant first; empty keeps the order the trials came in
 */
public record TrialOrder(List<Key> keys) {
    /** No keys: trials keep their order. */
    public static final TrialOrder NONE = new TrialOrder(List.of());

    /**
     * One sort key.
     *
     * @param field      what to sort by
     * @param descending largest first
     */
    public record Key(Field field, boolean descending) {
    }

    public TrialOrder {
        keys = List.copyOf(keys);
    }

    /**
     * Parses keys such as {@code "metrics.loss DESC"}; {@link FilterException} naming the key for an unknown field or
     * a direction other than ASC or DESC.
     */
    public static TrialOrder parse(List<String> specs, FieldCatalog catalog) {
        List<Key> keys = new ArrayList<>();
        for (String spec : specs) {
            String[] words = spec.trim().split("\\s+");
            if (spec.isBlank() || words.length > 2) {
                throw new FilterException("sort key '" + spec.trim() + "': expected a field optionally followed by ASC or DESC,"
                        + " e.g. 'metrics.val_accuracy DESC'");
            }
            String direction = words.length == 2 ? words[1].toUpperCase(Locale.ROOT) : "ASC";
            if (!direction.equals("ASC") && !direction.equals("DESC")) {
                throw new FilterException("sort key '" + spec.trim() + "': the direction must be ASC or DESC, got '" + words[1]
                        + "'");
            }
            keys.add(new Key(FieldResolver.resolve(words[0], catalog), direction.equals("DESC")));
        }
        return new TrialOrder(keys);
    }

    /** The metric series the keys read (their values must be loaded). */
    public Set<String> metrics() {
        Set<String> out = new LinkedHashSet<>();
        keys.forEach(k -> {
            if (k.field().metric() != null) {
                out.add(k.field().metric());
            }
        });
        return out;
    }

    /** {@code rows} sorted by the keys (a new list; a stable sort). */
    public <T extends TrialView> List<T> sort(List<T> rows) {
        List<T> out = new ArrayList<>(rows);
        if (keys.isEmpty()) {
            return out;
        }
        Comparator<T> order = (a, b) -> 0;
        for (Key k : keys) {
            order = order.thenComparing((a, b) -> compare(k.field().of(a), k.field().of(b), k.descending()));
        }
        out.sort(order);
        return out;
    }

    /** Missing values last either way; numbers before text ascending (after it descending); text ignoring case. */
    static int compare(Object a, Object b, boolean descending) {
        boolean aMissing = a == null || a instanceof Double d && d.isNaN();
        boolean bMissing = b == null || b instanceof Double d && d.isNaN();
        if (aMissing || bMissing) {
            return Boolean.compare(aMissing, bMissing);
        }
        int c;
        if (a instanceof Double x && b instanceof Double y) {
            c = Double.compare(x, y);
        } else if (a instanceof Double || b instanceof Double) {
            c = a instanceof Double ? -1 : 1;
        } else {
            c = String.CASE_INSENSITIVE_ORDER.compare(a.toString(), b.toString());
        }
        return descending ? -c : c;
    }
}
