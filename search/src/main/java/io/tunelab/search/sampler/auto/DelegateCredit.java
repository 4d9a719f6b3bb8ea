package io.tunelab.search.sampler.auto;

import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import java.util.Comparator;
import java.util.List;

/**
 * How often the GP and TPE turns of {@link AutoSampler}'s GP phase improved the incumbent, computed from the
 * trial history alone: the complete single-objective trials are taken in number order, and a trial numbered
 * at least {@code fromNumber} improves when its loss is below that of every complete trial numbered below
 * it. Its delegate is its recorded {@link Sampler#SAMPLER_ATTR}: {@code tpe}, or the GP ({@code gp} and
 * {@code gp-local} alike); trials of other delegates are not counted. Depending only on the trials a view
 * shows, never on the order they completed in, the credit is the same in every schedule that shows the
 * same trials (the deterministic parallel mode).
 *
 * @param gpTrials         counted trials proposed by the GP
 * @param gpImprovements   of which improved the incumbent
 * @param tpeTrials        counted trials proposed by TPE
 * @param tpeImprovements  of which improved the incumbent
 */
public record DelegateCredit(int gpTrials, int gpImprovements, int tpeTrials, int tpeImprovements) {

    /** The credit of the trials numbered at least {@code fromNumber} among {@code complete}. */
    public static DelegateCredit of(List<FrozenTrial> complete, Direction direction, int fromNumber) {
        List<FrozenTrial> ordered = complete.stream().filter(t -> t.values().size() == 1)
                .sorted(Comparator.comparingInt(FrozenTrial::number)).toList();
        int gp = 0;
        int gpUp = 0;
        int tpe = 0;
        int tpeUp = 0;
        double best = Double.POSITIVE_INFINITY;
        for (FrozenTrial t : ordered) {
            double loss = direction.asLoss(t.value());
            boolean improves = loss < best;
            best = Math.min(best, loss);
            if (t.number() < fromNumber) {
                continue;
            }
            Object by = t.systemAttrs().get(Sampler.SAMPLER_ATTR);
            if ("tpe".equals(by)) {
                tpe++;
                tpeUp += improves ? 1 : 0;
            } else if ("gp".equals(by) || "gp-local".equals(by)) {
                gp++;
                gpUp += improves ? 1 : 0;
            }
        }
        return new DelegateCredit(gp, gpUp, tpe, tpeUp);
    }

    /**
     * Whether TPE's improvement rate, with one improvement and one failure added to each delegate as a prior
     * ({@code (improvements + 1) / (trials + 2)}), is strictly above the GP's; with no counted trial the two are
     * equal, so the GP keeps the turn.
     */
    public boolean tpeLeads() {
        return (long) (tpeImprovements + 1) * (gpTrials + 2) > (long) (gpImprovements + 1) * (tpeTrials + 2);
    }
}
