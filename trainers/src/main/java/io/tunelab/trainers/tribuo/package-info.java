/**
 * Classical models on Tribuo 4.3 (individual modules only): one {@link io.tunelab.trainers.tribuo.TribuoTrainerSpec}
 * per model family (linear SGD, CART, random forest, XGBoost, LIBLINEAR, LIBSVM) that reads its documented
 * hyperparameters from a trial and builds the Tribuo trainer; {@link io.tunelab.trainers.tribuo.TribuoObjective},
 * the cross-validated objective of a search; {@link io.tunelab.trainers.tribuo.TabularModel} and
 * {@link io.tunelab.trainers.tribuo.TribuoModels}, which save models in Tribuo's protobuf format (plus ONNX where
 * Tribuo exports it) and load them back for serving. Opt-in summaries of the refitted model: the test
 * confusion matrix and feature importances.
 *
 * <p>Depends on {@code search}, on the {@code tabular}, {@code eval} and {@code summary} packages of this module,
 * and on Tribuo.
 */
package io.tunelab.trainers.tribuo;
