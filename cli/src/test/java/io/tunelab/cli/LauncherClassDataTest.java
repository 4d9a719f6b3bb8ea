package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code tunelab} launcher records a class-data archive once per built jar and java binary, starts commands with
 * it, and starts them without it when it cannot be made or is turned off. Runs the real script against a stand-in
 * {@code java} that logs its arguments.
 */
@Timeout(60)
class LauncherClassDataTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path project;
    @TempDir
    Path bin;

    private Path jar;
    private Path calls;

    @BeforeEach
    void aBuiltProjectAndAStandInJava() throws IOException {
        Files.copy(ROOT.resolve("tunelab"), project.resolve("tunelab"));
        Path target = Files.createDirectories(project.resolve("cli/target"));
        jar = Files.writeString(target.resolve("tunelab.jar"), "jar");
        Files.writeString(target.resolve("tunelab.variant"), "cpu\n");
        calls = bin.resolve("calls.log");
        Path java = bin.resolve("java");
        Files.writeString(java, String.join("\n",
                "#!/bin/bash",
                "echo \"$*\" >> '" + calls + "'",
                "for a in \"$@\"; do",
                "  case \"$a\" in -XX:ArchiveClassesAtExit=*)",
                "    [ -n \"${FAIL_ARCHIVE:-}\" ] && exit 1",
                "    echo archive > \"${a#-XX:ArchiveClassesAtExit=}\";;",
                "  esac",
                "done",
                "exit 0", ""));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private List<String> run(Map<String, String> env, String... args) throws Exception {
        Files.deleteIfExists(calls);
        List<String> command = new ArrayList<>(List.of("bash", project.resolve("tunelab").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile());
        pb.environment().put("PATH", bin + ":/usr/bin:/bin");
        pb.environment().remove("TUNELAB_BUILD");
        pb.environment().remove("TUNELAB_CDS");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(err).isZero();
        return Files.readAllLines(calls);
    }

    private List<Path> archiveDirectory() throws IOException {
        Path dir = project.resolve("cli/target/cds");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    @Test
    void theFirstRunRecordsTheArchiveFromAReadOnlyCommandAndStartsWithIt() throws Exception {
        List<String> calls = run(Map.of(), "studies", "--storage", "x");
        assertThat(calls).hasSize(3);
        assertThat(calls.get(0)).contains("studies --storage").doesNotContain("-XX:SharedArchiveFile");
        assertThat(calls.get(1)).contains("-XX:ArchiveClassesAtExit=").contains("studies --storage");
        List<Path> archives = archiveDirectory();
        assertThat(archives).hasSize(1);
        assertThat(archives.get(0).toString()).endsWith(".jsa");
        assertThat(calls.get(2)).contains("-XX:SharedArchiveFile=" + archives.get(0)).contains("-Xlog:cds=off")
                .endsWith("-jar " + jar + " studies --storage x");
    }

    @Test
    void laterRunsReuseTheArchiveUntilTheJarIsRebuilt() throws Exception {
        run(Map.of(), "--version");
        assertThat(run(Map.of(), "best", "s")).singleElement().asString().contains("-XX:SharedArchiveFile=");

        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        List<String> rebuilt = run(Map.of(), "best", "s");
        assertThat(rebuilt).hasSize(3);
        assertThat(rebuilt.get(1)).contains("-XX:ArchiveClassesAtExit=");
    }

    @Test
    void whenTheArchiveCannotBeMadeTheCommandRunsWithoutItAndLeavesNoPartialFile() throws Exception {
        List<String> calls = run(Map.of("FAIL_ARCHIVE", "1"), "studies");
        assertThat(calls).hasSize(3);
        assertThat(calls.get(2)).doesNotContain("-XX:SharedArchiveFile").endsWith("-jar " + jar + " studies");
        assertThat(archiveDirectory()).isEmpty();
    }

    @Test
    void readOnlyCommandsStartWithTheQuickJitTierAndOthersWithTheDefaults() throws Exception {
        run(Map.of(), "--version");
        for (String quick : List.of("studies", "trials", "best", "compare", "models", "devices", "help")) {
            assertThat(run(Map.of(), "--debug", quick, "s")).singleElement().asString()
                    .contains("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
            assertThat(TunelabCommand.SUBCOMMANDS).as("a subcommand named " + quick)
                    .anyMatch(c -> c.getAnnotation(picocli.CommandLine.Command.class).name().equals(quick));
        }
        assertThat(run(Map.of(), "--version")).singleElement().asString().contains("-XX:TieredStopAtLevel=1");
        for (String other : List.of("run", "dashboard", "worker", "serve", "bench", "demo")) {
            assertThat(run(Map.of(), other, "x")).singleElement().asString().doesNotContain("TieredStopAtLevel")
                    .doesNotContain("UseSerialGC");
        }
        assertThat(run(Map.of("TUNELAB_JAVA_OPTS", "-XX:TieredStopAtLevel=4"), "studies")).singleElement().asString()
                .contains("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:TieredStopAtLevel=4");
    }

    @Test
    void tunelabCdsZeroTurnsItOff() throws Exception {
        assertThat(run(Map.of("TUNELAB_CDS", "0"), "studies")).singleElement().asString()
                .doesNotContain("-XX:SharedArchiveFile").doesNotContain("-XX:ArchiveClassesAtExit")
                .endsWith("-jar " + jar + " studies");
        assertThat(archiveDirectory()).isEmpty();
    }
}
