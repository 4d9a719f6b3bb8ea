package io.tunelab.cli.wiring;

import io.tunelab.trainers.params.Hyperparameter;
import io.tunelab.trainers.params.Hyperparameters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * What a scikit-learn, XGBoost or Keras user writes in a space that a trainer spells otherwise: a parameter name
 * ({@code n_estimators}, {@code criterion}) with the trainer's parameter that does its work, and a Keras loss
 * ({@code sparse_categorical_crossentropy}) with the trainer's choice. A name maps only to a parameter the trainer reads:
 * {@code n_estimators} is {@code rounds} for XGBoost and {@code n_trees} for a random forest, and nothing for a trainer
 * with neither. A name whose work no parameter of the trainer does ({@code kernel} with a tree, {@code tol},
 * {@code n_neighbors}) is answered plainly: the trainer has no counterpart to it. Names are matched without case. Stateless.
 */
final class LibraryHints {
    private static final String SKLEARN = "scikit-learn's name";
    private static final String XGB_SKLEARN = "XGBoost's scikit-learn API name";

    /**
     * Where a foreign name comes from ({@code name} in {@code origin} standing for the name itself), and the parameters
     * (or choices) that do its work, the first the trainer reads being the one named; none for a name whose work no
     * Tunelab trainer does under another name.
     */
    private record Hint(String origin, List<String> ours) {
    }

    private static final Map<String, Hint> PARAMETERS = Map.ofEntries(
            Map.entry("n_estimators", new Hint(SKLEARN + " (XGBRegressor, RandomForestClassifier)", List.of("rounds", "n_trees"))),
            Map.entry("num_boost_round", new Hint("XGBoost's xgb.train name", List.of("rounds"))),
            Map.entry("learning_rate", new Hint(XGB_SKLEARN, List.of("eta"))),
            Map.entry("colsample_bytree", new Hint("XGBoost's name", List.of("colsample"))),
            Map.entry("reg_lambda", new Hint(XGB_SKLEARN, List.of("lambda", "l2"))),
            Map.entry("reg_alpha", new Hint(XGB_SKLEARN, List.of("alpha"))),
            Map.entry("lambda", new Hint("XGBoost's name (an L2 penalty)", List.of("l2"))),
            Map.entry("alpha", new Hint(SKLEARN + " (SGDRegressor's and MLPRegressor's L2 penalty)", List.of("l2"))),
            Map.entry("l1", new Hint("Keras's name (an L1 penalty)", List.of("alpha"))),
            Map.entry("l2", new Hint("Keras's name (an L2 penalty)", List.of("lambda"))),
            Map.entry("penalty", new Hint(SKLEARN + " (l1 or l2, which LIBLINEAR's solver names carry: l1r_, l2r_)",
                    List.of("solver"))),
            Map.entry("max_features", new Hint(SKLEARN + "; give a fraction of the features", List.of("fraction_features",
                    "colsample"))),
            Map.entry("criterion", new Hint(SKLEARN, List.of("impurity"))),
            Map.entry("min_samples_leaf", new Hint(SKLEARN + "; the nearest is the least weight, in rows, of a leaf",
                    List.of("min_child_weight"))),
            Map.entry("c", new Hint(SKLEARN, List.of("c"))),
            Map.entry("max_iter", new Hint(SKLEARN, List.of("epochs"))),
            Map.entry("eta0", new Hint(SKLEARN + " (SGD's initial rate)", List.of("learning_rate"))),
            Map.entry("n_trees", new Hint("a random forest's name", List.of("rounds"))),
            Map.entry("rounds", new Hint("XGBoost's name", List.of("n_trees"))),
            Map.entry("n_neighbors", new Hint(SKLEARN + " (KNeighborsClassifier)", List.of())),
            Map.entry("kernel", new Hint(SKLEARN + " (SVC's kernel function)", List.of())),
            Map.entry("gamma", new Hint(SKLEARN + " (SVC's kernel coefficient; XGBoost's least loss reduction to split)",
                    List.of())),
            Map.entry("tol", new Hint(SKLEARN + " (the stopping tolerance)", List.of())),
            Map.entry("l1_ratio", new Hint(SKLEARN + " (the elastic-net mixing)", List.of())),
            Map.entry("max_depth", new Hint(SKLEARN + " (a tree's depth)", List.of())),
            Map.entry("min_samples_split", new Hint(SKLEARN + " (the least rows of a node to split)", List.of())),
            Map.entry("bootstrap", new Hint(SKLEARN + " (RandomForestClassifier's sampling)", List.of())),
            Map.entry("subsample", new Hint("XGBoost's name (the share of rows each tree sees)", List.of())));

    private static final Map<String, Hint> LOSSES = Map.ofEntries(
            Map.entry("sparse_categorical_crossentropy", new Hint("Keras's name", List.of("cross_entropy", "log"))),
            Map.entry("categorical_crossentropy", new Hint("Keras's name", List.of("cross_entropy", "log"))),
            Map.entry("binary_crossentropy", new Hint("Keras's name", List.of("cross_entropy", "log"))),
            Map.entry("crossentropy", new Hint("Keras's name", List.of("cross_entropy", "log"))),
            Map.entry("mean_squared_error", new Hint("Keras's name", List.of("mse", "squared"))),
            Map.entry("squared_error", new Hint(SKLEARN, List.of("mse", "squared"))),
            Map.entry("mean_absolute_error", new Hint("Keras's name", List.of("mae", "absolute"))),
            Map.entry("absolute_error", new Hint(SKLEARN, List.of("mae", "absolute"))));

    private LibraryHints() {
    }

    /**
     * The hint for a space parameter {@code name} the trainer does not read, to follow {@code has no parameter 'name'}:
     * {@code (scikit-learn's name); Tunelab calls it 'impurity'} when a parameter of {@code catalogue} does its work,
     * {@code  and no counterpart to scikit-learn's tol (the stopping tolerance)} when none does, or empty for a name
     * of no library this knows.
     */
    static Optional<String> forParameter(String name, Hyperparameters catalogue) {
        Hint hint = PARAMETERS.get(name.toLowerCase(Locale.ROOT));
        return hint == null ? Optional.empty() : Optional.of(hint.ours().stream().filter(p -> catalogue.find(p).isPresent())
                .findFirst().map(p -> " (" + hint.origin() + "); Tunelab calls it '" + p + "'")
                .orElseGet(() -> " and no counterpart to " + hint.origin().replaceFirst("name", Matcher.quoteReplacement(name))));
    }

    /**
     * The hint for a choice {@code value} of a {@code loss} parameter {@code h} does not admit, such as
     * {@code ; Keras's sparse_categorical_crossentropy is 'cross_entropy'}, or empty.
     */
    static Optional<String> forChoice(Hyperparameter h, Object value) {
        Hint hint = h.name().equals("loss") && value instanceof String s ? LOSSES.get(s.toLowerCase(Locale.ROOT)) : null;
        return hint == null || h.allowed() == null ? Optional.empty() : hint.ours().stream()
                .filter(c -> h.allowed().admit(c).isPresent()).findFirst()
                .map(c -> "; " + hint.origin().replace("name", value + " is") + " '" + c + "'");
    }
}
