package io.tunelab.cli.registry;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.run.StudyFiles;
import io.tunelab.cli.wiring.TestRows;
import io.tunelab.spec.StudySpec;
import io.tunelab.trainers.predict.Predictor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The examples a promotion gate compares two models on: rows of the data neither model trained on. Two studies that
 * split the same data alike (same data, seed and test fraction) share their test split, every row of it. Studies that
 * split the same data differently (another seed) share only the rows in both test splits, by their index in the data
 * set; fewer than {@link #MINIMUM} of them, different data, or a trainer that cannot say which rows its test split
 * holds (when the splits may differ) refuse the gate: the champion would otherwise be scored on rows it trained on.
 */
final class SharedTestRows {
    /**
     * The fewest shared rows a gate is judged on when the splits differ: below about 30 pairs the normal approximations
     * of the paired t-test and of McNemar's test are unreliable.
     */
    static final int MINIMUM = 30;

    /** A model with the study it came from: {@code name} as messages say it, e.g. {@code house v1 (study 'h')}. */
    record Side(String name, StudyFiles files, Predictor model) {
    }

    /**
     * Per-example scores of both models on the same rows, in the same order.
     *
     * @param challengerTestRows how many rows the challenger's test split has
     * @param sameSplit          whether both models hold out the same rows (one study, or studies that split alike)
     */
    record Paired(double[] challenger, double[] champion, int challengerTestRows, boolean sameSplit) {
        int used() {
            return challenger.length;
        }

        /** Whether the scores are minus squared errors (a regressor's) rather than 1 or 0 per example (a classifier's). */
        boolean squaredErrors() {
            return Arrays.stream(challenger).anyMatch(s -> s != 0 && s != 1)
                    || Arrays.stream(champion).anyMatch(s -> s != 0 && s != 1);
        }

        /** How the rows were chosen, for the audit trail and the promotion's report. */
        String describe() {
            return sameSplit ? used() + " test rows (both models hold out the same rows)"
                    : used() + " of the challenger's " + challengerTestRows + " test rows (those in both studies' test"
                    + " splits: neither model trained on them)";
        }
    }

    private SharedTestRows() {
    }

    /** @throws CliException naming both models, why no fair comparison exists and what to do instead */
    static Paired pair(String gate, Side challenger, Side champion) {
        StudySpec ours = challenger.files().spec();
        StudySpec theirs = champion.files().spec();
        Optional<TestRows> ourRows = challenger.files().trainer().testRows(ours);
        Optional<TestRows> theirRows = champion.files().trainer().testRows(theirs);
        boolean sameSpec = ours.data().equals(theirs.data()) && ours.sampler().seed() == theirs.sampler().seed();
        if (ourRows.isEmpty() || theirRows.isEmpty()) {
            if (!sameSpec) {
                throw refusal(gate, challenger, champion, "the trainer of " + (ourRows.isEmpty() ? challenger : champion).name()
                        + " cannot say which rows its test split holds, and the two studies split their data differently ("
                        + split(ours) + " vs " + split(theirs) + "), so the champion may have trained on the"
                        + " challenger's test rows");
            }
            return sameSplit(challenger, champion);
        }
        TestRows a = ourRows.get();
        TestRows b = theirRows.get();
        if (!a.data().equals(b.data())) {
            throw refusal(gate, challenger, champion, "the two studies read different data (" + a.data() + " vs "
                    + b.data() + "), so their test rows cannot be matched");
        }
        if (Arrays.equals(a.rows(), b.rows())) {
            return sameSplit(challenger, champion);
        }
        double[] ch = challenger.files().trainer().testScores(ours, challenger.model());
        double[] champ = champion.files().trainer().testScores(theirs, champion.model());
        Map<Integer, Integer> theirPosition = new HashMap<>();
        int[] theirIndex = b.rows();
        for (int i = 0; i < theirIndex.length; i++) {
            theirPosition.put(theirIndex[i], i);
        }
        int[] ourIndex = a.rows();
        double[] pairedOurs = new double[ourIndex.length];
        double[] pairedTheirs = new double[ourIndex.length];
        int n = 0;
        for (int i = 0; i < ourIndex.length; i++) {
            Integer j = theirPosition.get(ourIndex[i]);
            if (j != null) {
                pairedOurs[n] = ch[i];
                pairedTheirs[n++] = champ[j];
            }
        }
        if (n < MINIMUM) {
            throw refusal(gate, challenger, champion, "only " + n + " of the challenger's " + ourIndex.length
                    + " test rows are in the champion's test split too (" + split(ours) + " vs " + split(theirs)
                    + "; the champion may have trained on the others), and the gate needs at least " + MINIMUM);
        }
        return new Paired(Arrays.copyOf(pairedOurs, n), Arrays.copyOf(pairedTheirs, n), ourIndex.length, false);
    }

    /** Both models scored on the challenger's test split, which is the champion's too. */
    private static Paired sameSplit(Side challenger, Side champion) {
        StudySpec ours = challenger.files().spec();
        double[] ch = challenger.files().trainer().testScores(ours, challenger.model());
        return new Paired(ch, champion.files().trainer().testScores(ours, champion.model()), ch.length, true);
    }

    private static String split(StudySpec spec) {
        Object fraction = spec.data().options().get("test_split");
        return "sampler seed " + spec.sampler().seed() + (fraction == null ? "" : ", test_split " + fraction);
    }

    private static CliException refusal(String gate, Side challenger, Side champion, String why) {
        return new CliException("--gate " + gate + ": cannot compare " + challenger.name() + " with " + champion.name()
                + " on rows neither trained on: " + why + ". Run the challenger's study with the champion's data and split ("
                + split(champion.files().spec()) + "), or promote without --gate; nothing was registered");
    }
}
