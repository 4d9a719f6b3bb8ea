package io.tunelab.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.dashboard.data.ModelDetail;
import io.tunelab.dashboard.data.PromoteResult;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.tracker.registry.AliasMove;
import io.tunelab.tracker.registry.ModelVersion;
import io.tunelab.tracker.registry.RegisteredModel;
import io.tunelab.tracker.registry.VersionMetric;
import io.tunelab.tracker.registry.VersionSource;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The models page reads registry records in the shape it always had. */
class ModelViewsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static ModelVersion version(ArtifactRef artifact) {
        return new ModelVersion("cart", 2, new VersionSource(41, "study-a", 7, artifact), Map.of("depth", 3),
                List.of(0.9), Map.of("loss", new VersionMetric(10, 9, 0.25, 0.2, 1.5)), "desc", Map.of(),
                List.of("production"), false, T0, "tester");
    }

    @Test
    void aModelWithoutDescriptionShowsAnEmptyOne() {
        RegisteredModel m = new RegisteredModel("cart", null, Map.of("team", "ml"), Map.of("production", 2), 2, T0,
                T0.plusSeconds(5));
        assertThat(ModelViews.model(m)).containsExactly(Map.entry("name", "cart"), Map.entry("description", ""),
                Map.entry("tags", Map.of("team", "ml")), Map.entry("latestVersion", 2),
                Map.entry("aliases", Map.of("production", 2)), Map.entry("updated", T0.plusSeconds(5)));
    }

    @Test
    void aVersionShowsItsSourceTrialFlatItsValueAndEachMetricsLastValue() {
        ArtifactRef model = new ArtifactRef("model.bin", URI.create("file:/a/model.bin"), 3, "ab");
        Map<String, Object> v = ModelViews.version(version(model));
        assertThat(v.keySet()).containsExactly("model", "version", "trialId", "studyName", "trialNumber", "source",
                "params", "values", "metrics", "archived", "created");
        assertThat(v).containsEntry("trialId", 41L).containsEntry("studyName", "study-a").containsEntry("trialNumber", 7)
                .containsEntry("source", "file:/a/model.bin").containsEntry("metrics", Map.of("loss", 0.25))
                .as("the trial's objective value beside the metrics' last values").containsEntry("values", List.of(0.9));
        assertThat(ModelViews.version(version(null))).containsEntry("source", "");
    }

    @Test
    void aMoveSaysWhoMovedTheAliasFromWhichHost() {
        AliasMove move = new AliasMove(5, "cart", "production", 1, 2, T0, "ana", "box", "better", Map.of("p", 0.01));
        assertThat(ModelViews.move(move)).containsExactly(Map.entry("model", "cart"), Map.entry("alias", "production"),
                Map.entry("subject", "production"), Map.entry("fromVersion", 1), Map.entry("toVersion", 2),
                Map.entry("refused", false), Map.entry("at", T0), Map.entry("actor", "ana (box)"), Map.entry("reason", "better"));
    }

    @Test
    void aRefusedMoveIsMarkedRefusedWithTheVersionTheAliasStaysAt() {
        AliasMove refusal = new AliasMove(6, "cart", "production", 1, 1, T0, "ana", "box", "refused by the mcnemar gate",
                Map.of("p_value", 0.4));
        assertThat(ModelViews.move(refusal)).containsEntry("refused", true).containsEntry("fromVersion", 1)
                .containsEntry("toVersion", 1);
    }

    @Test
    void aDetailAndAPromotionHoldTheSameViews() {
        ModelVersion v = version(null);
        RegisteredModel m = new RegisteredModel("cart", "d", Map.of(), Map.of(), 2, T0, T0);
        AliasMove move = new AliasMove(5, "cart", "production", null, 2, T0, "ana", "", "first", Map.of());
        Map<String, Object> detail = ModelViews.detail(new ModelDetail(m, List.of(v), List.of(move)));
        assertThat(detail).containsExactly(Map.entry("model", ModelViews.model(m)),
                Map.entry("versions", List.of(ModelViews.version(v))), Map.entry("audit", List.of(ModelViews.move(move))));
        assertThat(ModelViews.move(move)).containsEntry("actor", "ana");

        PromoteResult.GateVerdict gate = new PromoteResult.GateVerdict(false, "not better");
        Map<String, Object> refused = ModelViews.promotion(new PromoteResult(false, v, null, gate));
        assertThat(refused).containsEntry("moved", false).containsEntry("version", ModelViews.version(v))
                .containsEntry("move", null).containsEntry("gate", gate);
    }
}
