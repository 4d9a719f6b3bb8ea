package io.tunelab.search.sampler.tpe;

import io.tunelab.search.sampler.ImprovementCredit;
import io.tunelab.search.sampler.KnownPoints;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import java.util.List;
import java.util.Map;

/**
 * Which model proposes a trial under {@link TpeOptions#modelCredit}: in a numeric space of at least {@link
 * TpeOptions#MODEL_CREDIT_MIN_PARAMETERS} parameters modelled as one group, with at least one continuous float,
 * even-numbered trials are multivariate, and an odd-numbered one is univariate while the univariate trials have
 * improved the best value at a higher rate than the multivariate ones ({@link ImprovementCredit}: univariate
 * challenges, multivariate defends and keeps ties). In a space of finitely many values the multivariate model decides
 * every trial, keeping off known points ({@link KnownPoints}), as it did when that rule was checked. Each trial
 * records its model in {@link #ATTR}, and the credit counts the complete trials that recorded one, so the choice
 * depends only on the trials a view shows (the deterministic parallel mode) and is shared by processes that share the
 * study. On BBOB (development split, three disjoint sets of seeds) univariate TPE won rotated multimodal functions in
 * 5 and 10 dimensions and lost precision on smooth ones; the credit lets the history decide between them.
 */
final class ModelTurns {
    /** The trial system attribute recording the model: {@value #UNIVARIATE} or {@value #MULTIVARIATE}. */
    static final String ATTR = "tpe_model";
    static final String UNIVARIATE = "univariate";
    static final String MULTIVARIATE = "multivariate";

    private ModelTurns() {
    }

    /**
     * Whether the credit decides the model for {@code space} (the relative space without single values), made of the
     * {@code groups} of the group decomposition (one when the space is not decomposed): ints and floats only, at least
     * one of them a continuous float.
     */
    static boolean apply(TpeOptions options, Map<String, Distribution> space, long groups) {
        return options.modelCredit() && options.multivariate() && groups == 1
                && space.size() >= TpeOptions.MODEL_CREDIT_MIN_PARAMETERS
                && TpeOptions.numeric(space)
                && !KnownPoints.applies(space);
    }

    /** The model of trial {@code number} given the {@code complete} trials: {@value #UNIVARIATE} or {@value #MULTIVARIATE}. */
    static String choose(int number, List<FrozenTrial> complete, Direction direction) {
        boolean univariate = number % 2 == 1
                && ImprovementCredit.of(complete, direction, 0, ModelTurns::side).challengerLeads();
        return univariate ? UNIVARIATE : MULTIVARIATE;
    }

    /** The side of a trial in the credit: by its recorded model; trials without one are not counted. */
    static ImprovementCredit.Side side(FrozenTrial t) {
        Object model = t.systemAttrs().get(ATTR);
        if (UNIVARIATE.equals(model)) {
            return ImprovementCredit.Side.CHALLENGER;
        }
        return MULTIVARIATE.equals(model) ? ImprovementCredit.Side.DEFENDER : null;
    }
}
