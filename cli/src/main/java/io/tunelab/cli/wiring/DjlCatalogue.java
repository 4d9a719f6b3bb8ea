package io.tunelab.cli.wiring;

import io.tunelab.cli.error.ProblemList;
import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.spec.FitSpec;
import io.tunelab.spec.StudySpec;
import io.tunelab.trainers.djl.optimizer.OptimizerKind;
import io.tunelab.trainers.djl.train.DjlHyperparameters;
import io.tunelab.trainers.djl.train.ParamNames;
import io.tunelab.trainers.params.Allowed;
import io.tunelab.trainers.params.Hyperparameter;
import io.tunelab.trainers.params.Hyperparameters;
import io.tunelab.trainers.tabular.Task;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The hyperparameter catalogue of a study file's DJL trainer ({@link DjlTrainers}): the parameters its trials read,
 * given the network family, the optimizers and the learning-rate schedules its space can choose, and the problems of a
 * space parameter no trial would read. Stateless.
 */
final class DjlCatalogue {
    private DjlCatalogue() {
    }

    /**
     * The catalogue with the default that depends on the task, the loss, as the data's task makes it ({@code cross_entropy}
     * for class labels, {@code mse} for real targets), so the dry run shows the one that applies.
     */
    static Hyperparameters forTask(Hyperparameters catalogue, Optional<Task> task) {
        if (task.isEmpty()) {
            return catalogue;
        }
        String loss = task.get() == Task.CLASSIFICATION ? "cross_entropy (classification data)" : "mse (regression data)";
        return new Hyperparameters(catalogue.all().stream()
                .map(h -> h.name().equals(ParamNames.LOSS) && h.defaultValue() == null ? h.note(loss) : h).toList());
    }

    /** The network family the trainer builds: {@code mlp}, {@code wide_deep}, {@code cnn} or {@code rnn}. */
    static String model(StudySpec spec) {
        return spec.trainer().name().substring("djl-".length()).replace('-', '_');
    }

    /**
     * The parameters the file's trials read: those of the trainer's family, with the optimizer parameters of the
     * optimizers and the schedule options of the schedules the space can choose ({@link DjlHyperparameters#readBy}),
     * without {@code learning_rate} when a piecewise schedule's values replace it and {@code min_delta} without early
     * stopping, so the dry run lists only settings that act. A space parameter only another family reads
     * ({@code filters} with {@code djl-mlp}), or one no optimizer ({@code momentum} with {@code adam} alone) or no schedule
     * ({@code lr_power} with {@code cosine}) the space can choose reads, would be silently ignored: each is a problem naming
     * the field, recorded in {@code problems}.
     */
    static Hyperparameters catalogue(StudySpec spec, ProblemList problems) {
        String trainer = spec.trainer().name();
        String model = model(spec);
        List<OptimizerKind> optimizers = optimizers(spec);
        for (String name : spec.space().distributions().keySet()) {
            Optional<Hyperparameter> h = DjlHyperparameters.CATALOGUE.find(name);
            if (h.isEmpty()) {
                continue;
            }
            List<String> families = DjlHyperparameters.familiesReading(h.get().name());
            if (!families.contains(model)) {
                problems.add("space." + name + ": " + trainer + " never reads '" + name + "' (only "
                        + String.join(" and ", families.stream().map(f -> "djl-" + f.replace('_', '-')).toList())
                        + (families.size() == 1 ? " reads" : " read") + " it), so it would be ignored; " + trainer + " reads "
                        + String.join(", ", DjlHyperparameters.readBy(model, List.of(OptimizerKind.values())).names()));
                continue;
            }
            List<OptimizerKind> readers = DjlHyperparameters.optimizersReading(h.get().name());
            if (readers.stream().noneMatch(optimizers::contains)) {
                String searched = spec.space().distributions().containsKey(ParamNames.OPTIMIZER) ? "," : " (the default),";
                problems.add("space." + name + ": " + (optimizers.size() == 1 ? "the optimizer, "
                        + optimizers.get(0).wireName() + searched + " never reads" : "none of the optimizers the space can"
                        + " choose (" + names(optimizers) + ") reads") + " '" + name + "', so it would be ignored; only "
                        + names(readers) + (readers.size() == 1 ? " reads" : " read") + " it: give optimizer "
                        + (readers.size() == 1 ? "that one" : "one of them") + ", or leave " + name + " out");
            }
        }
        List<String> schedules = schedules(spec);
        for (String name : spec.space().distributions().keySet()) {
            List<String> readers = DjlHyperparameters.schedulesReading(name);
            if (DjlHyperparameters.CATALOGUE.find(name).isPresent() && readers.stream().noneMatch(schedules::contains)) {
                problems.add("space." + name + ": " + (schedules.size() == 1 ? "the schedule, " + schedules.get(0)
                        + (spec.fit().schedule() == null && !spec.space().distributions().containsKey(ParamNames.LR_SCHEDULE)
                        ? " (the default)," : ",") + " never reads" : "none of the schedules the space can choose ("
                        + String.join(", ", schedules) + ") reads") + " '" + name + "', so it would be ignored; only "
                        + String.join(", ", readers) + (readers.size() == 1 ? " reads" : " read") + " it: give lr_schedule"
                        + " (or fit.schedule) " + (readers.size() == 1 ? "that one" : "one of them") + ", or leave " + name + " out");
            }
        }
        Set<String> unread = unread(spec);
        return new Hyperparameters(DjlHyperparameters.readBy(model, optimizers, schedules).all().stream()
                .filter(h -> !unread.contains(h.name())).toList());
    }

