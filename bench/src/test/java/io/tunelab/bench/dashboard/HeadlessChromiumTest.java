package io.tunelab.bench.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser's temporary profile is deleted even while other processes still write to it: a file vanishing
 * during the walk once failed the dashboard benchmark with a NoSuchFileException after every figure was taken.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class HeadlessChromiumTest {
    @TempDir
    Path tmp;

    @Test
    void aProfileWhoseFilesComeAndGoDuringTheDeletionIsDeletedWithoutAnError() throws Exception {
        Path profile = Files.createDirectories(tmp.resolve("profile/Default"));
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            for (int i = 0; writing.get(); i++) {
                try {
                    Path f = Files.createDirectories(profile).resolve(".state." + i);
                    Files.writeString(f, "x");
                    Files.deleteIfExists(f);
                } catch (Exception e) {
                    // the directory is being deleted under us: create it again, as the browser's helpers would
                }
            }
        });
        writer.start();
        for (int round = 0; round < 20; round++) {
            assertThatCode(() -> HeadlessChromium.deleteTree(tmp.resolve("profile"))).doesNotThrowAnyException();
        }
        writing.set(false);
        writer.join();
        HeadlessChromium.deleteTree(tmp.resolve("profile"));
        assertThat(tmp.resolve("profile")).doesNotExist();
    }
}
