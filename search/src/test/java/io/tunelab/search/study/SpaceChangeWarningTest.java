package io.tunelab.search.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.storage.TrialStorage;
import org.junit.jupiter.api.Test;

/** A loaded study whose define-by-run objective searches a parameter from a new distribution says so once. */
class SpaceChangeWarningTest {
    private final TrialStorage storage = new InMemoryStorage();

    private Study study() {
        return Study.builder("s").storage(storage).seed(1).createOrLoad();
    }

    private static double objective(io.tunelab.search.trial.Trial trial, double high) {
        return trial.suggestReciprocal("lr", 1e-3, high) + trial.suggestInt("layers", 1, 3);
    }

    @Test
    void aChangedRangeInTheObjectiveOfALoadedStudyGivesOneWarningNamingTheOldAndNewRange() {
        study().optimize(t -> objective(t, 0.1), 2);

        String log = Stderr.during(() -> study().optimize(t -> objective(t, 1.0), 3));

        assertThat(log.split("WARN", -1)).as("one warning for the run").hasSize(2);
        assertThat(log).contains("Study 's' resumes with a changed search space: trial 2 searches lr float[0.001, 1.0] log,"
                + " was float[0.001, 0.1] log (in 2 earlier trials). Earlier trials keep their values. Samplers learn about"
                + " a changed or added parameter only from trials that searched it from its new distribution;");
        assertThat(log).doesNotContain("layers");
    }

    @Test
    void theSameRangeANewParameterOrANewStudyGiveNoWarningUntilARangeChanges() {
        String created = Stderr.during(() -> study().optimize(t -> objective(t, 0.1), 2));
        String same = Stderr.during(() -> study().optimize(t -> objective(t, 0.1) + t.suggestFloat("dropout", 0, 0.5), 2));
        String changed = Stderr.during(() -> study().optimize(t -> objective(t, 0.1) + t.suggestFloat("dropout", 0, 0.9), 1));

        assertThat(created).doesNotContain("changed search space");
        assertThat(same).doesNotContain("changed search space");
        assertThat(changed).contains("trial 4 searches dropout float[0.0, 0.9], was float[0.0, 0.5] (in 2 earlier trials)");
    }

    @Test
    void aRangeSomeEarlierTrialSharesIsNoChangeAsInAConditionalSpace() {
        study().optimize(t -> t.suggestFloat("lr", 0, t.number() % 2 == 0 ? 1 : 2), 2);

        String shared = Stderr.during(() -> study().optimize(t -> t.suggestFloat("lr", 0, 2), 1));
        String unshared = Stderr.during(() -> study().optimize(t -> t.suggestFloat("lr", 0, 3), 1));

        assertThat(shared).doesNotContain("changed search space");
        assertThat(unshared).as("named with the latest earlier trial's range")
                .contains("trial 3 searches lr float[0.0, 3.0], was float[0.0, 2.0] (in 3 earlier trials)");
    }

    @Test
    void aCallerThatSaysTheChangeItselfTurnsTheWarningOff() {
        study().optimize(t -> objective(t, 0.1), 1);

        String off = Stderr.during(() -> Study.builder("s").storage(storage).warnOnSpaceChange(false).load()
                .optimize(t -> objective(t, 1.0), 1));
        String on = Stderr.during(() -> Study.builder("s").storage(storage).load().optimize(t -> objective(t, 2.0), 1));

        assertThat(off).doesNotContain("changed search space");
        assertThat(on).contains("changed search space");
    }
}
