package io.tunelab.dashboard.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API calls the study page makes, by name, as its scripts make them: on load (the first screen's
 * history, in binary, and sample of lines, then, once it is interactive, every trial as columns in pages of
 * {@value #COLUMN_PAGE}), on a live update ({@code changes}, whose {@value #CURSOR} placeholder
 * the caller replaces with a cursor) and in the trials table (its first page, a sort by a metric, and the
 * sorts a user makes by clicking column headers). One list for the dashboard bench, which times each
 * call, and the query-plan tests, which check each call's queries. Stateless.
 */
public final class StudyPageCalls {
    /** Trials per page of columns, as the study page loads them. */
    public static final int COLUMN_PAGE = 5000;
    /** Stands for the cursor in the {@code changes} call. */
    public static final String CURSOR = "{cursor}";

    private StudyPageCalls() {
    }

    /**
     * The calls of the study page of study {@code studyId} with {@code trials} trials and {@code objectives}
     * objectives, whose trial {@code trialId} logged the metric {@code metric}: {@code studies},
     * {@code study}, {@code space}, {@code history}, {@code sample} (the first screen's charts),
     * {@code columns_page1}... (every trial, after the page is interactive), {@code importance},
     * {@code curves}, {@code pareto} (several objectives only), {@code table_first_page},
     * {@code table_sorted_by_metric}, {@code metric_names}, {@code changes_since_now} and
     * {@code series_to_2000_points}.
     */
    public static Map<String, String> onLoad(long studyId, long trialId, int trials, int objectives, String metric) {
        String s = "/api/studies/" + studyId;
        Map<String, String> calls = new LinkedHashMap<>();
        calls.put("studies", "/api/studies");
        calls.put("study", s);
        calls.put("space", s + "/space");
        calls.put("history", s + "/history.bin?objective=0");
        calls.put("sample", s + "/sample?objective=0&lines=2000");
        for (int page = 0; page * COLUMN_PAGE < Math.max(1, trials); page++) {
            calls.put("columns_page" + (page + 1), s + "/columns?after=" + (page * COLUMN_PAGE - 1) + "&limit=" + COLUMN_PAGE);
        }
        calls.put("importance", s + "/importance?objective=0");
        calls.put("curves", s + "/curves?limit=300");
        if (objectives > 1) {
            calls.put("pareto", s + "/pareto");
        }
        calls.put("table_first_page", table(studyId, "number", false, ""));
        calls.put("table_sorted_by_metric", table(studyId, metric + ".min", true, metric));
        calls.put("metric_names", s + "/metric-names");
        calls.put("changes_since_now", s + "/changes?since=" + CURSOR);
        calls.put("series_to_2000_points", "/api/trials/" + trialId + "/series?maxPoints=2000&name=" + metric);
        return calls;
    }

    /**
     * Sorts of the trials table by clicking headers, each the first page of 200 rows: by number
     * (descending), state, the value, each of {@code params} and the last, min and max of {@code metric},
     * each both ways; named {@code sort_FIELD_asc} or {@code _desc}.
     */
    public static Map<String, String> tableSorts(long studyId, List<String> params, String metric) {
        Map<String, String> calls = new LinkedHashMap<>();
        calls.put("sort_number_desc", table(studyId, "number", true, ""));
        List<String> fields = new ArrayList<>(List.of("state", "value"));
        params.forEach(p -> fields.add("\"" + p + "\""));
        for (String aggregate : List.of("last", "min", "max")) {
            fields.add(metric + "." + aggregate);
        }
        for (String field : fields) {
            String name = field.replace("\"", "").replace('.', '_');
            String shown = field.startsWith(metric + ".") ? metric : "";
            calls.put("sort_" + name + "_asc", table(studyId, field, false, shown));
            calls.put("sort_" + name + "_desc", table(studyId, field, true, shown));
        }
        return calls;
    }

    /** The first page of 200 rows of the trials table sorted by {@code sort}, with the comma-separated {@code metrics} as columns. */
    public static String table(long studyId, String sort, boolean descending, String metrics) {
        return "/api/studies/" + studyId + "/table?filter=&sort=" + URLEncoder.encode(sort, StandardCharsets.UTF_8)
                + "&desc=" + descending + "&offset=0&limit=200&metrics=" + metrics;
    }
}
