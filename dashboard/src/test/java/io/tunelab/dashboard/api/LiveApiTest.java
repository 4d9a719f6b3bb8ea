package io.tunelab.dashboard.api;

import static io.tunelab.dashboard.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunelab.dashboard.data.StorageDashboardData;
import io.tunelab.dashboard.server.DashboardServer;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Trial;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class LiveApiTest {

    @Test
    void changesSinceACursorHoldOnlyNewAndChangedTrialsAndGrownSeries() {
        InMemoryStorage storage = new InMemoryStorage();
        Study study = Study.builder("live").storage(storage).seed(1).create();
        study.tell(study.ask(), 1.0);
        Trial running = study.ask();
        ApiFixture.withServer(storage, client -> {
            JsonNode page = json(client.get("/api/studies/" + study.studyId() + "/trials"), 200);
            long cursor = page.get("cursor").asLong();
            assertThat(json(client.get("/api/studies/" + study.studyId() + "/changes?since=" + cursor), 200)
                    .get("trials")).isEmpty();

            running.log("loss", 0, 0.5);
            study.tell(study.ask(), 2.0);
            JsonNode changes = json(client.get("/api/studies/" + study.studyId() + "/changes?since=" + cursor), 200);
            assertThat(changes.get("trials")).extracting(n -> n.get("number").asInt()).containsExactly(2);
            assertThat(changes.get("metrics")).extracting(n -> n.get("name").asText()).containsExactly("loss");
            assertThat(changes.get("cursor").asLong()).isGreaterThan(cursor);

            study.tell(running, 0.25);
            JsonNode later = json(client.get("/api/studies/" + study.studyId() + "/changes?since=" + changes.get("cursor").asLong()), 200);
            assertThat(later.get("trials")).extracting(n -> n.get("state").asText()).containsExactly("COMPLETE");
            assertThat(json(client.get("/api/studies/" + study.studyId() + "/changes?since=999999"), 200)
                    .get("reset").asBoolean()).isTrue();
        });
    }

    @Test
    void aStudyUserAttributeSetAfterTheCursorIsAChangeOfTheStudy() {
        InMemoryStorage storage = new InMemoryStorage();
        Study study = Study.builder("attrs").storage(storage).seed(1).create();
        study.tell(study.ask(), 1.0);
        ApiFixture.withServer(storage, client -> {
            String changes = "/api/studies/" + study.studyId() + "/changes?since=";
            long cursor = json(client.get(changes + 0), 200).get("cursor").asLong();
            assertThat(json(client.get(changes + cursor), 200).get("study").asBoolean()).isFalse();

            study.setUserAttr("owner", "ana");
            JsonNode later = json(client.get(changes + cursor), 200);
            assertThat(later.get("study").asBoolean()).as("the study's user attributes changed").isTrue();
            assertThat(later.get("trials")).isEmpty();
            assertThat(json(client.get(changes + later.get("cursor").asLong()), 200).get("study").asBoolean()).isFalse();
        });
    }

    @Test
    void aKeptPageOfFinishedTrialsStillSaysWhetherMoreFollowAndPagesWithRunningTrialsAreReadAgain() {
        InMemoryStorage storage = new InMemoryStorage();
        Study study = Study.builder("pages").storage(storage).seed(1).create();
        for (int i = 0; i < 3; i++) {
            study.tell(study.ask(), i);
        }
        ApiFixture.withServer(storage, client -> {
            String first = "/api/studies/" + study.studyId() + "/trials?after=-1&limit=3";
            assertThat(json(client.get(first), 200).get("hasMore").asBoolean()).isFalse();
            Trial running = study.ask();
            JsonNode again = json(client.get(first), 200);
            assertThat(again.get("hasMore").asBoolean()).isTrue();
            assertThat(again.get("trials")).extracting(n -> n.get("number").asInt()).containsExactly(0, 1, 2);

            String wider = "/api/studies/" + study.studyId() + "/trials?after=-1&limit=4";
            assertThat(json(client.get(wider), 200).get("trials").get(3).get("state").asText()).isEqualTo("RUNNING");
            study.tell(running, 9.0);
            assertThat(json(client.get(wider), 200).get("trials").get(3).get("state").asText()).isEqualTo("COMPLETE");
        });
    }

    @Test
    void serverSentEventsAnnounceANewTrial() throws Exception {
        InMemoryStorage storage = new InMemoryStorage();
        Study study = Study.builder("sse").storage(storage).seed(1).create();
        DashboardServer server = new DashboardServer(new StorageDashboardData(storage, 0), 0).start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/api/events?study=" + study.studyId())).header("Accept", "text/event-stream")
                    .timeout(Duration.ofSeconds(20)).build();
            HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                assertThat(lines.readLine()).isEqualTo("event: hello");
                study.tell(study.ask(), 3.0);
                CompletableFuture<String> changes = CompletableFuture.supplyAsync(() -> {
                    try {
                        String line;
                        while ((line = lines.readLine()) != null) {
                            if (line.equals("event: changes")) {
                                return lines.readLine();
                            }
                        }
                        return null;
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                String data = changes.get(15, TimeUnit.SECONDS);
                assertThat(data).startsWith("data: ").contains("\"trials\":[0]");
            }
        } finally {
            server.stop();
        }
    }
}
