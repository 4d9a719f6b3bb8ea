package io.tunelab.search.importance;

import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.TrialState;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Optuna's {@code optuna.importance.get_param_importances(study, params=..., target=...)} for Tunelab studies:
 * each parameter's share of the objective's variance by fANOVA ({@link ParameterImportance}, seeded with {@link
 * ParameterImportance#SEED}, so the dashboard shows the same numbers), over the COMPLETE trials with a finite value.
 * Stateless and thread-safe.
 */
public final class ParamImportances {
    private ParamImportances() {
    }

    /**
     * The importances of every parameter of a single-objective study, summing to 1, largest first.
     *
     * @throws ImportanceException for a study of several objectives (name one with {@link #get(StudyView, int, List)}),
     *                             or when there are none to give (the message says why: too few trials, values that do
     *                             not vary), as Optuna raises then
     */
    public static Map<String, Double> get(StudyView study) {
        if (study.directions().size() != 1) {
            throw new ImportanceException("study '" + study.name() + "' has " + study.directions().size()
                    + " objectives; name the one to explain: ParamImportances.get(study, objective, params)");
        }
        return get(study, 0, List.of());
    }

    /**
     * The importances of {@code params} (every parameter when empty) for objective {@code objective}, summing to 1,
     * largest first. Trials that lack one of {@code params} are left out, as in Optuna.
     *
     * @throws ImportanceException as {@link #evaluate} does, or when there are none to give (the message says why)
     */
    public static Map<String, Double> get(StudyView study, int objective, List<String> params) {
        ParameterImportance.Result result = evaluate(study, objective, params);
        if (result.importances().isEmpty()) {
            throw new ImportanceException("no parameter importance for study '" + study.name() + "': " + result.note());
        }
        Map<String, Double> out = new LinkedHashMap<>();
        result.importances().forEach(e -> out.put(e.param(), e.importance()));
        return out;
    }

    /**
     * The full answer (method, trials read, importances or a note saying why there are none) for objective
     * {@code objective} and parameters {@code params} (every parameter when empty).
     *
     * @throws ImportanceException for an objective index out of range, or a parameter of {@code params} that no
     *                             COMPLETE trial has (the message lists those they have)
     */
    public static ParameterImportance.Result evaluate(StudyView study, int objective, List<String> params) {
        int objectives = study.directions().size();
        if (objective < 0 || objective >= objectives) {
            throw new ImportanceException("objective " + objective + " is not one of study '" + study.name() + "': it has "
                    + objectives + (objectives == 1 ? " objective (index 0)" : " objectives (0 to " + (objectives - 1) + ")"));
        }
        List<FrozenTrial> complete = study.trials(EnumSet.of(TrialState.COMPLETE));
        if (!params.isEmpty()) {
            Set<String> known = new LinkedHashSet<>();
            complete.forEach(t -> known.addAll(t.params().keySet()));
            for (String p : params) {
                if (!known.contains(p)) {
                    throw new ImportanceException("parameter '" + p + "' is in no COMPLETE trial of study '" + study.name()
                            + "'; " + (known.isEmpty() ? "it has no COMPLETE trial" : "their parameters: "
                            + String.join(", ", known)));
                }
            }
        }
        return new ParameterImportance().compute(complete, objective, study.directions().get(objective),
                new SplittableRandom(ParameterImportance.SEED), params);
    }
}
