package io.tunelab.bench.bbob;

import io.tunelab.search.SearchException;
import java.util.ArrayList;
import java.util.List;

/** Parses the number lists of {@code bench bbob} options: {@code 2,5,10}, {@code 1-24}, {@code 1-3,7}. */
public final class NumberList {
    private NumberList() {
    }

    /** The numbers of {@code spec}, in order; {@code option} names the option in the error message. */
    public static List<Integer> parse(String spec, String option) {
        List<Integer> out = new ArrayList<>();
        try {
            for (String part : spec.split(",")) {
                String p = part.trim();
                int dash = p.indexOf('-', 1);
                if (dash < 0) {
                    out.add(Integer.parseInt(p));
                    continue;
                }
                int from = Integer.parseInt(p.substring(0, dash).trim());
                int to = Integer.parseInt(p.substring(dash + 1).trim());
                if (to < from) {
                    throw new SearchException(option + " range '" + p + "' runs backwards; expected FROM-TO with FROM <= TO");
                }
                for (int i = from; i <= to; i++) {
                    out.add(i);
                }
            }
        } catch (NumberFormatException e) {
            throw new SearchException(option + " must be numbers or ranges like 1-5,7, got '" + spec + "'");
        }
        return out;
    }
}
