package io.tunelab.cli.wiring;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.error.ProblemList;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.Texts;
import io.tunelab.trainers.params.Hyperparameters;
import java.util.List;
import java.util.Map;

/**
 * Refuses the options of a study file's free-form {@code data} and {@code trainer} sections that nothing reads, so a
 * misspelt or unsupported option is an error naming the field instead of being silently ignored. Stateless.
 */
final class OptionNames {
    private OptionNames() {
    }

    /**
     * Checks that every option of the {@code data} section is one {@code known} lists.
     *
     * @param reader what reads them, as the message names it, e.g. {@code synthetic-classification}
     * @throws CliException naming each other option, the closest known one and the known ones
     */
    static void checkData(StudySpec spec, String reader, List<String> known) {
        ProblemList problems = new ProblemList();
        for (String name : spec.data().options().keySet()) {
            if (!known.contains(name)) {
                problems.add("data." + name + ": " + reader + " has no option '" + name + "'"
                        + Texts.didYouMean(name, known) + "; it reads " + String.join(", ", known));
            }
        }
        problems.throwIfAny();
    }

    /**
     * Checks that the {@code trainer} section gives nothing but the trainer's name: no trainer takes options there.
     * A hyperparameter of the trainer is fixed by one value in the space instead.
     *
     * @throws CliException naming each option and, for a hyperparameter, how to fix it
     */
    static void checkTrainer(StudySpec spec, Hyperparameters catalogue) {
        ProblemList problems = new ProblemList();
        for (Map.Entry<String, Object> option : spec.trainer().options().entrySet()) {
            String name = option.getKey();
            problems.add(catalogue.find(name).isPresent() ? "trainer." + name + ": the trainer section takes only the"
                    + " trainer's name; to fix " + name + " in every trial, give it one value in the space: " + name
                    + ": {choice: [" + option.getValue() + "]}"
                    : "trainer." + name + ": " + spec.trainer().name() + " takes no options besides its name, got '"
                    + name + "'" + catalogue.didYouMean(name) + "; its hyperparameters go in the space");
        }
        problems.throwIfAny();
    }
}
