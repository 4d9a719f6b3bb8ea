package io.tunelab.cli.wiring;

import io.tunelab.cli.error.CliException;
import io.tunelab.spec.FitSpec;
import io.tunelab.spec.StudySpec;
import io.tunelab.search.study.Objective;
import io.tunelab.trainers.callback.Monitor;
import io.tunelab.trainers.data.DatasetRepository;
import io.tunelab.trainers.data.DatasetSplits;
import io.tunelab.trainers.data.DenseDataset;
import io.tunelab.trainers.data.FashionMnist;
import io.tunelab.trainers.device.CpuThreads;
import io.tunelab.trainers.djl.DjlPredictor;
import io.tunelab.trainers.djl.train.DjlObjective;
import io.tunelab.trainers.djl.train.DjlHyperparameters;
import io.tunelab.trainers.djl.train.DjlObjectiveConfig;
import io.tunelab.trainers.djl.train.ParamNames;
import io.tunelab.trainers.predict.Predictor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code djl-mlp}, {@code djl-wide-deep} and {@code djl-cnn} trainers of study files, on
 * Fashion-MNIST ({@code data: {dataset: fashion-mnist, dir: DIR, subset: N}}: the data set from
 * {@code dir} or the standard places, training on the first {@code subset} examples when given).
 * The study file's space is suggested first (its conditions decide which parameters exist), then the
 * trainer reads them by their {@link ParamNames}; {@code fit} options become fixed values, and every
 * other parameter takes its default ({@link DjlHyperparameters}). When trials run in parallel on CPU,
 * PyTorch gets one intra-op thread per trial.
 */
public final class DjlTrainers implements TrainerFactory {
    private static final String BEST = "best-0000.params";

    @Override
    public boolean handles(String name) {
        return name.equals("djl-mlp") || name.equals("djl-wide-deep") || name.equals("djl-cnn");
    }

    @Override
    public EffectiveConfiguration configuration(StudySpec spec) {
        dataset(spec);
        return EffectiveConfiguration.resolve(spec.trainer().name(), DjlHyperparameters.CATALOGUE, spec, fixed(spec),
                Map.of(ParamNames.MODEL, model(spec)));
    }

    private static String model(StudySpec spec) {
        return spec.trainer().name().substring("djl-".length()).replace('-', '_');
    }

    @Override
    public Objective create(StudySpec spec) {
        return create(spec, CpuThreads.perTrial(Runtime.getRuntime().availableProcessors(), spec.parallel().workers()));
    }

    /** The objective, with PyTorch's intra-op threads set to {@code cpuThreadsPerTrial}. */
    @Override
    public Objective create(StudySpec spec, int cpuThreadsPerTrial) {
        configuration(spec);
        CpuThreads.setIntraOp(cpuThreadsPerTrial);
        DatasetSplits data = data(spec, true);
        Map<String, Object> fixed = fixed(spec);
        fixed.keySet().removeAll(spec.space().distributions().keySet());
        DjlObjectiveConfig config = DjlObjectiveConfig.mlp(spec.space().distributions(), fixed).withModel(model(spec))
                .withMonitor(Monitor.of(spec.metrics().get(0)));
        DjlObjective objective = new DjlObjective(data, config);
        return trial -> {
            spec.space().suggest(trial);
            return objective.evaluate(trial);
        };
    }

    @Override
    public String modelArtifact() {
        return BEST;
    }

    @Override
    public Predictor load(Path artifact) {
        return DjlPredictor.load(artifact, FashionMnist.CLASS_NAMES);
    }

    @Override
    public double[] testScores(StudySpec spec, Path artifact) {
        DenseDataset test = data(spec, false).test();
        try (DjlPredictor model = DjlPredictor.load(artifact, FashionMnist.CLASS_NAMES)) {
            double[] scores = new double[test.size()];
            int width = test.exampleSize();
            float[] all = test.features();
            for (int from = 0; from < test.size(); from += 1000) {
                int to = Math.min(test.size(), from + 1000);
                float[][] rows = new float[to - from][width];
                for (int i = from; i < to; i++) {
                    System.arraycopy(all, i * width, rows[i - from], 0, width);
                }
                int[] predicted = model.predictClasses(rows);
                for (int i = from; i < to; i++) {
                    scores[i] = predicted[i - from] == test.label(i) ? 1 : 0;
                }
            }
            return scores;
        }
    }

    /** The data set of the study file; with {@code subset}, training uses only its first examples. */
    static DatasetSplits data(StudySpec spec, boolean forTraining) {
        dataset(spec);
        DataOptions options = new DataOptions("data", spec.data().options());
        String dir = options.text("dir", null);
        DatasetRepository repository = dir == null ? DatasetRepository.standard()
                : DatasetRepository.builder().dataDir(Path.of(dir)).build();
        DatasetSplits splits = repository.load(FashionMnist.SPEC);
        int subset = options.integer("subset", 0);
        if (!forTraining || subset <= 0 || subset >= splits.train().size()) {
            return splits;
        }
        return new DatasetSplits(splits.train().slice(0, subset), splits.valid(), splits.test());
    }

    private static void dataset(StudySpec spec) {
        if (!spec.data().dataset().equals("fashion-mnist")) {
            throw new CliException("data.dataset: DJL trainers read fashion-mnist, got '" + spec.data().dataset() + "'");
        }
    }

    /** The fit section as fixed trainer parameters. */
    static Map<String, Object> fixed(StudySpec spec) {
        Map<String, Object> fixed = new LinkedHashMap<>();
        FitSpec fit = spec.fit();
        if (fit.epochs() != null) {
            fixed.put(ParamNames.EPOCHS, fit.epochs());
        }
        if (fit.batchSize() != null) {
            fixed.put(ParamNames.BATCH_SIZE, fit.batchSize());
        }
        if (fit.earlyStopping() != null) {
            fixed.put(ParamNames.PATIENCE, fit.earlyStopping().patience());
            fixed.put(ParamNames.MIN_DELTA, fit.earlyStopping().minDelta());
        }
        if (fit.schedule() != null) {
            fixed.put(ParamNames.LR_SCHEDULE, fit.schedule().type());
            fit.schedule().options().forEach((k, v) -> fixed.put(scheduleOption(k), v));
        }
        return fixed;
    }

    private static String scheduleOption(String name) {
        switch (name) {
            case "s":
            case "decay_epochs":
                return ParamNames.LR_DECAY_EPOCHS;
            case "c":
            case "power":
                return ParamNames.LR_POWER;
            case "rate":
            case "factor":
            case "decay_rate":
                return ParamNames.LR_DECAY_RATE;
            case "patience":
                return ParamNames.LR_PATIENCE;
            case "min_lr":
            case "lr_min":
                return ParamNames.LR_MIN;
            case "warmup_epochs":
                return ParamNames.WARMUP_EPOCHS;
            default:
                throw new CliException("fit.schedule." + name + ": unknown schedule option; expected s, power, rate,"
                        + " patience, min_lr or warmup_epochs");
        }
    }
}
