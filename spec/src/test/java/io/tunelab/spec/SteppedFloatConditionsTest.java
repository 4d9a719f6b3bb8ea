package io.tunelab.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Trial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A condition naming values of a stepped float holds exactly for those grid points. */
class SteppedFloatConditionsTest {
    private static final SpaceDefinition SPACE = new StudySpecParser().parse(SpecFiles.replacing(8, """
            fraction_features: {float: [0.3, 1.0], step: 0.1}
            impurity: {choice: [gini, entropy], when: {fraction_features: {in: [0.6, 0.7, 0.9]}}}"""
            .indent(2).stripTrailing()), "feq.yaml").space();

    private static Map<String, Object> point(double fraction) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("fraction_features", fraction);
        point.put("impurity", "gini");
        return point;
    }

    @Test
    void aTrialHasTheConditionalParameterForEveryGridPointTheConditionNames() {
        Study study = Study.builder("feq").seed(5).sampler(RandomSampler::new).create();
        List<Map<String, Object>> configs = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            Trial trial = study.ask();
            configs.add(SPACE.suggest(trial));
        }

        assertThat(configs).extracting(c -> c.get("fraction_features")).contains(0.6, 0.7, 0.9);
        assertThat(configs).allSatisfy(c -> assertThat(c.containsKey("impurity"))
                .as("impurity with fraction_features=%s", c.get("fraction_features"))
                .isEqualTo(List.of(0.6, 0.7, 0.9).contains(c.get("fraction_features"))));
    }

    @Test
    void aValueOneUlpOffItsGridPointStillSatisfiesTheCondition() {
        assertThat(SPACE.configuration(point(0.3 + 3 * 0.1))).containsEntry("impurity", "gini");
        assertThat(SPACE.configuration(point(0.9000000000000001))).containsEntry("impurity", "gini");
        assertThat(SPACE.configuration(point(0.8))).doesNotContainKey("impurity");
    }
}
