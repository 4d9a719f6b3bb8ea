package io.tunelab.spec;

import static io.tunelab.spec.SpecFiles.adding;
import static io.tunelab.spec.SpecFiles.replacing;
import static io.tunelab.spec.SpecFiles.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each invalid study file is reported with the line, the field path and a message that says what is wrong. */
class InvalidStudyFilesTest {

    static Stream<Arguments> invalidFiles() {
        return Stream.of(
                added("unknown top-level key with a suggestion", "smapler: tpe",
                        "smapler", "unknown key 'smapler' (did you mean 'sampler'?)"),
                bad("missing required key", without(3),
                        1, "metric", "is required"),
                replaced("wrong type for the study name", 1, "study: 123",
                        "study", "expected a text, got the number 123 (quote it"),
                replaced("unknown direction with a suggestion", 2, "direction: maximise",
                        "direction", "expected minimize or maximize, got 'maximise' (did you mean 'maximize'?)"),
                bad("a loss maximised", replacing(3, "metric: val_loss"),
                        2, "direction", "maximize, but metric 'val_loss' is lower-is-better (its name holds 'loss'), so the"
                                + " worst trial would be the best; expected minimize, or direction_check: false to keep maximize"),
                bad("an error maximised", replacing(3, "metric: mean_absolute_error"),
                        2, "direction", "expected minimize"),
                bad("an accuracy minimised in a list", replacing(2, "direction: [maximize, minimize]\nmetric: [rmse, acc]")
                                .replace("metric: acc\n", ""),
                        2, "direction[1]", "minimize, but metric 'acc' is higher-is-better (its name holds 'acc')"),
                bad("one metric for two directions", replacing(2, "direction: [minimize, maximize]"),
                        3, "metric", "names 1 metric for 2 directions"),
                replaced("unknown trainer with a suggestion", 4, "trainer: djl-mpl",
                        "trainer", "unknown trainer 'djl-mpl' (did you mean 'djl-mlp'?)"),
                replaced("split that is neither a count nor a fraction", 5, "data: {dataset: d, valid_split: 1.5}",
                        "data.valid_split", "between 0 and 1 (both excluded), got 1.5"),
                replaced("budget without trials or timeout", 6, "budget: {}",
                        "budget", "needs trials, timeout or both"),
                replaced("zero trials", 6, "budget: {trials: 0}",
                        "budget.trials", "must be an integer from 1 to 10000000, got 0"),
                replaced("timeout without a unit", 6, "budget: {trials: 5, timeout: 90}",
                        "budget.timeout", "needs a unit, e.g. 90s"),
                replaced("malformed timeout", 6, "budget: {timeout: 1 hour}",
                        "budget.timeout", "expected a duration from 1s to 365d"),
                added("heartbeat interval without a unit", "heartbeat: {interval: 10}",
                        "heartbeat.interval", "needs a unit, e.g. 90s"),
                added("heartbeat grace shorter than two intervals", "heartbeat: {interval: 30s, grace: 45s}",
                        "heartbeat.grace", "expected at least twice the interval 30s (1m or more), got 45s"),
                added("heartbeat interval too long for the default grace", "heartbeat: {interval: 40s}",
                        "heartbeat.grace", "expected at least twice the interval 40s (1m20s or more), got 1m"),
                added("unknown heartbeat key", "heartbeat: {every: 10s}",
                        "heartbeat.every", "unknown key 'every'"),
                added("negative retry limit", "heartbeat: {max_retries: -1}",
                        "heartbeat.max_retries", "must be an integer from 0 to 1000, got -1"),
                added("fractional retry limit", "heartbeat: {max_retries: 1.5}",
                        "heartbeat.max_retries", "expected an integer from 0 to 1000, got the number 1.5"),
                added("retry limit as a word", "heartbeat: {max_retries: many}",
                        "heartbeat.max_retries", "expected an integer from 0 to 1000, got"),
                replaced("reciprocal with a non-positive low bound", 8, "  lr: {reciprocal: [0, 1e-1]}",
                        "space.lr.reciprocal[0]", "a log (reciprocal) distribution needs low > 0, got low=0.0"),
                replaced("float range upside down", 8, "  lr: {float: [0.5, 0.1]}",
                        "space.lr.float", "low must not exceed high, got low=0.5, high=0.1"),
                replaced("int bound that is not an integer", 8, "  n: {int: [1, 2.5]}",
                        "space.n.int[1]", "expected an integer from -2147483648 to 2147483647, got the number 2.5"),
                replaced("int step that does not divide the range", 8, "  n: {int: [0, 10], step: 3}",
                        "space.n.step", "step must divide high - low, got step=3 for range [0, 10]"),
                replaced("float step of zero", 8, "  x: {float: [0, 1], step: 0}",
                        "space.x.step", "must be a number > 0, got 0"),
                replaced("log combined with a step", 8, "  n: {int: [1, 10], log: true, step: 3}",
                        "space.n.step", "log and step cannot be combined"),
                replaced("range of three values", 8, "  x: {uniform: [0, 1, 2]}",
                        "space.x.uniform", "expected [low, high], got 3 values"),
                replaced("duplicate choice", 8, "  act: {choice: [relu, elu, relu]}",
                        "space.act.choice[2]", "choices must be distinct, got relu twice"),
                replaced("empty choice", 8, "  act: {choice: []}",
                        "space.act.choice", "choices must not be empty"),
                replaced("two distribution kinds", 8, "  x: {float: [0, 1], int: [0, 1]}",
                        "space.x.int", "give only one of uniform, float, reciprocal, expon, int or choice, got float and int"),
                replaced("no distribution kind", 8, "  x: {log: true}",
                        "space.x", "needs one of uniform, float, reciprocal, expon, int or choice"),
                replaced("misspelt entry key", 8, "  x: {float: [0, 1], stpe: 0.1}",
                        "space.x.stpe", "unknown key 'stpe' (did you mean 'step'?)"),
                replaced("reciprocal declared not log", 8, "  lr: {reciprocal: [1e-4, 1e-1], log: false}",
                        "space.lr.log", "reciprocal is log-uniform, so log: false contradicts it"),
                added("unknown sampler with a suggestion", "sampler: {type: tpee, seed: 1}",
                        "sampler.type",
                        "unknown sampler 'tpee' (did you mean 'tpe'?); expected auto, random, grid, qmc, tpe, gp, cmaes or nsga2"),
                added("option of another sampler", "sampler: {type: random, startup_trials: 5}",
                        "sampler.startup_trials",
                        "'startup_trials' is not an option of the random sampler (it belongs to tpe, gp or cmaes)"),
                added("sampler option out of range", "sampler: {type: tpe, gamma: 1.5}",
                        "sampler.gamma", "must be a number between 0 and 1 (0 excluded), got 1.5"),
                added("a local step on every trial", "sampler: {type: auto, local_every: 1}",
                        "sampler.local_every", "must be an integer 0 or >= 2, got 1"),
                added("a GP without a random first trial", "sampler: {type: gp, startup_trials: 0}",
                        "sampler.startup_trials", "must be an integer >= 1, got 0"),
                added("negative small-space candidates", "sampler: {type: tpe, small_space_ei_candidates: -1}",
                        "sampler.small_space_ei_candidates", "got -1"),
                added("negative seed", "sampler: {type: tpe, seed: -1}",
                        "sampler.seed", "must be an integer >= 0, got -1"),
                added("warm start of a sampler that does not learn", "sampler: {type: random, warm_start: {study: a}}",
                        "sampler.warm_start", "the random sampler does not learn from trials; warm_start needs"),
                added("warm start without its study", "sampler: {type: auto, warm_start: {weight: 0.5}}",
                        "sampler.warm_start.study", "is required"),
                added("warm start weight above 1", "sampler: {type: auto, warm_start: {study: a, weight: 2}}",
                        "sampler.warm_start.weight", "got 2"),
                added("unknown pruner with a suggestion", "pruner: medain",
                        "pruner", "unknown pruner 'medain' (did you mean 'median'?)"),
                added("percentile pruner without its percentile", "pruner: percentile",
                        "pruner", "the percentile pruner needs percentile"),
                added("hyperband resources upside down", "pruner: {type: hyperband, min_resource: 9, max_resource: 3}",
                        "pruner.max_resource", "must be at least min_resource (9), got 3"),
                bad("pruner on a multi-objective study",
                        replacing(2, "direction: [minimize, maximize]\nmetric: [loss, acc]").replace("metric: acc\n", "")
                                + "pruner: median\n",
                        9, "pruner", "pruning needs a single objective"),
                added("malformed device slot", "parallel: {devices: [gpu:0, gpu0]}",
                        "parallel.devices[1]", "expected a slot such as gpu:0 or cpu:1 (index below 1000000), got 'gpu0'"),
                added("slot index beyond any machine", "parallel: {devices: [gpu:99999999999]}",
                        "parallel.devices[0]", "expected a slot such as gpu:0 or cpu:1"),
                added("no trial per GPU", "parallel: {devices: auto, trials_per_gpu: 0}",
                        "parallel.trials_per_gpu", "from 1 to 64"),
                added("negative fail_fast", "fail_fast: -1",
                        "fail_fast", "from 0 to"),
                added("more workers than listed devices", "parallel: {workers: 3, devices: [gpu:0, gpu:1]}",
                        "parallel.workers", "3 workers need at least 3 devices, but devices lists 2"),
                bad("condition on a later parameter", replacing(8,
                                "  momentum: {float: [0.8, 0.99], when: {optimizer: momentum}}\n  optimizer: {choice: [sgd, momentum]}"),
                        8, "space.momentum.when.optimizer", "refers to 'optimizer', which is not defined before this parameter"),
                bad("condition on a value never taken",
                        adding("  opt: {choice: [sgd, adam]}\n  beta: {float: [0.8, 0.99], when: {opt: adma}}"),
                        10, "space.beta.when.opt", "'adma' is never a value of 'opt', which is choice[sgd, adam] (did you mean 'adam'?)"),
                bad("ordering on a categorical", adding("  opt: {choice: [sgd, adam]}\n  beta: {float: [0.8, 0.99], when: {opt: {gt: 1}}}"),
                        10, "space.beta.when.opt.gt", "gt compares numbers, but 'opt' is choice[sgd, adam]"),
                bad("condition that can never hold", adding("  n_hidden: {int: [0, 3]}\n  x: {float: [0, 1], when: {n_hidden: {gt: 3}}}"),
                        10, "space.x.when.n_hidden.gt", "is never true: 'n_hidden' is int[0, 3]"),
                bad("unknown condition operator", adding("  n_hidden: {int: [0, 3]}\n  x: {float: [0, 1], when: {n_hidden: {tg: 1}}}"),
                        10, "space.x.when.n_hidden.tg", "unknown key 'tg' (did you mean 'gt'?)"),
                bad("per-layer entry counting a categorical",
                        adding("  opt: {choice: [a, b]}\n  units_l{i}: {int: [8, 64], per_layer: opt}"),
                        10, "space.units_l{i}.per_layer", "refers to 'opt', which is choice[a, b], not an int parameter"),
                added("per-layer name without per_layer", "  units_l{i}: {int: [8, 64]}",
                        "space.units_l{i}", "a name with {i} needs per_layer"),
                replaced("expon without its scale", 8, "  gamma: {expon: {loc: 1}}",
                        "space.gamma.expon.scale", "is required"),
                replaced("expon with a scale of zero", 8, "  gamma: {expon: {scale: 0}}",
                        "space.gamma.expon.scale", "must be a number > 0, got 0"),
                replaced("expon given as a range", 8, "  gamma: {expon: [0, 1]}",
                        "space.gamma.expon", "expected a mapping"),
                replaced("expon with a step", 8, "  gamma: {expon: {scale: 1}, step: 0.1}",
                        "space.gamma.step", "step does not apply to expon"),
                bad("grid sampler over an expon", replacing(8, "  gamma: {expon: {scale: 1}}") + "sampler: grid\n",
                        8, "space.gamma.expon", "the grid sampler needs a finite grid, and 'gamma' is expon(scale=1.0), unbounded"),
                added("include of something else than defaults", "  include: all",
                        "space.include", "expected defaults (to search the trainer's built-in ranges for the"
                                + " parameters not named here), got 'all'"),
                bad("empty space", replacing(7, "space: {}").replace("  lr: {reciprocal: [1e-4, 1e-1]}\n", ""),
                        7, "space", "must define at least one parameter, e.g. learning_rate: {reciprocal: [1e-4, 1e-1]},"
                                + " or include: defaults"),
                bad("grid sampler over a continuous float", adding("sampler: grid"),
                        8, "space.lr.reciprocal", "the grid sampler needs a finite grid"),
                added("duplicate key", "study: t",
                        "study", "duplicate key 'study' (first given at line 1)"),
                added("early stopping without patience", "fit: {early_stopping: {min_delta: 0.01}}",
                        "fit.early_stopping.patience", "is required"),
                added("unknown schedule with a suggestion", "fit: {schedule: {type: cosin}}",
                        "fit.schedule.type", "unknown schedule 'cosin' (did you mean 'cosine'?)"),
                added("Optuna's loguniform", "  learnig_rate2: {loguniform: [1e-4, 1e-1]}",
                        "space.learnig_rate2.loguniform", "unknown key 'loguniform'; a log-uniform float is `reciprocal:"
                                + " [low, high]` (or `float: [low, high], log: true`)"),
                added("a bare number in the space", "  batch_size: 64",
                        "space.batch_size", "expected a distribution, got the number 64; a value fixed in every trial is"
                                + " a choice of one: `batch_size: {choice: [64]}`"),
                replaced("direction spelt the British way, capitalised", 2, "direction: Maximise",
                        "direction", "got 'Maximise' (did you mean 'maximize'?)"),
                added("Keras's callbacks list", "fit: {callbacks: [early_stopping]}",
                        "fit.callbacks", "unknown key 'callbacks'; Keras's callbacks are fields of fit here: early_stopping"
                                + " (EarlyStopping), schedule (LearningRateScheduler, ReduceLROnPlateau)"),
                added("Keras's ReduceLROnPlateau", "fit: {reduce_lr_on_plateau: {factor: 0.5}}",
                        "fit.reduce_lr_on_plateau", "Keras's ReduceLROnPlateau is `schedule: {type: plateau, factor: 0.5,"),
                added("Keras's ModelCheckpoint in its class spelling", "fit: {ModelCheckpoint: {save_best_only: true}}",
                        "fit.ModelCheckpoint", "Keras's ModelCheckpoint is `checkpoint_every: N`"),
                added("Keras's LearningRateScheduler", "fit: {learning_rate_scheduler: cosine}",
                        "fit.learning_rate_scheduler", "`schedule: {type: TYPE, ...}` with TYPE one of constant, power"),
                added("Keras's ExponentialDecay as the schedule's type", "fit: {schedule: {type: ExponentialDecay}}",
                        "fit.schedule.type", "unknown schedule 'ExponentialDecay'; Keras's ExponentialDecay is `type: exponential`;"
                                + " expected constant, power"),
                added("the book's OneCycleScheduler as the schedule's type", "fit: {schedule: {type: OneCycleScheduler}}",
                        "fit.schedule.type", "Keras's OneCycleScheduler is `type: one_cycle`"),
                added("checkpoints every zero epochs", "fit: {checkpoint_every: 0}",
                        "fit.checkpoint_every", "must be an integer from 1 to 1000000, got 0"),
                added("checkpoints less often than the epochs run", "fit: {epochs: 2, checkpoint_every: 5}",
                        "fit.checkpoint_every", "every 5 epochs, but fit.epochs is 2, so no checkpoint would be saved;"
                                + " expected at most 2"),
                added("epochs given as text", "fit: {epochs: ten}",
                        "fit.epochs", "expected an integer from 1 to 1000000, got the text 'ten'"),
                bad("YAML syntax error", replacing(8, "  lr: {reciprocal: [1e-4, 1e-1]"),
                        9, "(yaml)", "not valid YAML"),
                replaced("custom tag", 1, "study: !env HOME",
                        "(yaml)", "custom YAML tags such as '!env' are not allowed"),
                replaced("global tag", 1, "study: !!python/object:os.system x",
                        "(yaml)", "Global tag is not allowed: tag:yaml.org,2002:python/object:os.system"),
                bad("document that is a list", "- study: s\n",
                        1, "(root)", "expected a mapping (key: value pairs), got a list"));
    }

