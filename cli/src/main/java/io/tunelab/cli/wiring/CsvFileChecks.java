package io.tunelab.cli.wiring;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.error.ProblemList;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.Texts;
import io.tunelab.trainers.tabular.CsvTables;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A study file's CSV file checked before anything runs: that it exists, that the columns the data section names are in
 * its header (with a suggestion), and that the columns that must hold numbers do, in every row of a file of at most
 * {@link #WHOLE_FILE_BYTES} (read a line at a time, never held whole) and in the first {@link #ROWS} rows of a larger
 * one. The Tribuo and the DJL trainers check their CSV files with it. Stateless.
 */
public final class CsvFileChecks {
    /** The rows after the header that are read for cells that are not numbers in a file above {@link #WHOLE_FILE_BYTES}. */
    static final int ROWS = 20;
    /** The largest file whose every row is checked for cells that are not numbers (50 MiB: a few seconds to read). */
    static final long WHOLE_FILE_BYTES = 50L << 20;
    /** The distinct numbers a classification's target may hold whatever its rows (10% of the rows when more). */
    static final int MOST_CLASSES = 50;
    /** The distinct numbers of a target that are counted; beyond them the count is "or more". */
    static final int MOST_DISTINCT = 100_000;
    /** What a message about a word in a column that {@code data.categorical} leaves numeric advises ({@code %s}: the column). */
    static final String NOT_CATEGORICAL = "with data.categorical given, every other column but the target is read as numbers:"
            + " list '%s' in categorical too";

    private CsvFileChecks() {
    }

    /** How the checks open a file: as UTF-8 text, from disk unless a test counts the readings. */
    @FunctionalInterface
    interface Source {
        BufferedReader open(Path file) throws IOException;
    }

    /** The files on disk. */
    static final Source FILES = file -> Files.newBufferedReader(file, StandardCharsets.UTF_8);

    /**
     * The header and first {@link #ROWS} rows of {@code file}.
     *
     * @param field the field naming the file, for messages ({@code data.path})
     * @throws CliException naming {@code field} when the file does not exist or cannot be read
     */
    static Head head(String field, Path file) {
        return head(field, file, FILES);
    }

    /** The same, reading the file, now and in the checks of the head, from {@code source}. */
    static Head head(String field, Path file, Source source) {
        if (!Files.isRegularFile(file)) {
            throw new CliException(field + ": no such file " + file + "; expected a CSV file (a relative path is read"
                    + " from the working directory " + Path.of("").toAbsolutePath() + ")");
        }
        try (BufferedReader in = source.open(file)) {
            String line = in.readLine();
            List<String> header = line == null ? List.of() : cells(line);
            List<String> rows = new ArrayList<>();
            for (String row = in.readLine(); row != null && rows.size() < ROWS; row = in.readLine()) {
                rows.add(row);
            }
            return new Head(file, header, rows, source);
        } catch (IOException e) {
            throw new CliException(field + ": cannot read " + file + ": " + e.getMessage());
        }
    }

    /**
     * What the dry run should say about the numeric check of the study file's CSV file when it reads a sample only (the
     * file is above {@link #WHOLE_FILE_BYTES}); empty for a file checked whole, for data that is not a CSV file, and for a
     * file that cannot be read (the checks name that).
     */
    public static Optional<String> sampledNote(StudySpec spec) {
        String dataset = spec.data().dataset();
        Object path = spec.data().options().get("path");
        Path file = dataset.toLowerCase(Locale.ROOT).endsWith(".csv") ? Path.of(dataset)
                : path instanceof String p && (dataset.equals("csv") || dataset.equals("series")) ? Path.of(p) : null;
        try {
            if (file == null || !Files.isRegularFile(file) || Files.size(file) <= WHOLE_FILE_BYTES) {
                return Optional.empty();
            }
            return Optional.of("Data: " + file + " is " + (Files.size(file) >> 20) + " MiB, above the " + (WHOLE_FILE_BYTES >> 20)
                    + " MiB checked whole, so only its first " + ROWS + " rows were checked for cells that are not numbers;"
                    + " one further down fails the run when it reads the file");
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code cell} is a finite number. */
    static boolean isNumber(String cell) {
        try {
            return Double.isFinite(Double.parseDouble(cell));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<String> cells(String line) {
        return Arrays.stream(line.split(",", -1)).map(h -> h.strip().replaceAll("^\"|\"$", "")).toList();
    }

    /**
     * The columns a field requires to hold numbers: every column but {@code except}.
     *
     * @param field  the field a cell that is not a number is reported at
     * @param except the columns left out
     * @param advice what to do about column {@code %s}, such as {@code list it in data.categorical}
     */
    record Numeric(String field, List<String> except, String advice) {
    }

    /**
     * A CSV file's header and first rows.
     *
     * @param file   the file
     * @param header its column names, unquoted
     * @param rows   its first {@link #ROWS} rows after the header, as read
     * @param source what reads the file
     */
    record Head(Path file, List<String> header, List<String> rows, Source source) {
        /**
         * Refuses each column a field names that the header lacks: {@code columns} maps a field ({@code data.target}) to
         * the columns it names.
         */
        void checkNamed(Map<String, List<String>> columns) {
            ProblemList problems = new ProblemList();
            columns.forEach((field, names) -> {
                for (String column : names) {
                    if (!header.contains(column)) {
                        problems.add(field + ": CSV " + file + " has no column '" + column + "'"
                                + Texts.didYouMean(column, header) + "; its header is " + header);
                    }
                }
            });
            problems.throwIfAny();
        }

        /**
         * Refuses the first cell that is neither a number nor missing in a column other than {@code except}, with
         * {@code advice} for that column ({@link #checkNumeric(List)}).
         */
        void checkNumeric(String field, List<String> except, String advice) {
            checkNumeric(List.of(new Numeric(field, except, advice)));
        }

        /**
         * Refuses, for each of {@code checks}, the first cell that is neither a number nor missing in a column it requires
         * to hold numbers, naming the file, line, column and cell: in every row of a file of at most
         * {@link #WHOLE_FILE_BYTES}, read once a line at a time whatever the number of checks, else in the first rows; rows
         * holding quotes are not judged.
         *
         * @return the file's rows (its non-blank lines but the header) when it was read whole, else empty
         * @throws CliException with the problem of each check that found one
         */
        OptionalInt checkNumeric(List<Numeric> checks) {
            return read(checks, null);
        }

        /**
         * The one reading of the file that serves every check of its rows: {@code checks} as {@link #checkNumeric(List)}
         * says, and, unless null, {@code target} takes in the target of every row of a file of at most
         * {@link #WHOLE_FILE_BYTES}, else of its first {@link #WHOLE_FILE_BYTES} (the numeric checks still judge only
         * the first {@link #ROWS} rows of such a file, as {@link #sampledNote} says).
         */
        private OptionalInt read(List<Numeric> checks, ContinuousTarget target) {
            Set<Numeric> failed = new HashSet<>();
            ProblemList problems = new ProblemList();
            try {
                boolean whole = Files.size(file) <= WHOLE_FILE_BYTES;
                if (!whole && target == null) {
                    for (int r = 0; r < rows.size(); r++) {
                        checkRow(checks, failed, problems, rows.get(r), r + 2);
                    }
                    problems.throwIfAny();
                    return OptionalInt.empty();
                }
                int nonBlank = 0;
                try (BufferedReader in = source.open(file)) {
                    int line = 1;
                    long read = 0;
                    for (String row = in.readLine(); row != null && (whole || read <= WHOLE_FILE_BYTES); row = in.readLine(),
                            line++) {
                        nonBlank += row.isBlank() ? 0 : 1;
                        if (line > 1) {
                            read += row.length() + 1;
                            List<String> cells = cells(row);
                            if (whole || line <= ROWS + 1) {
                                checkRow(checks, failed, problems, row, cells, line);
                            }
                            if (target != null && !row.contains("\"") && cells.size() == header.size()) {
                                target.accept(cells);
                            }
                        }
                    }
                }
                if (target != null) {
                    target.problem().ifPresent(problems::add);
                }
                problems.throwIfAny();
                return whole ? OptionalInt.of(Math.max(0, nonBlank - 1)) : OptionalInt.empty();
            } catch (IOException e) {
                throw new CliException((checks.isEmpty() ? "data.target" : checks.get(0).field()) + ": cannot read " + file
                        + ": " + e.getMessage());
            }
        }

        /** Records the first cell of {@code row} each check not yet failed finds that is neither a number nor missing. */
        private void checkRow(List<Numeric> checks, Set<Numeric> failed, ProblemList problems, String row, int line) {
            checkRow(checks, failed, problems, row, cells(row), line);
        }

        private void checkRow(List<Numeric> checks, Set<Numeric> failed, ProblemList problems, String row, List<String> cells,
                              int line) {
            if (row.contains("\"") || cells.size() != header.size()) {
                return;
            }
            for (Numeric check : checks) {
                for (int c = 0; c < cells.size() && !failed.contains(check); c++) {
                    String cell = cells.get(c);
                    if (!check.except().contains(header.get(c)) && !CsvTables.MISSING.contains(cell) && !isNumber(cell)) {
                        failed.add(check);
                        problems.add(check.field() + ": CSV " + file + " column '" + header.get(c) + "' is not numeric (line "
                                + line + " holds '" + cell + "'); " + check.advice().formatted(header.get(c)));
                    }
                }
            }
        }

        /**
         * Refuses a {@code target} that looks like a regression's when the data's task is classification, at
         * {@code data.target} ({@link ContinuousTarget}). The rows read are every row of a file of at most
         * {@link #WHOLE_FILE_BYTES}, else its first {@link #WHOLE_FILE_BYTES}; rows holding quotes are not judged.
         * {@link #checkNumbers} makes this check in the reading that serves the others.
         *
         * @param taskGiven whether the study file gives {@code data.task: classification} (else it is the default)
         */
        void checkClassTarget(String target, boolean taskGiven) {
            Optional.ofNullable(classTarget(target, taskGiven)).ifPresent(t -> read(List.of(), t));
        }

        /** The check of a classification's {@code target}, or null when the header lacks it (checkNamed says so). */
        private ContinuousTarget classTarget(String target, boolean taskGiven) {
            int column = header.indexOf(target);
            return column < 0 ? null : new ContinuousTarget(file, target, column, taskGiven);
        }

        /**
         * Refuses, in one reading of the file, what the trainers cannot read of it: with {@code data.categorical} given, a
         * word in a column it does not list (other than the target), at {@code data.categorical}, as the trainers then read
         * every other column as numbers; with {@code regression}, a word in the target ({@link #target}); else (a
         * classification) a target that looks like a regression's ({@link #checkClassTarget}).
         *
         * @throws CliException with every problem found
         */
        void checkNumbers(DataOptions data, boolean regression) {
            List<Numeric> checks = new ArrayList<>();
            if (regression) {
                checks.add(target(data.required("target"), "a regression"));
            }
            if (data.has("categorical")) {
                List<String> except = new ArrayList<>(data.texts("categorical"));
                except.add(data.required("target"));
                checks.add(new Numeric("data.categorical", except, NOT_CATEGORICAL));
            }
            ContinuousTarget classes = regression ? null : classTarget(data.required("target"), data.has("task"));
            if (!checks.isEmpty() || classes != null) {
                read(checks, classes);
            }
        }

        /**
         * The check of the {@code target} column, at {@code data.target}: the target of {@code what} (a regression, a
         * series) is a number the model predicts, so a row holding a word must be corrected or removed, never the column.
         */
        Numeric target(String target, String what) {
            List<String> others = header.stream().filter(column -> !column.equals(target)).toList();
            return new Numeric("data.target", others, "the target of " + what + " needs a number in every row: correct that"
                    + " line or remove it");
        }
    }
}
