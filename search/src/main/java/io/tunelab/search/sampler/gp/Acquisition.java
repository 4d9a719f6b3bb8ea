package io.tunelab.search.sampler.gp;

import io.tunelab.search.sampler.StandardNormal;
import java.util.List;

/**
 * Constrained log expected improvement: {@code log EI(x) + Σ log P(cᵢ(x) ≤ 0)} (Jones et al. 1998;
 * Gardner et al. 2014), with EI computed as {@code log σ + log h((best − μ)/σ)} so that it stays finite
 * and informative far from the incumbent (Ament et al. 2023). Without a feasible incumbent only the
 * feasibility term is maximised. Targets are standardised losses (minimised). Immutable; thread-safe.
 *
 * @param objective   GP of the standardised loss
 * @param best        best standardised loss among feasible observations, or NaN if none is feasible
 * @param constraints GPs of standardised constraint values
 * @param thresholds  each constraint's feasibility threshold in its standardised units
 */
record Acquisition(GaussianProcess objective, double best, List<GaussianProcess> constraints, double[] thresholds) {

    double value(double[] x) {
        double total = 0;
        if (!Double.isNaN(best)) {
            double[] p = objective.predict(x);
            double sigma = Math.sqrt(p[1]);
            total += Math.log(sigma) + StandardNormal.logH((best - p[0]) / sigma);
        }
        for (int i = 0; i < constraints.size(); i++) {
            double[] p = constraints.get(i).predict(x);
            total += StandardNormal.logCdf((thresholds[i] - p[0]) / Math.sqrt(p[1]));
        }
        return total;
    }

    /** The value at {@code x}; its gradient goes to {@code grad}. */
    double value(double[] x, double[] grad) {
        int d = x.length;
        java.util.Arrays.fill(grad, 0);
        double[] gm = new double[d];
        double[] gv = new double[d];
        double total = 0;
        if (!Double.isNaN(best)) {
            double[] p = objective.predictWithGradient(x, gm, gv);
            double sigma = Math.sqrt(p[1]);
            double z = (best - p[0]) / sigma;
            double logH = StandardNormal.logH(z);
            total += Math.log(sigma) + logH;
            double dLogH = Math.exp(StandardNormal.logCdf(z) - logH);
            for (int j = 0; j < d; j++) {
                double dSigma = gv[j] / (2 * sigma);
                double dz = -gm[j] / sigma - z * dSigma / sigma;
                grad[j] += dSigma / sigma + dLogH * dz;
            }
        }
        for (int i = 0; i < constraints.size(); i++) {
            double[] p = constraints.get(i).predictWithGradient(x, gm, gv);
            double sigma = Math.sqrt(p[1]);
            double u = (thresholds[i] - p[0]) / sigma;
            double logCdf = StandardNormal.logCdf(u);
            total += logCdf;
            double dLog = Math.exp(StandardNormal.logPdf(u) - logCdf);
            for (int j = 0; j < d; j++) {
                double dSigma = gv[j] / (2 * sigma);
                grad[j] += dLog * (-gm[j] / sigma - u * dSigma / sigma);
            }
        }
        return total;
    }
}
