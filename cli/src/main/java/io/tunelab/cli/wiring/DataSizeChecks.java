package io.tunelab.cli.wiring;

import io.tunelab.cli.error.CliException;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.data.DatasetRepository;
import io.tunelab.trainers.data.FashionMnist;
import io.tunelab.trainers.data.IdxFile;
import io.tunelab.trainers.sources.SeriesDatasets;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * What loading a DJL data set would refuse about where it is and how big it is, checked before anything runs from what
 * is known without loading it, with the run's own messages: Fashion-MNIST's {@code data.dir} exists and holds it, and its
 * {@code valid_split} leaves training images (it has {@value FashionMnist#TRAINING_IMAGES}); a series file's segments each
 * hold a window of {@code n_steps + horizon} rows (its lines are counted, its numbers not read). Stateless.
 */
final class DataSizeChecks {
    private DataSizeChecks() {
    }

    /**
     * Fashion-MNIST's {@code data.dir}, or null when the study file gives none (the standard copies are searched).
     *
     * @throws CliException naming the field, the path and the working directory when the directory does not exist, and
     *                      the files expected there when neither it nor its fashion-mnist subdirectory holds them: the
     *                      standard copies would otherwise be read silently instead
     */
    static Path fashionMnistDir(DataOptions data) {
        String dir = data.text("dir", null);
        if (dir == null) {
            return null;
        }
        Path path = Path.of(dir);
        if (!Files.isDirectory(path)) {
            String files = FashionMnist.SPEC.files().stream().map(IdxFile::name).collect(Collectors.joining(", "));
            throw new CliException("data.dir: no such directory " + dir + " (a relative path is read from the working"
                    + " directory " + Path.of("").toAbsolutePath() + "); expected a directory holding fashion-mnist's files ("
                    + files + ", gzipped or not) or its fashion-mnist sub-directory, or no data.dir to use the standard copies");
        }
        List<String> missing = DatasetRepository.missingIn(path, FashionMnist.SPEC);
        if (!missing.isEmpty()) {
            String files = FashionMnist.SPEC.files().stream().map(IdxFile::name).collect(Collectors.joining(", "));
            throw new CliException("data.dir: " + dir + " holds no copy of fashion-mnist: neither it nor "
                    + path.resolve(FashionMnist.SPEC.name()) + " has " + (missing.size() == FashionMnist.SPEC.files().size()
                    ? "any of its files" : String.join(", ", missing)) + "; expected " + files + " (gzipped or not) there,"
                    + " or no data.dir to use the default copy (~/.tunelab/datasets/fashion-mnist or"
                    + " /usr/share/datasets/fashion-mnist, downloaded when there is none)");
        }
        return path;
    }

    /**
     * How many of Fashion-MNIST's {@code images} training images validate: {@code valid_split} as a count or fraction,
     * {@code fallback} when absent.
     *
     * @throws CliException when none would be left to train on
     */
    static int fashionMnistValid(DataOptions data, int images, int fallback) {
        int valid = DjlData.count(data, "valid_split", images, fallback);
        if (valid >= images) {
            throw new CliException("data.valid_split: fashion-mnist has " + images + " training images, so at most "
                    + (images - 1) + " can validate, got " + valid);
        }
        return valid;
    }

    /**
     * Checks that the series in {@code head}'s file, split by share as the run splits it, has a window of
     * {@code nSteps + horizon} rows in each segment ({@link SeriesDatasets#checkSegments}); {@code rows} are its rows when
     * they have been counted already (by {@link CsvFileChecks.Head#checkNumeric(java.util.List)}), else it counts them.
     *
     * @throws CliException with the run's message ({@code data: series 'FILE' has N rows in its training segment, ...})
     */
    static void seriesSegments(CsvFileChecks.Head head, OptionalInt rows, int nSteps, int horizon, double validFraction,
                               double testFraction) {
        try {
            SeriesDatasets.checkSegments("series '" + head.file() + "'", rows.isPresent() ? rows.getAsInt() : rows(head),
                    nSteps, horizon, validFraction, testFraction);
        } catch (TrainersException e) {
            throw new CliException("data: " + e.getMessage());
        }
    }

    /** The non-blank lines of {@code file} after its header: its rows. */
    private static int rows(CsvFileChecks.Head head) {
        Path file = head.file();
        try (BufferedReader in = head.source().open(file)) {
            return (int) Math.max(0, in.lines().filter(l -> !l.isBlank()).count() - 1);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new CliException("data.path: cannot read " + file + ": " + e.getMessage());
        }
    }
}
