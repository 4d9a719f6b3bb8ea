package io.tunelab.dashboard.api;

import static io.tunelab.dashboard.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.summary.Histogram;
import io.tunelab.search.summary.ImageSummary;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.PngImages;
import io.tunelab.search.summary.PrCurve;
import io.tunelab.search.summary.TextSummary;
import io.tunelab.search.trial.Direction;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SummaryApiTest {
    private final InMemoryStorage storage = new InMemoryStorage();
    private long a;
    private long b;

    @BeforeEach
    void logSummariesInTwoRuns() {
        long study = storage.createStudy("s", List.of(Direction.MINIMIZE)).id();
        a = storage.createRunningTrial(study).id();
        b = storage.createRunningTrial(study).id();
        Instant t = Instant.ofEpochMilli(5_000);
        storage.logSummaries(a, List.of(
                new LoggedSummary("w", 1, t, Histogram.of(new double[] {0, 1, 1, 2})),
                new LoggedSummary("w", 0, t, Histogram.of(new double[] {5})),
                new LoggedSummary("notes", 0, t, new TextSummary("<b>x</b>"))));
        storage.logSummaries(b, List.of(
                new LoggedSummary("inputs", 2, t, ImageSummary.ofPng(PngImages.encode(new float[2][3][1]), "test")),
                new LoggedSummary("pr", 2, t, PrCurve.of(new boolean[] {true, false}, new double[] {0.9, 0.1}, 3))));
    }

    @Test
    void tagsAreTheUnionOverTheRunsWithTheirKinds() {
        ApiFixture.withServer(storage, client -> {
            JsonNode tags = json(client.get("/api/summary-tags?trials=" + a + "," + b), 200).get("tags");
            assertThat(tags.findValuesAsText("tag")).containsExactly("inputs", "notes", "pr", "w");
            assertThat(tags.findValuesAsText("kind")).containsExactly("IMAGE", "TEXT", "PR_CURVE", "HISTOGRAM");
            assertThat(tags.get(0).get("trials").get(0).asLong()).isEqualTo(b);
            assertThat(tags.get(3).get("trials")).hasSize(1);
            assertThat(tags.get(3).get("trials").get(0).asLong()).isEqualTo(a);
        });
    }

    @Test
    void histogramsComeAsTheCountsOfThirtyEqualBinsFromMinToMaxAndPercentilesInStepOrder() {
        ApiFixture.withServer(storage, client -> {
            JsonNode runs = json(client.get("/api/summaries?trials=" + a + "," + b + "&tag=w"), 200).get("runs");
            JsonNode points = runs.get(0).get("summaries");
            assertThat(points.findValuesAsText("step")).containsExactly("0", "1");
            JsonNode h = points.get(1);
            assertThat(h.get("counts").size()).isEqualTo(SummaryRoutes.BINS);
            assertThat(h.get("lo").asDouble()).isEqualTo(0);
            assertThat(h.get("hi").asDouble()).isEqualTo(2);
            double total = 0;
            for (JsonNode c : h.get("counts")) {
                total += c.asDouble();
            }
            assertThat(total).isCloseTo(4, org.assertj.core.api.Assertions.within(1e-5));
            assertThat(points.get(0).get("counts")).hasSize(1);
            assertThat(points.get(0).get("lo").asDouble()).isEqualTo(4.5);
            assertThat(h.get("num").asDouble()).isEqualTo(4);
            assertThat(h.get("percentiles").size()).isEqualTo(9);
            assertThat(h.get("wallTime").asLong()).isEqualTo(5_000);
            assertThat(runs.get(1).get("summaries")).isEmpty();
        });
    }

    @Test
    void imagesComeAsPngDataUrisAndPrCurvesAsPrecisionAndRecall() {
        ApiFixture.withServer(storage, client -> {
            JsonNode image = json(client.get("/api/summaries?trials=" + b + "&tag=inputs"), 200).get("runs").get(0)
                    .get("summaries").get(0);
            assertThat(image.get("src").asText()).startsWith("data:image/png;base64,iVBORw0KGgo");
            assertThat(image.get("width").asInt()).isEqualTo(3);
            JsonNode pr = json(client.get("/api/summaries?trials=" + b + "&tag=pr"), 200).get("runs").get(0)
                    .get("summaries").get(0);
            assertThat(pr.get("recall").get(0).asDouble()).isEqualTo(1);
            assertThat(pr.get("precision").get(0).asDouble()).isEqualTo(0.5);
        });
    }

    @Test
    void tooManyOrNoRunsAreABadRequest() {
        ApiFixture.withServer(storage, client -> {
            json(client.get("/api/summary-tags?trials="), 400);
            String many = String.join(",", java.util.Collections.nCopies(51, String.valueOf(a)));
            assertThat(json(client.get("/api/summaries?tag=w&trials=" + many), 400).get("message").asText())
                    .contains("1 to 50 trial ids, got 51");
        });
    }
}
