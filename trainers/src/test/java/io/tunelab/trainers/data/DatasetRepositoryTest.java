package io.tunelab.trainers.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.tunelab.trainers.TrainersException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class DatasetRepositoryTest {
    @TempDir
    Path tmp;

    private DatasetRepository.Builder isolated() {
        return DatasetRepository.builder().userRoot(tmp.resolve("user")).systemRoot(tmp.resolve("system"));
    }

    @Test
    void searchesTheConfiguredDirectoryThenTheUserRootThenTheSystemRoot() throws Exception {
        IdxDatasetSpec spec = IdxFiles.tinySpec(URI.create("file:///nowhere/"));
        IdxFiles.writeTiny(tmp.resolve("system/tiny"));
        IdxFiles.writeTiny(tmp.resolve("user/tiny"));
        IdxFiles.writeTiny(tmp.resolve("mine"));

        assertThat(isolated().build().find(spec)).contains(tmp.resolve("user/tiny"));
        assertThat(isolated().dataDir(tmp.resolve("mine")).build().find(spec)).contains(tmp.resolve("mine"));
        assertThat(isolated().userRoot(tmp.resolve("empty")).build().find(spec)).contains(tmp.resolve("system/tiny"));
    }

    @Test
    void loadsSplitsWithTheFirstExamplesForValidation() throws Exception {
        IdxFiles.writeTiny(tmp.resolve("system/tiny"));

        DatasetSplits splits = isolated().build().load(IdxFiles.tinySpec(URI.create("file:///nowhere/")));

        assertThat(splits.valid().size()).isEqualTo(2);
        assertThat(splits.train().size()).isEqualTo(8);
        assertThat(splits.test().size()).isEqualTo(4);
        assertThat(splits.valid().labels()).containsExactly(0, 1);
        assertThat(splits.train().label(0)).isEqualTo(2);
        assertThat(splits.train().exampleShape()).containsExactly(2, 2);
        assertThat(splits.train().features()[0]).isEqualTo((2 * 4 * 7 & 0xFF) / 255f);
    }

    @Test
    void rejectsALocalCopyWhoseContentDoesNotMatchItsChecksum() throws Exception {
        Path dir = IdxFiles.writeTiny(tmp.resolve("system/tiny"));
        IdxFiles.write(dir.resolve("test-labels.gz"), IdxFiles.labels(5).clone(), true);
        IdxFiles.write(dir.resolve("test-images.gz"), IdxFiles.images(5), true);

        assertThatThrownBy(() -> isolated().build().load(IdxFiles.tinySpec(URI.create("file:///nowhere/"))))
                .isInstanceOf(TrainersException.class)
                .hasMessageContaining("test-images.gz has content SHA-256").hasMessageContaining("corrupt");
    }

    @Test
    void downloadsMissingFilesIntoTheUserRootAfterVerifyingThem() throws Exception {
        Path mirror = IdxFiles.writeTiny(tmp.resolve("mirror"));
        IdxDatasetSpec spec = IdxFiles.tinySpec(mirror.toUri());

        DatasetSplits splits = isolated().build().load(spec);

        assertThat(splits.train().size()).isEqualTo(8);
        try (var files = Files.list(tmp.resolve("user/tiny"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("train-images.gz", "train-labels.gz", "test-images.gz", "test-labels.gz");
        }
    }

    @Test
    void discardsADownloadWithABadChecksumAndExplainsWhatToDo() throws Exception {
        Path mirror = IdxFiles.writeTiny(tmp.resolve("mirror"));
        IdxFiles.write(mirror.resolve("train-labels.gz"), IdxFiles.ubyte(new int[] {10}, new byte[10]), true);
        IdxDatasetSpec spec = IdxFiles.tinySpec(URI.create("http://unused.invalid/"));

        assertThatThrownBy(() -> isolated().source(mirror.toUri()).build().load(spec))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining("Dataset 'tiny' is not available")
                .hasMessageContaining("train-labels.gz has content SHA-256")
                .hasMessageContaining("expected " + spec.trainLabels().contentSha256())
                .hasMessageContaining("-D" + DatasetRepository.DATA_DIR_PROPERTY);
        assertThat(tmp.resolve("user/tiny/train-labels.gz")).doesNotExist();
        assertThat(tmp.resolve("user/tiny/train-labels.gz.part")).doesNotExist();
    }

    @Test
    void saysSoWhenDownloadsAreSwitchedOff() throws Exception {
        IdxDatasetSpec spec = IdxFiles.tinySpec(URI.create("http://127.0.0.1:9/"));

        assertThatThrownBy(() -> isolated().download(false).build().locate(spec))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining(tmp.resolve("user/tiny").toString())
                .hasMessageContaining(tmp.resolve("system/tiny").toString())
                .hasMessageContaining("downloading is switched off");
    }

    @Test
    void reportsAnUnreachableSourceAsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        IdxDatasetSpec spec = IdxFiles.tinySpec(URI.create("http://127.0.0.1:" + closedPort + "/"));
        DatasetRepository repo = isolated().fetcher(new HttpFetcher(Duration.ofSeconds(2), Duration.ofSeconds(5))).build();

        assertThatThrownBy(() -> repo.locate(spec)).isInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining("downloading them from http://127.0.0.1:" + closedPort + "/ failed");
    }

    @Test
    void downloadsOverHttpFromALoopbackServer() throws Exception {
        Path mirror = IdxFiles.writeTiny(tmp.resolve("mirror"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/data/", exchange -> {
            requests.incrementAndGet();
            Path file = mirror.resolve(exchange.getRequestURI().getPath().substring("/data/".length()));
            sendFile(exchange, file);
        });
        server.start();
        try {
            URI source = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/data/");
            DatasetRepository repo = isolated().fetcher(new HttpFetcher(Duration.ofSeconds(2), Duration.ofSeconds(5))).build();

            DatasetSplits splits = repo.load(IdxFiles.tinySpec(source));

            assertThat(splits.test().size()).isEqualTo(4);
            assertThat(requests).hasValue(4);
        } finally {
            server.stop(0);
        }
    }

    private static void sendFile(com.sun.net.httpserver.HttpExchange exchange, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
        } else {
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }
}
