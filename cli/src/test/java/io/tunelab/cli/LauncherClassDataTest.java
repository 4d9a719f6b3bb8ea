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
 * The {@code tunelab} launcher records a static class-data archive once per built jar and java binary, starts
 * commands with it, and starts them without it when it cannot be made or is turned off. Runs the real script against a stand-in
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
                "dump=''; out=''; list=''",
                "for a in \"$@\"; do",
                "  case \"$a\" in",
                "    -XX:DumpLoadedClassList=*) f=\"${a#*=}\"; echo \"# header\" > \"$f\"; basename \"$f\" >> \"$f\"",
                "      [ -n \"${CLASS_IDS:-}\" ] && echo \"java/lang/Object id: $RANDOM\" >> \"$f\";;",
                "    -Xshare:dump) dump=1;;",
                "    -XX:SharedClassListFile=*) list=\"${a#*=}\";;",
                "    -XX:SharedArchiveFile=*) out=\"${a#*=}\";;",
                "  esac",
                "done",
                "if [ -n \"$dump\" ]; then",
                "  [ -n \"${FAIL_ARCHIVE:-}\" ] && exit 1",
                "  cat \"$list\" > \"$out\"",
                "fi",
                "exit 0", ""));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private List<String> run(Map<String, String> env, String... args) throws Exception {
        return runAs(project.resolve("tunelab").toString(), project, env, args);
    }

    /** Runs the launcher named {@code script} (as typed, relative or absolute) from {@code directory}. */
    private List<String> runAs(String script, Path directory, Map<String, String> env, String... args) throws Exception {
        Files.deleteIfExists(calls);
        List<String> command = new ArrayList<>(List.of("bash", script));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(directory.toFile());
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

    /** The archives made so far (the directory also holds the note of the resolved java). */
    private List<Path> archives() throws IOException {
        return archiveDirectory().stream().filter(p -> p.toString().endsWith(".jsa")).toList();
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
    void theFirstRunRecordsAStaticArchiveFromTheClassListsOfTwoReadOnlyCommandsAndStartsWithIt() throws Exception {
        List<String> calls = run(Map.of(), "studies", "--storage", "x");
        assertThat(calls).hasSize(5);
        assertThat(calls.get(0)).as("a study of one trial gives the scratch tracker a best trial")
                .contains(" run ").contains("cds-training.yaml --storage ").endsWith("/tracker")
                .doesNotContain("-XX:DumpLoadedClassList=").doesNotContain("-XX:SharedArchiveFile");
        String scratchTracker = calls.get(0).substring(calls.get(0).lastIndexOf(' ') + 1);
        assertThat(calls.get(1)).contains("-XX:DumpLoadedClassList=").endsWith("studies --storage " + scratchTracker)
                .doesNotContain("-XX:SharedArchiveFile");
        assertThat(calls.get(2)).contains("-XX:DumpLoadedClassList=").endsWith("best cds-training --storage " + scratchTracker)
                .doesNotContain("-XX:SharedArchiveFile");
        assertThat(calls.get(3)).contains("-Xshare:dump").contains("-XX:SharedClassListFile=").contains("-cp " + jar)
                .contains("-XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0");
        List<Path> archives = archives();
        assertThat(archives).hasSize(1);
        assertThat(archives.get(0).toString()).endsWith(".jsa");
        assertThat(Files.readAllLines(archives.get(0))).as("the union of both lists, each line once")
                .containsExactlyInAnyOrder("# header", "studies.classlist", "best.classlist");
        assertThat(calls.get(4)).contains("-XX:SharedArchiveFile=" + archives.get(0)).contains("-Xlog:cds=off")
                .as("mapped where it was dumped").contains("-XX:ArchiveRelocationMode=0")
                .endsWith("-jar " + jar + " studies --storage x");
    }

    @Test
    void laterRunsReuseTheArchiveUntilTheJarIsRebuilt() throws Exception {
        run(Map.of(), "--version");
        assertThat(run(Map.of(), "best", "s")).singleElement().asString().contains("-XX:SharedArchiveFile=");

        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        List<String> rebuilt = run(Map.of(), "best", "s");
        assertThat(rebuilt).hasSize(5);
        assertThat(rebuilt.get(3)).contains("-Xshare:dump");
    }

    @Test
    void whenTheArchiveCannotBeMadeTheCommandRunsWithoutItAndLeavesNoPartialFile() throws Exception {
        List<String> calls = run(Map.of("FAIL_ARCHIVE", "1"), "studies");
        assertThat(calls).hasSize(5);
        assertThat(calls.get(4)).doesNotContain("-XX:SharedArchiveFile").doesNotContain("ArchiveRelocationMode")
                .endsWith("-jar " + jar + " studies");
        assertThat(archiveDirectory()).noneMatch(p -> p.toString().endsWith(".jsa") || p.toString().endsWith(".part"));
    }

    @Test
    void afterAFailedArchiveLaterRunsDoNotTryAgainUntilTheJarIsRebuilt() throws Exception {
        run(Map.of("FAIL_ARCHIVE", "1"), "studies");
        assertThat(run(Map.of("FAIL_ARCHIVE", "1"), "studies")).singleElement().asString()
                .doesNotContain("-XX:SharedArchiveFile");

        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        List<String> rebuilt = run(Map.of(), "studies");
        assertThat(rebuilt).hasSize(5);
        assertThat(rebuilt.get(4)).contains("-XX:SharedArchiveFile=");
    }

    @Test
    void classListsAreMergedWithoutTheirPerListClassIds() throws Exception {
        run(Map.of("CLASS_IDS", "1"), "studies");
        assertThat(Files.readAllLines(archives().get(0)))
                .containsExactlyInAnyOrder("# header", "studies.classlist", "best.classlist", "java/lang/Object");
    }

    @Test
    void classListsShippedBesideTheSourcesJoinTheTrainedOnes() throws Exception {
        Path shipped = Files.createDirectories(project.resolve("cli/src/main/cds")).resolve("postgresql.classlist");
        Files.write(shipped, List.of("# shipped", "org/postgresql/Driver", "best.classlist"));
        Files.setLastModifiedTime(shipped, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis()));

        List<String> calls = run(Map.of(), "studies");

        assertThat(calls).as("the shipped list is not built into the jar").hasSize(5);
        assertThat(Files.readAllLines(archives().get(0))).as("the union of all lists, each line once")
                .containsExactlyInAnyOrder("# header", "studies.classlist", "best.classlist", "# shipped",
                        "org/postgresql/Driver");
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
    void aJavaSwitchedToAnotherBinaryGetsAnArchiveOfItsOwn() throws Exception {
        Path standIn = bin.resolve("java");
        Path first = Files.createDirectories(bin.resolve("jdk-a/bin")).resolve("java");
        Path second = Files.createDirectories(bin.resolve("jdk-b/bin")).resolve("java");
        Files.copy(standIn, first);
        Files.copy(standIn, second);
        Files.setPosixFilePermissions(first, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(second, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.delete(standIn);
        Files.createSymbolicLink(standIn, first);

        run(Map.of(), "studies");
        assertThat(run(Map.of(), "studies")).as("the same java reuses its archive").singleElement().asString()
                .contains("jdk-a_bin_java.jsa");

        Files.delete(standIn);
        Files.createSymbolicLink(standIn, second);
        List<String> switched = run(Map.of(), "studies");
        assertThat(switched).as("a new archive is made for the other binary").hasSize(5);
        assertThat(switched.get(4)).contains("jdk-b_bin_java.jsa");
        assertThat(archives()).hasSize(2);
    }

    @Test
    void theLauncherFindsItsProjectHoweverItIsNamed() throws Exception {
        run(Map.of(), "--version");
        Path parent = project.getParent();
        String name = project.getFileName().toString();
        for (List<String> how : List.of(List.of("./tunelab", ""), List.of("tunelab", ""), List.of(name + "/tunelab", ".."),
                List.of("./" + name + "/../" + name + "/tunelab", ".."), List.of(project + "/./tunelab", ""))) {
            Path from = how.get(1).isEmpty() ? project : parent;
            assertThat(runAs(how.get(0), from, Map.of(), "best", "s")).as(how.get(0)).singleElement().asString()
                    .contains("-XX:SharedArchiveFile=" + archives().get(0)).endsWith("-jar " + jar + " best s");
        }
    }

    @Test
    void commandsThatOnlyReadTheTrackerStartOnTheReadClassPathAndOthersOnItFollowedByTheJar() throws Exception {
        Path target = project.resolve("cli/target");
        Path core = Files.writeString(target.resolve("tunelab-core.jar"), "core");
        Files.writeString(target.resolve("read.classpath"), "lib/tunelab-tracker.jar:lib/h2.jar");
        String read = core + ":" + target.resolve("lib/tunelab-tracker.jar") + ":" + target.resolve("lib/h2.jar");
        String main = " " + TunelabCommand.class.getName() + " ";

        List<String> first = run(Map.of(), "studies");
        assertThat(first).hasSize(5);
        assertThat(first.get(0)).as("the scratch study runs on the whole path").contains("-cp " + read + ":" + jar + main + "run ");
        assertThat(first.get(1)).as("trained on the read path").contains("-cp " + read + main + "studies --storage");
        assertThat(first.get(3)).as("dumped on the read path").contains("-Xshare:dump").endsWith("-cp " + read);
        for (String reader : List.of("studies", "trials", "best", "compare")) {
            assertThat(run(Map.of(), "--debug", reader, "s")).singleElement().asString()
                    .contains("-XX:SharedArchiveFile=").endsWith("-cp " + read + main + "--debug " + reader + " s");
        }
        for (String other : List.of("run", "dashboard", "models", "help")) {
            assertThat(run(Map.of(), other, "x")).singleElement().asString()
                    .contains("-XX:SharedArchiveFile=").endsWith("-cp " + read + ":" + jar + main + other + " x");
        }
        assertThat(run(Map.of(), "--version")).singleElement().asString().endsWith("-cp " + read + ":" + jar + main.stripTrailing()
                + " --version");
    }

    @Test
    void tunelabCdsZeroTurnsItOff() throws Exception {
        assertThat(run(Map.of("TUNELAB_CDS", "0"), "studies")).singleElement().asString()
                .doesNotContain("-XX:SharedArchiveFile").doesNotContain("-XX:DumpLoadedClassList")
                .endsWith("-jar " + jar + " studies");
        assertThat(archiveDirectory()).isEmpty();
    }
}