    private static Arguments bad(String what, String yaml, int line, String path, String message) {
        return Arguments.of(what, yaml, line, path, message);
    }

    /** The minimal file with {@code text} added ({@link SpecFiles#adding}), reported at the first line added. */
    private static Arguments added(String what, String text, String path, String message) {
        return bad(what, adding(text), SpecFiles.ADDED_LINE, path, message);
    }

    /** The minimal file with line {@code line} replaced by {@code text} ({@link SpecFiles#replacing}), reported at that line. */
    private static Arguments replaced(String what, int line, String text, String path, String message) {
        return bad(what, replacing(line, text), line, path, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void isReportedWithItsLineFieldPathAndMessage(String what, String yaml, int line, String path, String message) {
        SpecValidationException e = catchThrowableOfType(SpecValidationException.class,
                () -> new StudySpecParser().parse(yaml, "study.yaml"));

        assertThat(e).as("%s should be rejected:%n%s", what, yaml).isNotNull();
        assertThat(e.problems()).as("problems of %s", what)
                .anySatisfy(p -> {
                    assertThat(p.line()).isEqualTo(line);
                    assertThat(p.path()).isEqualTo(path);
                    assertThat(p.message()).contains(message);
                    assertThat(p.file()).isEqualTo("study.yaml");
                });
    }
}
