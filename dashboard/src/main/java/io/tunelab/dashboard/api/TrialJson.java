package io.tunelab.dashboard.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.dashboard.data.MetricSeries;
import io.tunelab.dashboard.data.MetricSummary;
import io.tunelab.dashboard.data.TrialDetail;
import io.tunelab.dashboard.query.TableRow;
import io.tunelab.search.space.DistributionJson;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.FrozenTrial;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON shapes of trials, series and summaries, built as maps so field names stay short. Stateless. */
final class TrialJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TrialJson() {
    }

    /**
     * The compact row every list and chart uses; {@code feasible} is false for a trial that violates a
     * constraint (see {@link Constraints}), which is never best nor on a Pareto front.
     */
    static Map<String, Object> row(FrozenTrial t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("number", t.number());
        m.put("state", t.state().name());
        m.put("values", t.values());
        m.put("params", t.params());
        m.put("start", t.start() == null ? null : t.start().toEpochMilli());
        m.put("end", t.end() == null ? null : t.end().toEpochMilli());
        m.put("slot", t.systemAttrs().get("slot"));
        m.put("sampler", Sampler.label(t));
        m.put("feasible", Constraints.holds(t));
        return m;
    }

    static List<Map<String, Object>> rows(List<FrozenTrial> trials) {
        List<Map<String, Object>> out = new ArrayList<>(trials.size());
        for (FrozenTrial t : trials) {
            out.add(row(t));
        }
        return out;
    }

    /** A table row: the compact row plus last/min/max of the requested series. */
    static Map<String, Object> tableRow(TableRow r) {
        Map<String, Object> m = row(r.trial());
        Map<String, Object> metrics = new LinkedHashMap<>();
        r.metrics().forEach((name, s) -> metrics.put(name, summary(s)));
        m.put("metrics", metrics);
        return m;
    }

    static Map<String, Object> summary(MetricSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", s.count());
        m.put("lastStep", s.lastStep());
        m.put("last", s.last());
        m.put("min", s.min());
        m.put("max", s.max());
        return m;
    }

    /** Everything the trial page shows. */
    static Map<String, Object> detail(TrialDetail d) {
        FrozenTrial t = d.trial();
        Map<String, Object> m = row(t);
        m.put("study", Map.of("id", d.study().id(), "name", d.study().name(), "directions", d.study().directions()));
        Map<String, Object> distributions = new LinkedHashMap<>();
        t.distributions().forEach((name, dist) -> distributions.put(name, distribution(dist)));
        m.put("distributions", distributions);
        m.put("intermediate", t.intermediateValues());
        m.put("userAttrs", t.userAttrs());
        m.put("systemAttrs", t.systemAttrs());
        m.put("message", t.message());
        m.put("pruneDecision", t.systemAttrs().get("prune_decision"));
        m.put("provenance", d.provenance());
        m.put("studyAttrs", d.study().attrs());
        m.put("studyUserAttrs", d.study().userAttrs());
        List<Map<String, Object>> artifacts = new ArrayList<>();
        for (ArtifactRef a : d.artifacts()) {
            artifacts.add(Map.of("name", a.name(), "size", a.size(), "sha256", a.sha256()));
        }
        m.put("artifacts", artifacts);
        m.put("metricNames", d.metricNames());
        return m;
    }

    static Map<String, Object> series(MetricSeries s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trialId", s.trialId());
        m.put("name", s.name());
        m.put("total", s.total());
        m.put("downsampled", s.downsampled());
        m.put("steps", s.steps());
        m.put("values", s.values());
        m.put("wallTimes", s.wallTimes());
        return m;
    }

    /** A distribution in its JSON form ({@code {"type": "float", "low": ..., "log": ...}}). */
    static Object distribution(io.tunelab.search.space.Distribution d) {
        try {
            return MAPPER.readTree(DistributionJson.toJson(d));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
