package io.tunelab.trainers.data;

import io.tunelab.trainers.TrainersException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds named IDX datasets on disk and downloads them when they are nowhere to be found.
 *
 * <p>A dataset called {@code name} is looked for, in this order, in: the configured data directory
 * itself and its {@code name} subdirectory; {@code ~/.tunelab/datasets/name}; and
 * {@code /usr/share/datasets/name} (where Debian's {@code dataset-fashion-mnist} package installs
 * Fashion-MNIST). A directory counts when it holds all four files, gzipped or not. When none does and
 * downloading is allowed, the files are downloaded from the dataset's source (or the configured one)
 * into {@code ~/.tunelab/datasets/name} and verified by SHA-256 first.
 *
 * <p>Immutable and thread-safe, except that two processes downloading the same dataset at once may
 * both download it (the second move wins; both copies verify).
 */
public final class DatasetRepository {
    /** System property naming a directory to search first. */
    public static final String DATA_DIR_PROPERTY = "tunelab.datasets.dir";
    /** System property overriding the base URI datasets are downloaded from. */
    public static final String SOURCE_PROPERTY = "tunelab.datasets.source";
    /** System property that, set to {@code true}, forbids downloads. */
    public static final String OFFLINE_PROPERTY = "tunelab.datasets.offline";

    private static final Logger LOG = LoggerFactory.getLogger(DatasetRepository.class);
    private final Path dataDir;
    private final Path userRoot;
    private final Path systemRoot;
    private final URI source;
    private final boolean download;
    private final Fetcher fetcher;

    private DatasetRepository(Builder b) {
        this.dataDir = b.dataDir;
        this.userRoot = b.userRoot;
        this.systemRoot = b.systemRoot;
        this.source = b.source;
        this.download = b.download;
        this.fetcher = b.fetcher;
    }

    /** Starts from the standard locations, downloads allowed, no configured directory. */
    public static Builder builder() {
        return new Builder();
    }

    /** The standard locations, configured from the system properties named above. */
    public static DatasetRepository standard() {
        Builder b = builder();
        String dir = System.getProperty(DATA_DIR_PROPERTY);
        if (dir != null && !dir.isBlank()) {
            b.dataDir(Path.of(dir));
        }
        String src = System.getProperty(SOURCE_PROPERTY);
        if (src != null && !src.isBlank()) {
            b.source(URI.create(src.endsWith("/") ? src : src + "/"));
        }
        return b.download(!Boolean.getBoolean(OFFLINE_PROPERTY)).build();
    }

    /** The directories searched for {@code spec}, in order. */
    public List<Path> candidateDirectories(IdxDatasetSpec spec) {
        List<Path> dirs = new ArrayList<>();
        if (dataDir != null) {
            dirs.add(dataDir);
            dirs.add(dataDir.resolve(spec.name()));
        }
        dirs.add(userRoot.resolve(spec.name()));
        dirs.add(systemRoot.resolve(spec.name()));
        return dirs;
    }

    /**
     * The directory a user named holding {@code spec}: {@code dir} itself or its {@code spec.name()} subdirectory, the
     * first that holds every file; empty when neither does. No other copy is looked for: a user who names a directory
     * means that one.
     */
    public static Optional<Path> holding(Path dir, IdxDatasetSpec spec) {
        return List.of(dir, dir.resolve(spec.name())).stream().filter(d -> IdxLayout.isComplete(d, spec)).findFirst();
    }

    /**
     * The files of {@code spec} that neither {@code dir} nor its {@code spec.name()} subdirectory holds (gzipped or not),
     * as published names; empty when one of them holds all.
     */
    public static List<String> missingIn(Path dir, IdxDatasetSpec spec) {
        if (holding(dir, spec).isPresent()) {
            return List.of();
        }
        return spec.files().stream().filter(f -> IdxLayout.find(dir, f) == null && IdxLayout.find(dir.resolve(spec.name()), f) == null)
                .map(IdxFile::name).toList();
    }

    /**
     * Loads {@code spec} from the directory a user named ({@link #holding}) and nowhere else.
     *
     * @throws DatasetUnavailableException naming {@code dir} and the files expected there when it does not hold them
     * @throws TrainersException           when a file is corrupt or does not match its checksum
     */
    public static DatasetSplits loadFrom(Path dir, IdxDatasetSpec spec) {
        Path found = holding(dir, spec).orElseThrow(() -> new DatasetUnavailableException("Dataset '" + spec.name()
                + "' is not in " + dir + " nor in " + dir.resolve(spec.name()) + ": expected its four files ("
                + spec.files().stream().map(IdxFile::name).collect(Collectors.joining(", ")) + ", gzipped or not)"));
        LOG.debug("Reading dataset '{}' from {}", spec.name(), found.toAbsolutePath());
        return IdxDatasetLoader.load(spec, found);
    }

