package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.TrialState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code tunelab} launcher, on the packaged jars and the real {@code java}, trains its class-data archive on a
 * scratch tracker holding a study of one trial: the training study runs, the archive is made, and {@code tunelab best}
 * then loads the classes that print a trial from it rather than from the jars.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LauncherArchiveIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path TARGET = Path.of("target").toAbsolutePath();

    @TempDir
    Path project;
    @TempDir
    Path tracker;

    @Test
    void theFirstRunTrainsOnAStudyOfOneTrialSoBestPrintsItsTrialFromTheArchive() throws Exception {
        try (TrialStorage storage = new DefaultWiring().openStorage(tracker.toString())) {
            long study = storage.createStudy("s", List.of(Direction.MINIMIZE)).id();
            long trial = storage.createRunningTrial(study).id();
            storage.setParam(trial, "lr", 0.01, FloatDistribution.logUniform(1e-4, 1e-1));
            storage.finishTrial(trial, TrialState.COMPLETE, List.of(0.25), null);
        }
        Path log = project.resolve("classes.log");

        Process p = launcher("best", "s", "--storage", tracker.toString())
                .redirectOutput(project.resolve("out.txt").toFile()).redirectError(project.resolve("err.txt").toFile())
                .start();

        assertThat(p.waitFor(150, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(project.resolve("err.txt"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(err).isZero();
        assertThat(Files.readString(project.resolve("out.txt"))).contains("COMPLETE").contains("0.25");
        try (Stream<Path> files = Files.list(project.resolve("cli/target/cds"))) {
            assertThat(files.map(Path::toString)).as("the archive, and no failure marker")
                    .anyMatch(f -> f.endsWith(".jsa")).noneMatch(f -> f.endsWith(".failed"));
        }
        assertThat(Files.readAllLines(log)).as("classes that print a trial come from the archive")
                .anyMatch(l -> l.contains("io.tunelab.cli.query.TrialRows source: shared objects file"))
                .anyMatch(l -> l.contains("io.tunelab.search.trial.FrozenTrial source: shared objects file"));
    }

    /**
     * The launcher copied into a project whose {@code cli/target} links to the packaged jars (no sources, so it never
     * builds), started with the class loading logged to {@code classes.log}.
     */
    private ProcessBuilder launcher(String... args) throws Exception {
        Files.copy(ROOT.resolve("tunelab"), project.resolve("tunelab"));
        Path target = Files.createDirectories(project.resolve("cli/target"));
        for (String name : List.of("tunelab.jar", "tunelab-core.jar", "read.classpath", "lib")) {
            Files.createSymbolicLink(target.resolve(name), TARGET.resolve(name));
        }
        Files.writeString(target.resolve("tunelab.variant"), "cpu\n");
        List<String> command = new ArrayList<>(List.of("bash", project.resolve("tunelab").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile());
        pb.environment().put("TUNELAB_BUILD", "cpu");
        pb.environment().put("TUNELAB_CDS", "1");
        pb.environment().put("TUNELAB_JAVA_OPTS", "-Xlog:class+load=info:file=" + project.resolve("classes.log"));
        return pb;
    }
}