    /** The learning-rate schedules the file's trials can use: its lr_schedule's choices, else fit.schedule's, else the default. */
    private static List<String> schedules(StudySpec spec) {
        Distribution d = spec.space().distributions().get(ParamNames.LR_SCHEDULE);
        Hyperparameter schedule = DjlHyperparameters.CATALOGUE.get(ParamNames.LR_SCHEDULE);
        if (d == null) {
            return List.of(spec.fit().schedule() != null ? spec.fit().schedule().type() : (String) schedule.defaultValue());
        }
        List<String> names = d instanceof CategoricalDistribution c ? c.choices().stream()
                .flatMap(v -> schedule.allowed().admit(v).stream()).map(String.class::cast).distinct().toList() : List.of();
        // a space naming no schedule there is is refused with the other values the trainer cannot read
        return names.isEmpty() ? schedule.allowed() instanceof Allowed.Choices all ? all.names() : List.of() : names;
    }

    /**
     * Parameters of the catalogue no trial of the file reads though the file does not name them: {@code learning_rate}
     * and {@code lr_decay_rate} when a piecewise schedule's values give the rates, {@code min_delta} without early stopping,
     * {@code n_neurons} when the space gives every hidden layer its own width.
     */
    private static Set<String> unread(StudySpec spec) {
        Set<String> unread = new HashSet<>();
        FitSpec.Schedule schedule = spec.fit().schedule();
        if (DjlSpaceChecks.givesPiecewiseValues(schedule) && !spec.space().distributions().containsKey(ParamNames.LR_SCHEDULE)) {
            unread.addAll(List.of(ParamNames.LEARNING_RATE, ParamNames.LR_DECAY_RATE));
        }
        if (spec.fit().earlyStopping() == null && !spec.space().distributions().containsKey(ParamNames.PATIENCE)) {
            unread.add(ParamNames.MIN_DELTA);
        }
        if (DjlSpaceChecks.widthOfEveryLayer(spec)) {
            unread.add(ParamNames.N_NEURONS);
        }
        unread.removeAll(spec.space().distributions().keySet());
        return unread;
    }

    /** The optimizers the space can choose: its optimizer's choices (the ones that name one), else the default. */
    private static List<OptimizerKind> optimizers(StudySpec spec) {
        Distribution d = spec.space().distributions().get(ParamNames.OPTIMIZER);
        if (d == null) {
            return List.of(OptimizerKind.of((String) DjlHyperparameters.CATALOGUE.defaultOf(ParamNames.OPTIMIZER)));
        }
        Hyperparameter optimizer = DjlHyperparameters.CATALOGUE.get(ParamNames.OPTIMIZER);
        List<OptimizerKind> kinds = d instanceof CategoricalDistribution c ? c.choices().stream()
                .flatMap(v -> optimizer.allowed().admit(v).stream()).map(v -> OptimizerKind.of((String) v)).distinct().toList()
                : List.of();
        // a space naming no optimizer there is is refused with the other values the trainer cannot read
        return kinds.isEmpty() ? List.of(OptimizerKind.values()) : kinds;
    }

    private static String names(List<OptimizerKind> kinds) {
        return String.join(", ", kinds.stream().map(OptimizerKind::wireName).toList());
    }
}
