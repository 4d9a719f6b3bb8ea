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
                bad("unknown top-level key with a suggestion", adding("smapler: tpe"),
                        9, "smapler", "unknown key 'smapler' (did you mean 'sampler'?)"),
                bad("missing required key", without(3),
                        1, "metric", "is required"),
                bad("wrong type for the study name", replacing(1, "study: 123"),
                        1, "study", "expected a text, got the number 123 (quote it"),
                bad("unknown direction with a suggestion", replacing(2, "direction: maximise"),
                        2, "direction", "expected minimize or maximize, got 'maximise' (did you mean 'maximize'?)"),
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
                bad("unknown trainer with a suggestion", replacing(4, "trainer: djl-mpl"),
                        4, "trainer", "unknown trainer 'djl-mpl' (did you mean 'djl-mlp'?)"),
                bad("split that is neither a count nor a fraction", replacing(5, "data: {dataset: d, valid_split: 1.5}"),
                        5, "data.valid_split", "between 0 and 1 (both excluded), got 1.5"),
                bad("budget without trials or timeout", replacing(6, "budget: {}"),
                        6, "budget", "needs trials, timeout or both"),
                bad("zero trials", replacing(6, "budget: {trials: 0}"),
                        6, "budget.trials", "must be an integer from 1 to 10000000, got 0"),
                bad("timeout without a unit", replacing(6, "budget: {trials: 5, timeout: 90}"),
                        6, "budget.timeout", "needs a unit, e.g. 90s"),
                bad("malformed timeout", replacing(6, "budget: {timeout: 1 hour}"),
                        6, "budget.timeout", "expected a duration from 1s to 365d"),
                bad("heartbeat interval without a unit", adding("heartbeat: {interval: 10}"),
                        9, "heartbeat.interval", "needs a unit, e.g. 90s"),
                bad("heartbeat grace shorter than two intervals", adding("heartbeat: {interval: 30s, grace: 45s}"),
                        9, "heartbeat.grace", "expected at least twice the interval 30s (1m or more), got 45s"),
                bad("heartbeat interval too long for the default grace", adding("heartbeat: {interval: 40s}"),
                        9, "heartbeat.grace", "expected at least twice the interval 40s (1m20s or more), got 1m"),
                bad("unknown heartbeat key", adding("heartbeat: {every: 10s}"),
                        9, "heartbeat.every", "unknown key 'every'"),
                bad("negative retry limit", adding("heartbeat: {max_retries: -1}"),
                        9, "heartbeat.max_retries", "must be an integer from 0 to 1000, got -1"),
                bad("fractional retry limit", adding("heartbeat: {max_retries: 1.5}"),
                        9, "heartbeat.max_retries", "expected an integer from 0 to 1000, got the number 1.5"),
                bad("retry limit as a word", adding("heartbeat: {max_retries: many}"),
                        9, "heartbeat.max_retries", "expected an integer from 0 to 1000, got"),
                bad("reciprocal with a non-positive low bound", replacing(8, "  lr: {reciprocal: [0, 1e-1]}"),
                        8, "space.lr.reciprocal[0]", "a log (reciprocal) distribution needs low > 0, got low=0.0"),
                bad("float range upside down", replacing(8, "  lr: {float: [0.5, 0.1]}"),
                        8, "space.lr.float", "low must not exceed high, got low=0.5, high=0.1"),
                bad("int bound that is not an integer", replacing(8, "  n: {int: [1, 2.5]}"),
                        8, "space.n.int[1]", "expected an integer from -2147483648 to 2147483647, got the number 2.5"),
                bad("int step that does not divide the range", replacing(8, "  n: {int: [0, 10], step: 3}"),
                        8, "space.n.step", "step must divide high - low, got step=3 for range [0, 10]"),
                bad("float step of zero", replacing(8, "  x: {float: [0, 1], step: 0}"),
                        8, "space.x.step", "must be a number > 0, got 0"),
                bad("log combined with a step", replacing(8, "  n: {int: [1, 10], log: true, step: 3}"),
                        8, "space.n.step", "log and step cannot be combined"),
                bad("range of three values", replacing(8, "  x: {uniform: [0, 1, 2]}"),
                        8, "space.x.uniform", "expected [low, high], got 3 values"),
                bad("duplicate choice", replacing(8, "  act: {choice: [relu, elu, relu]}"),
                        8, "space.act.choice[2]", "choices must be distinct, got relu twice"),
                bad("empty choice", replacing(8, "  act: {choice: []}"),
                        8, "space.act.choice", "choices must not be empty"),
                bad("two distribution kinds", replacing(8, "  x: {float: [0, 1], int: [0, 1]}"),
                        8, "space.x.int", "give only one of uniform, float, reciprocal, expon, int or choice, got float and int"),
                bad("no distribution kind", replacing(8, "  x: {log: true}"),
                        8, "space.x", "needs one of uniform, float, reciprocal, expon, int or choice"),
                bad("misspelt entry key", replacing(8, "  x: {float: [0, 1], stpe: 0.1}"),
                        8, "space.x.stpe", "unknown key 'stpe' (did you mean 'step'?)"),
                bad("reciprocal declared not log", replacing(8, "  lr: {reciprocal: [1e-4, 1e-1], log: false}"),
                        8, "space.lr.log", "reciprocal is log-uniform, so log: false contradicts it"),
                bad("unknown sampler with a suggestion", adding("sampler: {type: tpee, seed: 1}"),
                        9, "sampler.type",
                        "unknown sampler 'tpee' (did you mean 'tpe'?); expected auto, random, grid, qmc, tpe, gp, cmaes or nsga2"),
                bad("option of another sampler", adding("sampler: {type: random, startup_trials: 5}"),
                        9, "sampler.startup_trials",
                        "'startup_trials' is not an option of the random sampler (it belongs to tpe, gp or cmaes)"),
                bad("sampler option out of range", adding("sampler: {type: tpe, gamma: 1.5}"),
                        9, "sampler.gamma", "must be a number between 0 and 1 (0 excluded), got 1.5"),
                bad("a local step on every trial", adding("sampler: {type: auto, local_every: 1}"),
                        9, "sampler.local_every", "must be an integer 0 or >= 2, got 1"),
                bad("a GP without a random first trial", adding("sampler: {type: gp, startup_trials: 0}"),
                        9, "sampler.startup_trials", "must be an integer >= 1, got 0"),
                bad("negative small-space candidates", adding("sampler: {type: tpe, small_space_ei_candidates: -1}"),
                        9, "sampler.small_space_ei_candidates", "got -1"),
                bad("negative seed", adding("sampler: {type: tpe, seed: -1}"),
                        9, "sampler.seed", "must be an integer >= 0, got -1"),
                bad("warm start of a sampler that does not learn", adding("sampler: {type: random, warm_start: {study: a}}"),
                        9, "sampler.warm_start", "the random sampler does not learn from trials; warm_start needs"),
                bad("warm start without its study", adding("sampler: {type: auto, warm_start: {weight: 0.5}}"),
                        9, "sampler.warm_start.study", "is required"),
                bad("warm start weight above 1", adding("sampler: {type: auto, warm_start: {study: a, weight: 2}}"),
                        9, "sampler.warm_start.weight", "got 2"),
                bad("unknown pruner with a suggestion", adding("pruner: medain"),
                        9, "pruner", "unknown pruner 'medain' (did you mean 'median'?)"),
                bad("percentile pruner without its percentile", adding("pruner: percentile"),
                        9, "pruner", "the percentile pruner needs percentile"),
                bad("hyperband resources upside down", adding("pruner: {type: hyperband, min_resource: 9, max_resource: 3}"),
                        9, "pruner.max_resource", "must be at least min_resource (9), got 3"),
                bad("pruner on a multi-objective study",
                        replacing(2, "direction: [minimize, maximize]\nmetric: [loss, acc]").replace("metric: acc\n", "")
                                + "pruner: median\n",
                        9, "pruner", "pruning needs a single objective"),
                bad("malformed device slot", adding("parallel: {devices: [gpu:0, gpu0]}"),
                        9, "parallel.devices[1]", "expected a slot such as gpu:0 or cpu:1 (index below 1000000), got 'gpu0'"),
                bad("slot index beyond any machine", adding("parallel: {devices: [gpu:99999999999]}"),
                        9, "parallel.devices[0]", "expected a slot such as gpu:0 or cpu:1"),
                bad("no trial per GPU", adding("parallel: {devices: auto, trials_per_gpu: 0}"),
                        9, "parallel.trials_per_gpu", "from 1 to 64"),
                bad("negative fail_fast", adding("fail_fast: -1"),
                        9, "fail_fast", "from 0 to"),
                bad("more workers than listed devices", adding("parallel: {workers: 3, devices: [gpu:0, gpu:1]}"),
                        9, "parallel.workers", "3 workers need at least 3 devices, but devices lists 2"),
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
                bad("per-layer name without per_layer", adding("  units_l{i}: {int: [8, 64]}"),
                        9, "space.units_l{i}", "a name with {i} needs per_layer"),
                bad("expon without its scale", replacing(8, "  gamma: {expon: {loc: 1}}"),
                        8, "space.gamma.expon.scale", "is required"),
                bad("expon with a scale of zero", replacing(8, "  gamma: {expon: {scale: 0}}"),
                        8, "space.gamma.expon.scale", "must be a number > 0, got 0"),
                bad("expon given as a range", replacing(8, "  gamma: {expon: [0, 1]}"),
                        8, "space.gamma.expon", "expected a mapping"),
                bad("expon with a step", replacing(8, "  gamma: {expon: {scale: 1}, step: 0.1}"),
                        8, "space.gamma.step", "step does not apply to expon"),
                bad("grid sampler over an expon", replacing(8, "  gamma: {expon: {scale: 1}}") + "sampler: grid\n",
                        8, "space.gamma.expon", "the grid sampler needs a finite grid, and 'gamma' is expon(scale=1.0), unbounded"),
                bad("include of something else than defaults", adding("  include: all"),
                        9, "space.include", "expected defaults (to search the trainer's built-in ranges for the"
                                + " parameters not named here), got 'all'"),
                bad("empty space", replacing(7, "space: {}").replace("  lr: {reciprocal: [1e-4, 1e-1]}\n", ""),
                        7, "space", "must define at least one parameter, e.g. learning_rate: {reciprocal: [1e-4, 1e-1]},"
                                + " or include: defaults"),
                bad("grid sampler over a continuous float", adding("sampler: grid"),
                        8, "space.lr.reciprocal", "the grid sampler needs a finite grid"),
                bad("duplicate key", adding("study: t"),
                        9, "study", "duplicate key 'study' (first given at line 1)"),
                bad("early stopping without patience", adding("fit: {early_stopping: {min_delta: 0.01}}"),
                        9, "fit.early_stopping.patience", "is required"),
                bad("unknown schedule with a suggestion", adding("fit: {schedule: {type: cosin}}"),
                        9, "fit.schedule.type", "unknown schedule 'cosin' (did you mean 'cosine'?)"),
                bad("Optuna's loguniform", adding("  learnig_rate2: {loguniform: [1e-4, 1e-1]}"),
                        9, "space.learnig_rate2.loguniform", "unknown key 'loguniform'; a log-uniform float is `reciprocal:"
                                + " [low, high]` (or `float: [low, high], log: true`)"),
                bad("a bare number in the space", adding("  batch_size: 64"),
                        9, "space.batch_size", "expected a distribution, got the number 64; a value fixed in every trial is"
                                + " a choice of one: `batch_size: {choice: [64]}`"),
                bad("direction spelt the British way, capitalised", replacing(2, "direction: Maximise"),
                        2, "direction", "got 'Maximise' (did you mean 'maximize'?)"),
                bad("Keras's callbacks list", adding("fit: {callbacks: [early_stopping]}"),
                        9, "fit.callbacks", "unknown key 'callbacks'; Keras's callbacks are fields of fit here: early_stopping"
                                + " (EarlyStopping), schedule (LearningRateScheduler, ReduceLROnPlateau)"),
                bad("Keras's ReduceLROnPlateau", adding("fit: {reduce_lr_on_plateau: {factor: 0.5}}"),
                        9, "fit.reduce_lr_on_plateau", "Keras's ReduceLROnPlateau is `schedule: {type: plateau, factor: 0.5,"),
                bad("Keras's ModelCheckpoint in its class spelling", adding("fit: {ModelCheckpoint: {save_best_only: true}}"),
                        9, "fit.ModelCheckpoint", "Keras's ModelCheckpoint is `checkpoint_every: N`"),
                bad("Keras's LearningRateScheduler", adding("fit: {learning_rate_scheduler: cosine}"),
                        9, "fit.learning_rate_scheduler", "`schedule: {type: TYPE, ...}` with TYPE one of constant, power"),
                bad("checkpoints every zero epochs", adding("fit: {checkpoint_every: 0}"),
                        9, "fit.checkpoint_every", "must be an integer from 1 to 1000000, got 0"),
                bad("checkpoints less often than the epochs run", adding("fit: {epochs: 2, checkpoint_every: 5}"),
                        9, "fit.checkpoint_every", "every 5 epochs, but fit.epochs is 2, so no checkpoint would be saved;"
                                + " expected at most 2"),
                bad("epochs given as text", adding("fit: {epochs: ten}"),
                        9, "fit.epochs", "expected an integer from 1 to 1000000, got the text 'ten'"),
                bad("YAML syntax error", replacing(8, "  lr: {reciprocal: [1e-4, 1e-1]"),
                        9, "(yaml)", "not valid YAML"),
                bad("custom tag", replacing(1, "study: !env HOME"),
                        1, "(yaml)", "custom YAML tags such as '!env' are not allowed"),
                bad("global tag", replacing(1, "study: !!python/object:os.system x"),
                        1, "(yaml)", "Global tag is not allowed: tag:yaml.org,2002:python/object:os.system"),
                bad("document that is a list", "- study: s\n",
                        1, "(root)", "expected a mapping (key: value pairs), got a list"));
    }

    private static Arguments bad(String what, String yaml, int line, String path, String message) {
        return Arguments.of(what, yaml, line, path, message);
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
