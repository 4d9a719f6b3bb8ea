package io.tunelab.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Hostile or broken input is rejected as problems, never as another exception, a hang or a flood of text. */
class SpecLimitsTest {
    private final StudySpecParser parser = new StudySpecParser();

    private List<SpecProblem> problems(String yaml) {
        SpecValidationException e = catchThrowableOfType(SpecValidationException.class, () -> parser.parse(yaml, "h.yaml"));
        assertThat(e).as("expected a validation error").isNotNull();
        return e.problems();
    }

    @Test
    void anAliasBombIsStoppedByTheAliasLimit() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            String previous = "*a" + (i - 1);
            yaml.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, previous))).append("]\n");
        }

        assertThat(problems(yaml.toString())).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("(yaml)");
            assertThat(p.message()).contains("more than 50 aliases");
        });
    }

    @Test
    void aliasFanOutBelowTheAliasLimitIsStoppedByTheValueBudgetOfFreeFormSections() {
        String yaml = SpecFiles.replacing(5, """
                data:
                  dataset: d
                  l0: &l0 [x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x]
                  l1: &l1 [*l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0]
                  l2: &l2 [*l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1]
                  l3: [*l2, *l2, *l2]""");

        assertThat(problems(yaml)).singleElement().satisfies(p -> {
            assertThat(p.path()).startsWith("data.l3");
            assertThat(p.message()).isEqualTo("holds more than 10000 values");
        });
    }

    @Test
    void aRecursiveAliasIsStoppedByTheDepthLimit() {
        String yaml = SpecFiles.replacing(5, "data: &d {dataset: x, again: *d}");

        assertThat(problems(yaml)).singleElement().extracting(SpecProblem::message).isEqualTo("nested deeper than 16 levels");
    }

    @Test
    void aRecursiveAliasInTheSpaceEndsAsOrdinaryProblems() {
        String yaml = SpecFiles.replacing(8, "  x: &x {float: [0, 1], when: {x: *x}}");

        assertThat(problems(yaml)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("space.x.when.x");
            assertThat(p.message()).startsWith("refers to 'x', which is not defined before this parameter");
        });
    }

    @Test
    void deepNestingIsRejectedByTheNestingLimit() {
        String yaml = SpecFiles.adding("fit: " + "[".repeat(5000) + "]".repeat(5000));

        assertThat(problems(yaml)).singleElement().extracting(SpecProblem::message)
                .isEqualTo("the document is nested deeper than 32 levels");
    }

    @Test
    void anOversizedDocumentIsRejectedBeforeParsing() {
        String yaml = SpecFiles.MINIMAL + "# " + "x".repeat(1_000_001) + "\n";

        assertThat(problems(yaml)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("(file)");
            assertThat(p.message()).contains("more than the 1000000 a study file may have");
        });
    }

    @Test
    void hugeStringsAreReportedWithoutBeingEchoed() {
        String huge = "n".repeat(300_000);
        String longKey = "k".repeat(1000); // YAML caps implicit keys at 1024 characters
        String yaml = SpecFiles.replacing(1, "study: " + huge).replace("metric: acc", "metric: acc\n" + longKey + ": 1");

        List<SpecProblem> problems = problems(yaml);

        assertThat(problems).extracting(SpecProblem::message)
                .anyMatch(m -> m.equals("must be at most 200 characters, got 300000"))
                .anyMatch(m -> m.startsWith("unknown key 'kkkk") && m.contains("(1000 characters)"));
        assertThat(problems).allSatisfy(p -> assertThat(p.format().length()).isLessThan(400));
    }

    @Test
    void aFloodOfProblemsIsCutAtOneHundredWithACount() {
        String entries = IntStream.range(0, 300).mapToObj(i -> "  p" + i + ": {int: [2, 1]}").collect(Collectors.joining("\n"));

        List<SpecProblem> problems = problems(SpecFiles.replacing(8, entries));

        assertThat(problems).hasSize(101);
        assertThat(problems.get(100).message()).isEqualTo("200 more problems not shown; fix the ones above first");
    }

    @Test
    void emptyMultiDocumentAndTabIndentedFilesAreProblems() {
        assertThat(problems("")).singleElement().extracting(SpecProblem::message).asString().startsWith("the file is empty");
        assertThat(problems(SpecFiles.MINIMAL + "---\nstudy: t\n")).singleElement().extracting(SpecProblem::message)
                .asString().contains("expected a single document");
        assertThat(problems("study: s\n\tdirection: maximize\n")).singleElement().extracting(SpecProblem::path)
                .isEqualTo("(yaml)");
    }

    @Test
    void mergeKeysAreRefusedRatherThanSilentlyInterpreted() {
        String yaml = SpecFiles.adding("fit: {<<: {epochs: 3}}");

        assertThat(problems(yaml)).singleElement().extracting(SpecProblem::message).asString()
                .startsWith("merge keys (<<) are not supported");
    }
}
