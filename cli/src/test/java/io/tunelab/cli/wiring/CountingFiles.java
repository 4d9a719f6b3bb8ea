package io.tunelab.cli.wiring;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens files from disk for {@link CsvFileChecks}, counting the files opened and the lines read. */
final class CountingFiles implements CsvFileChecks.Source {
    int opened;
    int lines;

    @Override
    public BufferedReader open(Path file) throws IOException {
        opened++;
        return new BufferedReader(Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            @Override
            public String readLine() throws IOException {
                lines++;
                return super.readLine();
            }
        };
    }
}
