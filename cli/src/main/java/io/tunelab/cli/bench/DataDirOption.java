package io.tunelab.cli.bench;

import io.tunelab.trainers.data.DatasetRepository;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data-dir} option of the bench commands that read Fashion-MNIST, and the repository it names. */
public final class DataDirOption {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Directory holding Fashion-MNIST (default: ~/.tunelab/datasets, /usr/share/datasets).")
    Path dataDir;

    /** The directory given, or null for the standard locations. */
    Path dir() {
        return dataDir;
    }

    /** A repository reading from the directory given, else from the standard locations. */
    DatasetRepository repository() {
        DatasetRepository.Builder repo = DatasetRepository.builder();
        if (dataDir != null) {
            repo.dataDir(dataDir);
        }
        return repo.build();
    }
}
