package io.tunelab.tracker.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.storage.StorageException;
import io.tunelab.search.trial.ArtifactRef;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalArtifactRepositoryTest {
    @TempDir
    Path tmp;
    Path root;
    Path file;
    LocalArtifactRepository repo;

    @BeforeEach
    void setUp() throws Exception {
        root = tmp.resolve("root");
        repo = new LocalArtifactRepository(root);
        file = tmp.resolve("model.bin");
        Files.writeString(file, "weights");
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.INVALID));
    }

    @Test
    void aStoredFileIsACopyUnderTheRootWithItsSizeAndDigest() throws Exception {
        ArtifactRef ref = repo.store(List.of("study-1", "trial-0"), "model.bin", file);
        Path stored = repo.resolve(ref);
        assertThat(stored).startsWith(root.toRealPath()).hasFileName("model.bin");
        assertThat(Files.readString(stored)).isEqualTo("weights");
        assertThat(ref.size()).isEqualTo(7);
        assertThat(ref.sha256()).isEqualTo(sha256("weights"));
        Files.writeString(file, "changed");
        assertThat(Files.readString(stored)).isEqualTo("weights");
        try (InputStream in = repo.open(ref)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("weights");
        }
    }

    @Test
    void storingTheSameNameAgainReplacesTheFileAndLeavesNoTemporaryFiles() throws Exception {
        repo.store(List.of("t"), "m", file);
        Files.writeString(file, "version two");
        ArtifactRef second = repo.store(List.of("t"), "m", file);
        assertThat(Files.readString(repo.resolve(second))).isEqualTo("version two");
        try (Stream<Path> files = Files.list(root.resolve("t"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("m");
        }
    }

    @Test
    void namesWithDotDotSeparatorsOrAbsolutePathsCannotEscapeTheRoot() {
        for (String bad : List.of("..", ".", "../x", "../../etc/passwd", "/etc/passwd", "a/b", "a\\b", "", "x\u0000y")) {
            assertInvalid(() -> repo.store(List.of("t"), bad, file));
            assertInvalid(() -> repo.store(List.of(bad), "ok", file));
        }
        assertThat(tmp.resolve("x")).doesNotExist();
        try (Stream<Path> all = Files.walk(tmp)) {
            assertThat(all.filter(Files::isRegularFile)).containsExactly(file);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aSymbolicLinkInsideTheRootCannotLeadOutsideIt() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createSymbolicLink(root.resolve("sneaky"), outside);
        assertInvalid(() -> repo.store(List.of("sneaky"), "model.bin", file));
        try (Stream<Path> files = Files.list(outside)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aReferenceOutsideTheRootCannotBeResolvedOrOpened() {
        ArtifactRef foreign = new ArtifactRef("passwd", URI.create("file:///etc/passwd"), 1, "0".repeat(64));
        assertInvalid(() -> repo.resolve(foreign));
        assertInvalid(() -> repo.open(foreign));
        ArtifactRef climbing = new ArtifactRef("x", root.resolve("t/../../model.bin").toUri(), 1, "0".repeat(64));
        assertInvalid(() -> repo.open(climbing));
    }

    @Test
    void aTrackerDirectoryCopiedElsewhereStillFindsTheArtifactsItsDatabaseNamesByTheOldPath() throws Exception {
        ArtifactRef stored = repo.store(List.of("study-1", "trial-5"), "model.bin", file);
        Path copy = tmp.resolve("copy/artifacts");
        Files.createDirectories(copy.resolve("study-1/trial-5"));
        Files.writeString(copy.resolve("study-1/trial-5/model.bin"), "copied weights");
        LocalArtifactRepository copied = new LocalArtifactRepository(copy);

        assertThat(copied.resolve(stored)).isEqualTo(copy.toRealPath().resolve("study-1/trial-5/model.bin"));
        try (var in = copied.open(stored)) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("copied weights");
        }
    }

    @Test
    void aPathOutsideTheRootThatTheRootDoesNotHoldStaysRefused() {
        ArtifactRef elsewhere = new ArtifactRef("x", tmp.resolve("other/study-1/trial-0/x").toUri(), 1, "0".repeat(64));
        ArtifactRef climbing = new ArtifactRef("x", tmp.resolve("other/study-1/../../../etc/passwd").toUri(), 1, "0".repeat(64));

        assertInvalid(() -> repo.resolve(elsewhere));
        assertInvalid(() -> repo.resolve(climbing));
    }

    @Test
    void aMissingSourceFileIsRejected() {
        assertInvalid(() -> repo.store(List.of("t"), "m", tmp.resolve("absent")));
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
