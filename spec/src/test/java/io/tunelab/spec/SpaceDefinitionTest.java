package io.tunelab.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpaceDefinitionTest {
    private static final String CONDITIONAL = SpecFiles.replacing(8, """
            n_hidden: {int: [0, 3]}
            n_units_l{i}: {int: [8, 256], log: true, per_layer: n_hidden}
            optimizer: {choice: [sgd, momentum, nesterov, adam]}
            momentum: {float: [0.8, 0.99], when: {optimizer: {in: [momentum, nesterov]}}}
            beta_2: {float: [0.9, 0.9999], when: {optimizer: adam}}
            wide_head: {choice: [true, false], when: {n_hidden: {ge: 2}, optimizer: {ne: sgd}}}""".indent(2).stripTrailing());

    private static List<Map<String, Object>> sample(SpaceDefinition space, long seed, int trials) {
        Study study = Study.builder("space-test").seed(seed).sampler(RandomSampler::new).create();
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            Trial trial = study.ask();
            Map<String, Object> values = space.suggest(trial);
            assertThat(trial.params()).as("what the trial recorded").isEqualTo(values);
            out.add(values);
        }
        return out;
    }

    @Test
    void perLayerEntriesExpandToOneParameterPerPossibleLayer() {
        SpaceDefinition space = new StudySpecParser().parse(CONDITIONAL, "c.yaml").space();

        assertThat(space.distributions().keySet()).containsExactly("n_hidden", "n_units_l0", "n_units_l1", "n_units_l2",
                "optimizer", "momentum", "beta_2", "wide_head");
        assertThat(space.parameters().get(2).describeConditions()).isEqualTo("n_hidden > 1");
        assertThat(space.parameters().get(7).describeConditions()).isEqualTo("n_hidden >= 2 and optimizer != sgd");
    }

    @Test
    void aTrialHasALayerParameterExactlyWhenItHasThatManyLayers() {
        SpaceDefinition space = new StudySpecParser().parse(CONDITIONAL, "c.yaml").space();

        List<Map<String, Object>> configs = sample(space, 11, 200);

        assertThat(configs).allSatisfy(c -> {
            int layers = (Integer) c.get("n_hidden");
            for (int i = 0; i < 3; i++) {
                assertThat(c.containsKey("n_units_l" + i)).as("n_units_l%d with %d layers", i, layers).isEqualTo(i < layers);
            }
        });
        assertThat(configs).extracting(c -> c.get("n_hidden")).contains(0, 1, 2, 3);
    }

    @Test
    void aConditionalParameterIsAbsentWhenItsConditionIsFalse() {
        SpaceDefinition space = new StudySpecParser().parse(CONDITIONAL, "c.yaml").space();

        List<Map<String, Object>> configs = sample(space, 5, 200);

        assertThat(configs).allSatisfy(c -> {
            Object optimizer = c.get("optimizer");
            assertThat(c.containsKey("momentum")).isEqualTo(optimizer.equals("momentum") || optimizer.equals("nesterov"));
            assertThat(c.containsKey("beta_2")).isEqualTo(optimizer.equals("adam"));
            assertThat(c.containsKey("wide_head")).isEqualTo((Integer) c.get("n_hidden") >= 2 && !optimizer.equals("sgd"));
        });
        assertThat(configs).anyMatch(c -> c.containsKey("momentum")).anyMatch(c -> !c.containsKey("momentum"));
    }

    @Test
    void aConditionMatchesAChoiceIgnoringCaseAsTheTrainersMatchChoices() {
        SpaceDefinition space = new StudySpecParser().parse(SpecFiles.replacing(8, """
                optimizer: {choice: [Adam, SGD, Nesterov]}
                momentum: {float: [0.8, 0.99], when: {optimizer: nesterov}}
                beta_2: {float: [0.9, 0.9999], when: {optimizer: {in: [adam, sgd]}}}""".indent(2).stripTrailing()), "c.yaml")
                .space();

        List<Map<String, Object>> configs = sample(space, 3, 60);

        assertThat(space.parameters().get(1).describeConditions()).isEqualTo("optimizer == Nesterov");
        assertThat(configs).allSatisfy(c -> {
            assertThat(c.containsKey("momentum")).isEqualTo(c.get("optimizer").equals("Nesterov"));
            assertThat(c.containsKey("beta_2")).isEqualTo(!c.get("optimizer").equals("Nesterov"));
        });
        assertThat(configs).anyMatch(c -> c.containsKey("momentum")).anyMatch(c -> c.containsKey("beta_2"));
    }

    @Test
    void parametersAreSuggestedInFileOrder() {
        SpaceDefinition space = new StudySpecParser().parse(CONDITIONAL, "c.yaml").space();
        List<String> order = new ArrayList<>(space.distributions().keySet());

        for (Map<String, Object> config : sample(space, 3, 50)) {
            List<String> names = new ArrayList<>(config.keySet());
            assertThat(names).isSortedAccordingTo((a, b) -> Integer.compare(order.indexOf(a), order.indexOf(b)));
        }
    }

    @Test
    void theSameSeedGivesTheSameConfigurations() {
        SpaceDefinition space = new StudySpecParser().parse(CONDITIONAL, "c.yaml").space();

        assertThat(sample(space, 42, 20)).isEqualTo(sample(space, 42, 20)).isNotEqualTo(sample(space, 43, 20));
    }

    @Test
    void aConditionOnAParameterNotDefinedEarlierIsRefusedWhenBuiltInCode() {
        List<SpaceParameter> parameters = List.of(
                new SpaceParameter("momentum", FloatDistribution.uniform(0.8, 0.99),
                        List.of(new Condition("optimizer", Condition.Operator.EQ, List.of("momentum")))),
                SpaceParameter.of("n", IntDistribution.uniform(0, 1)));

        assertThatThrownBy(() -> new SpaceDefinition(parameters)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'optimizer', which is not an earlier parameter");
    }

    @Test
    void conditionsCompareNumbersByValueAndNeverOrderText() {
        Condition atLeastTwo = new Condition("n", Condition.Operator.GE, List.of(2));
        Condition isHalf = new Condition("x", Condition.Operator.EQ, List.of(0.5));

        assertThat(atLeastTwo.holds(Map.of("n", 2.0))).isTrue();
        assertThat(atLeastTwo.holds(Map.of("n", 1))).isFalse();
        assertThat(atLeastTwo.holds(Map.of("n", "three"))).isFalse();
        assertThat(new Condition("n", Condition.Operator.LT, List.of(2)).holds(Map.of("n", "one"))).isFalse();
        assertThat(atLeastTwo.holds(Map.of())).as("absent parameter").isFalse();
        assertThat(isHalf.holds(Map.of("x", 0.5f))).isTrue();
    }
}