    /** The first searched directory holding every file of {@code spec}, without downloading. */
    public Optional<Path> find(IdxDatasetSpec spec) {
        return candidateDirectories(spec).stream().filter(d -> IdxLayout.isComplete(d, spec)).findFirst();
    }

    /**
     * The directory holding {@code spec}'s files, downloading them if no searched directory has them.
     *
     * @throws DatasetUnavailableException when they are nowhere and cannot be downloaded
     */
    public Path locate(IdxDatasetSpec spec) {
        Optional<Path> found = find(spec);
        if (found.isPresent()) {
            return found.get();
        }
        URI from = source != null ? source : spec.source();
        Path target = userRoot.resolve(spec.name());
        if (!download) {
            throw new DatasetUnavailableException(unavailable(spec, "downloading is switched off (" + OFFLINE_PROPERTY + "=true)"));
        }
        try {
            new IdxDownloader(fetcher).downloadMissing(spec, from, target);
        } catch (IOException | UncheckedIOException e) {
            throw new DatasetUnavailableException(unavailable(spec, "downloading them from " + from + " failed: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())), e);
        }
        return target;
    }

    /**
     * Loads {@code spec} as train / valid / test splits, verifying each file's content checksum.
     *
     * @throws DatasetUnavailableException when the files are nowhere and cannot be downloaded
     * @throws TrainersException           when a file is corrupt or does not match its checksum
     */
    public DatasetSplits load(IdxDatasetSpec spec) {
        Path dir = locate(spec);
        // several copies may exist (a data directory, ~/.tunelab, /usr/share/datasets): which one trains is a debug
        // line here; the command line says it in its own words (tunelab run, tunelab demo)
        LOG.debug("Reading dataset '{}' from {}", spec.name(), dir.toAbsolutePath());
        return IdxDatasetLoader.load(spec, dir);
    }

    private String unavailable(IdxDatasetSpec spec, String why) {
        String files = spec.files().stream().map(IdxFile::name).collect(Collectors.joining(", "));
        String dirs = candidateDirectories(spec).stream().map(Path::toString).collect(Collectors.joining(", "));
        return "Dataset '" + spec.name() + "' is not available: none of the directories " + dirs
                + " holds its four files (" + files + ", gzipped or not), and " + why + ". To fix this, copy"
                + " the files into one of those directories (on Debian, the package dataset-" + spec.name()
                + " installs them under " + systemRoot + " when it exists), point Tunelab at a directory"
                + " holding them with -D" + DATA_DIR_PROPERTY + "=DIR, or name a reachable mirror with -D"
                + SOURCE_PROPERTY + "=URL.";
    }

    /** Configures a {@link DatasetRepository}. Not thread-safe. */
    public static final class Builder {
        private Path dataDir;
        private Path userRoot = Path.of(System.getProperty("user.home"), ".tunelab", "datasets");
        private Path systemRoot = Path.of("/usr/share/datasets");
        private URI source;
        private boolean download = true;
        private Fetcher fetcher = new HttpFetcher();

        private Builder() {
        }

        /** A directory searched first, itself and its per-dataset subdirectory. */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** Root of per-dataset directories searched second and downloaded into (default ~/.tunelab/datasets). */
        public Builder userRoot(Path root) {
            this.userRoot = java.util.Objects.requireNonNull(root, "root");
            return this;
        }

        /** Root of system-wide per-dataset directories searched last (default /usr/share/datasets). */
        public Builder systemRoot(Path root) {
            this.systemRoot = java.util.Objects.requireNonNull(root, "root");
            return this;
        }

        /** Base URI to download from instead of each dataset's own source; null for the dataset's own. */
        public Builder source(URI base) {
            this.source = base;
            return this;
        }

        /** Whether missing datasets may be downloaded (default true). */
        public Builder download(boolean allowed) {
            this.download = allowed;
            return this;
        }

        /** How files are fetched (default {@link HttpFetcher}). */
        public Builder fetcher(Fetcher f) {
            this.fetcher = java.util.Objects.requireNonNull(f, "fetcher");
            return this;
        }

        public DatasetRepository build() {
            return new DatasetRepository(this);
        }
    }
}
