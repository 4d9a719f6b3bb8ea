package io.tunelab.search.sampler;

import io.tunelab.search.sampler.tpe.TpeSampler;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.Trial;

/** Branin (x0 in [-5, 10], x1 in [0, 15]; three global minima of {@link #MIN}) and studies of it, for warm-start tests. */
final class BraninStudies {
    /** Branin's global minimum. */
    static final double MIN = 0.39788735772973816;

    private BraninStudies() {
    }

    /** Branin of the trial's {@code x0} and {@code x1}. */
    static double branin(Trial t) {
        return branin(t.suggestFloat("x0", -5, 10), t.suggestFloat("x1", 0, 15));
    }

    static double branin(double x0, double x1) {
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double r = x1 - b * x0 * x0 + c * x0 - 6;
        return r * r + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x0) + 10;
    }

    /** The best value among the study's first {@code trials} trials, less Branin's minimum. */
    static double regret(Study study, int trials) {
        return study.trials().stream().limit(trials).mapToDouble(FrozenTrial::value).min().orElseThrow() - MIN;
    }

    /** An earlier study of Branin, named "earlier", searched with TPE (seed {@code seed + 100}) for 50 trials. */
    static Study earlier(int seed) {
        Study study = Study.builder("earlier").seed(seed + 100).sampler(TpeSampler::new).create();
        study.optimize(BraninStudies::branin, OptimizeOptions.trials(50).withParallelism(1));
        return study;
    }
}
