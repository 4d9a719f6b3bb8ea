package io.tunelab.search.sampler;

import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * How often the trials of two ways of proposing, a defender and a challenger, improved the best value, computed from
 * the trial history alone: the complete single-objective trials are taken in number order, and a trial numbered at
 * least {@code fromNumber} improves when its loss is below that of every complete trial numbered below it. Each trial's
 * side comes from what it recorded (for {@code auto}, the delegate in {@link Sampler#SAMPLER_ATTR}; for TPE, the model
 * it used); trials of neither side are not counted. Depending only on the trials a view shows, never on the order
 * they completed in, the credit is the same in every schedule that shows the same trials (the deterministic parallel
 * mode).
 *
 * <p>Besides counting improvements, the credit sums their sizes: an improving trial's gain is the amount by which it
 * lowered the best loss of the complete trials numbered below it (none for the first trial, which has nothing to
 * lower). {@link #challengerLeads()} compares the rates of improvement, {@link #challengerLeadsByGain()} the gains per
 * counted trial.
 *
 * @param defenderTrials         counted trials of the defending side
 * @param defenderImprovements   of which improved the best value
 * @param challengerTrials        counted trials of the challenger side
 * @param challengerImprovements  of which improved the best value
 * @param defenderGain           the defending side's improvements' gains, summed ({@code >= 0})
 * @param challengerGain         the challenger side's, summed ({@code >= 0})
 */
public record ImprovementCredit(int defenderTrials, int defenderImprovements, int challengerTrials,
                                int challengerImprovements, double defenderGain, double challengerGain) {

    /** A credit of counts alone, without gains (both 0). */
    public ImprovementCredit(int defenderTrials, int defenderImprovements, int challengerTrials,
                             int challengerImprovements) {
        this(defenderTrials, defenderImprovements, challengerTrials, challengerImprovements, 0, 0);
    }

    /** Which side a trial counts for. */
    public enum Side { DEFENDER, CHALLENGER }

    /**
     * The credit of the trials numbered at least {@code fromNumber} among {@code complete}, each counted for the side
     * {@code side} gives it ({@code null}: not counted).
     */
    public static ImprovementCredit of(List<FrozenTrial> complete, Direction direction, int fromNumber,
                                       Function<FrozenTrial, Side> side) {
        List<FrozenTrial> ordered = complete.stream().filter(t -> t.values().size() == 1)
                .sorted(Comparator.comparingInt(FrozenTrial::number)).toList();
        int[] trials = new int[2];
        int[] improvements = new int[2];
        double[] gains = new double[2];
        double best = Double.POSITIVE_INFINITY;
        for (FrozenTrial t : ordered) {
            double loss = direction.asLoss(t.value());
            boolean improves = loss < best;
            double gain = improves ? best - loss : 0;
            best = Math.min(best, loss);
            Side s = t.number() < fromNumber ? null : side.apply(t);
            if (s != null) {
                trials[s.ordinal()]++;
                improvements[s.ordinal()] += improves ? 1 : 0;
                gains[s.ordinal()] += Double.isFinite(gain) ? gain : 0;
            }
        }
        return new ImprovementCredit(trials[0], improvements[0], trials[1], improvements[1], gains[0], gains[1]);
    }

    /**
     * Whether the challenger's improvement rate, with one improvement and one failure added to each side as a prior
     * ({@code (improvements + 1) / (trials + 2)}), is strictly above the defender's; with no counted trial the two are
     * equal, so the defender keeps the turn.
     */
    public boolean challengerLeads() {
        return (long) (challengerImprovements + 1) * (defenderTrials + 2)
                > (long) (defenderImprovements + 1) * (challengerTrials + 2);
    }

    /**
     * Whether the challenger's gain per counted trial, {@code gain / (trials + 2)}, is strictly above the defender's:
     * many small refinements weigh less than one large step. Neither side's scale nor offset matters (both sides'
     * gains are differences of the same losses). With no gain on either side the defender keeps the turn.
     */
    public boolean challengerLeadsByGain() {
        return challengerGain * (defenderTrials + 2) > defenderGain * (challengerTrials + 2);
    }
}
