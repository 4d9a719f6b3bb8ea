/**
 * Parameter importance, the equivalent of Optuna's {@code optuna.importance}: {@link
 * io.tunelab.search.importance.ParamImportances#get} ranks a study's parameters by functional ANOVA over a
 * random forest ({@link io.tunelab.search.importance.ParameterImportance}). Pure functions of trial
 * snapshots; depends on the trial and space packages only.
 */
package io.tunelab.search.importance;
