package io.tunelab.search.study;

import io.tunelab.search.pruner.NopPruner;
import io.tunelab.search.pruner.Pruner;
import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.sampler.WarmStartSampler;
import io.tunelab.search.sampler.auto.AutoSampler;
import io.tunelab.search.sampler.nsga2.Nsga2Sampler;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.storage.StorageException;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.StudyView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Configures a {@link Study}. Defaults, as in Optuna: in-memory storage, one MINIMIZE objective,
 * seed 0, a sampler seeded from the study seed ({@link AutoSampler} for one objective, which picks TPE, GP or
 * CMA-ES by search space; NSGA-II for several), no pruner. {@code TpeSampler} remains available through
 * {@link #sampler(Function)}.
 * The sampler and pruner configuration and the seed are recorded as study attributes for provenance.
 */
public final class StudyBuilder {
    private final String name;
    private TrialStorage storage;
    private List<Direction> directions = List.of(Direction.MINIMIZE);
    private long seed;
    private Function<RandomStreams, Sampler> sampler;
    private Pruner pruner = new NopPruner();
    private StudyView warmStart;
    private double warmStartWeight = 1;
    private Map<String, Distribution> warmStartSpace;
    private int deterministicWindow;
    private boolean seeded;
    private boolean deterministicChosen;
    private boolean warnSpaceChange = true;

    /** The window {@link #deterministic(boolean) deterministic(true)} uses: up to 4 trials at once. */
    public static final int DEFAULT_DETERMINISTIC_WINDOW = 4;

    StudyBuilder(String name) {
        this.name = given(name, "name");
    }

    public StudyBuilder storage(TrialStorage storage) {
        this.storage = storage;
        return this;
    }

    public StudyBuilder direction(Direction direction) {
        this.directions = List.of(direction);
        return this;
    }

    /** Several objectives, one direction each. */
    public StudyBuilder directions(Direction... directions) {
        if (directions.length == 0) {
            throw new StudyException("a study needs at least one direction, got none");
        }
        this.directions = List.of(directions);
        return this;
    }

    /**
     * The study seed: trial seeds and the default sampler derive from it. Left at the default mode, a seeded study
     * gives the same parameters per trial number for the same number of slots: a
     * {@link Study#optimize(Objective, OptimizeOptions) run} on one slot is plain sequential (each trial sees every
     * finished trial, as Optuna), one on more than one slot uses deterministic mode with the default window when the
     * sampler {@linkplain Sampler#decidesFromViewOnly() decides from its view only} and runs one trial at a time
     * otherwise, so one slot and several give different parameters. {@link #deterministic(boolean) deterministic(true)}
     * makes them the same for any number of slots.
     */
    public StudyBuilder seed(long seed) {
        this.seed = seed;
        this.seeded = true;
        return this;
    }

    /**
     * A sampler built by the caller, with its own seed; {@link #seed} then only seeds the trials. To give
     * the seed once, pass a factory instead: {@code sampler(TpeSampler::new)}.
     */
    public StudyBuilder sampler(Sampler sampler) {
        given(sampler, "sampler");
        this.sampler = streams -> sampler;
        return this;
    }

    /**
     * A sampler built from the study's seeded random streams, so the study seed is the only seed:
     * {@code Study.builder("s").seed(42).sampler(GpSampler::new)}.
     */
    public StudyBuilder sampler(Function<RandomStreams, Sampler> factory) {
        this.sampler = given(factory, "factory");
        return this;
    }

    /**
     * The built-in sampler called {@code name} ({@link SamplerNames#NAMES}), with its default options, seeded from the
     * study seed: {@code Study.builder("s").seed(42).sampler("tpe")}.
     *
     * @throws io.tunelab.search.sampler.SamplerException for another name, listing the valid ones
     */
    public StudyBuilder sampler(String name) {
        return sampler(SamplerNames.byName(name));
    }

    /**
     * Deterministic parallel mode with the default window of {@value #DEFAULT_DETERMINISTIC_WINDOW}:
     * see {@link #deterministicWindow(int)}. {@code false} turns it off: a run on several slots then lets every
     * trial see every finished trial, and a seeded study is no longer reproducible on more than one slot. Without
     * either call, a study with a {@link #seed} uses deterministic mode for its runs on several slots only, not on one
     * (see there), and one without a seed runs as with {@code false}.
     */
    public StudyBuilder deterministic(boolean on) {
        return deterministicWindow(on ? DEFAULT_DETERMINISTIC_WINDOW : 0);
    }

    /**
     * Deterministic parallel mode: trial {@code k}'s sampler sees the trials numbered up to
     * {@code k − window}, which the study waits for, and the later ones as running trials without
     * parameters, so a sampler that {@linkplain Sampler#decidesFromViewOnly() decides from its view
     * only} proposes the same parameters per trial number whether 1, 2 or {@code window} trials run at
     * once (more than {@code window} workers wait for each other): the same seed gives the same parameters per trial
     * number however many slots a run has, one included (one slot then does not see the {@code window − 1} trials
     * before each trial either). The price: a trial does not learn
     * from the {@code window − 1} trials before it, even when they have finished. Pruners still see
     * everything, so pruned trials can differ between schedules. 0 turns it off.
     */
    public StudyBuilder deterministicWindow(int window) {
        if (window < 0) {
            throw new StudyException("deterministic window must be 0 (off) or more, got " + window);
        }
        this.deterministicWindow = window;
        this.deterministicChosen = true;
        return this;
    }

    /**
     * The pruner judging reported intermediate values. Pruning needs a single objective: a study of several
     * directions with a pruner other than {@link NopPruner} is refused when it is created or loaded.
     */
    public StudyBuilder pruner(Pruner pruner) {
        this.pruner = given(pruner, "pruner");
        return this;
    }

    /**
     * Warm start: the earlier study's compatible complete trials become prior observations (see {@link
     * WarmStartSampler}). A sampler given by name or factory (or the default one) then draws from the study seed's
     * streams {@linkplain RandomStreams#warmStartedFrom warm-started from} the earlier study, not from the seed's own:
     * with the earlier study's seed, its random start-up does not draw the earlier study's points again, and the study
     * is still reproducible per seed. A sampler given as an instance keeps its own streams.
     */
    public StudyBuilder warmStartFrom(StudyView earlier) {
        return warmStartFrom(earlier, 1);
    }

    /** Warm start using the share {@code weight} (0 to 1] of the earlier study's compatible complete trials. */
    public StudyBuilder warmStartFrom(StudyView earlier, double weight) {
        if (!(weight > 0) || weight > 1) {
            throw new StudyException("warm start weight must be in (0, 1], got " + weight);
        }
        this.warmStart = given(earlier, "earlier");
        this.warmStartWeight = weight;
        this.warmStartSpace = null;
        return this;
    }

    /**
     * Warm start from the earlier study's complete trials that fit {@code space}, the objective's whole space declared
     * beforehand (conditional parameters included): they inform every trial from the first. Without it (the methods
     * above) the first complete trial's parameters decide which fit, and trials that start before one has completed
     * are sampled without them.
     */
    public StudyBuilder warmStartFrom(StudyView earlier, double weight, Map<String, Distribution> space) {
        warmStartFrom(earlier, weight);
        this.warmStartSpace = Map.copyOf(given(space, "space"));
        return this;
    }

    /**
     * Whether a loaded study logs one warning when the first trial it finishes searches a parameter from a distribution
     * none of its earlier trials searched it from (a define-by-run objective whose range changed): the samplers then
     * model that parameter only from the trials sharing its new distribution. On by default; off for a caller that
     * says the change itself, as {@code tunelab run} does from the study files. A study just created has nothing to
     * compare with.
     */
    public StudyBuilder warnOnSpaceChange(boolean on) {
        this.warnSpaceChange = on;
        return this;
    }

    /** Creates the study; throws if one with this name exists. */
    public Study create() {
        TrialStorage s = storage();
        if (s.findStudy(name).isPresent()) {
            throw new StudyException("a study named '" + name + "' already exists; load it instead");
        }
        return open(s, s.createStudy(name, directions), true);
    }

    /** Loads an existing study; throws if there is none or its directions differ. */
    public Study load() {
        TrialStorage s = storage();
        StudyRecord record = s.findStudy(name)
                .orElseThrow(() -> new StudyException("no study named '" + name + "'"));
        return open(s, record, false);
    }

    /** Loads the study if it exists, else creates it (Optuna's {@code load_if_exists=True}). */
    public Study createOrLoad() {
        TrialStorage s = storage();
        StudyRecord record = s.findStudy(name).orElse(null);
        if (record == null) {
            try {
                return open(s, s.createStudy(name, directions), true);
            } catch (StorageException e) {
                if (e.kind() != StorageException.Kind.CONFLICT) {
                    throw e;
                }
                record = s.findStudy(name).orElseThrow(() -> e);
            }
        }
        return open(s, record, false);
    }

    private TrialStorage storage() {
        if (directions.size() > 1 && !(pruner instanceof NopPruner)) {
            throw new StudyException("pruner " + pruner.getClass().getSimpleName() + " needs a single objective, and"
                    + " study '" + name + "' has " + directions.size() + " directions " + directions
                    + "; remove the pruner or use one direction");
        }
        if (storage == null) {
            storage = new InMemoryStorage();
        }
        return storage;
    }

    private Study open(TrialStorage s, StudyRecord record, boolean created) {
        if (!record.directions().equals(directions)) {
            throw new StudyException("study '" + name + "' was created with directions " + record.directions()
                    + ", not " + directions);
        }
        RandomStreams streams = RandomStreams.seeded(seed);
        RandomStreams samplerStreams = warmStart == null ? streams : streams.warmStartedFrom(warmStart.name());
        Sampler chosen = sampler != null ? sampler.apply(samplerStreams)
                : record.directions().size() == 1 ? new AutoSampler(samplerStreams) : new Nsga2Sampler(samplerStreams);
        if (warmStart != null) {
            chosen = new WarmStartSampler(chosen, warmStart, warmStartWeight, warmStartSpace);
        }
        if (created) {
            s.setStudySystemAttr(record.id(), "seed", seed);
            s.setStudySystemAttr(record.id(), "sampler", new LinkedHashMap<>(chosen.describe()));
            s.setStudySystemAttr(record.id(), "pruner", new LinkedHashMap<>(pruner.describe()));
            if (deterministicWindow > 0) {
                s.setStudySystemAttr(record.id(), "deterministic_window", deterministicWindow);
            }
        }
        return new Study(s, record, chosen, pruner, streams, deterministicWindow, seeded && !deterministicChosen,
                warnSpaceChange && !created);
    }

    /** {@code value}, which the study builder's {@code field} needs: a {@link StudyException} naming it when null. */
    private static <T> T given(T value, String field) {
        if (value == null) {
            throw new StudyException("study builder: " + field + " must be given, got null");
        }
        return value;
    }
}
