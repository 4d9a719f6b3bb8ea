/**
 * Pruners that stop unpromising trials early, each decision carrying its evidence: none, median and
 * percentile (Optuna's rules for startup trials, warm-up and interval), asynchronous successive halving
 * (ASHA) and Hyperband. Pruners only read the study; depends on the trial package.
 */
package io.tunelab.search.pruner;
