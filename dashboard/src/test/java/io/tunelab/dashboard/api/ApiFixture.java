package io.tunelab.dashboard.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.tunelab.dashboard.SampleStudies;
import io.tunelab.dashboard.data.StorageDashboardData;
import io.tunelab.dashboard.server.DashboardServer;
import io.tunelab.search.storage.InMemoryStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import okhttp3.Response;

/** Runs API tests against a dashboard over the sample studies, with Javalin's test client. */
final class ApiFixture {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static InMemoryStorage shared;

    private ApiFixture() {
    }

    /** The sample studies, created once per test JVM (they are only read). */
    static synchronized InMemoryStorage storage(Path dir) {
        if (shared == null) {
            shared = SampleStudies.create(dir);
        }
        return shared;
    }

    interface ApiTest {
        void run(HttpClient client) throws Exception;
    }

    static void withServer(InMemoryStorage storage, ApiTest test) {
        withServer(new StorageDashboardData(storage, 0), test);
    }

    static void withServer(io.tunelab.dashboard.data.DashboardData data, ApiTest test) {
        DashboardServer server = new DashboardServer(data, 0);
        try {
            JavalinTest.test(server.app(), (s, client) -> test.run(client));
        } finally {
            server.stop();
        }
    }

    /** The JSON body of a response, after checking its status. */
    static JsonNode json(Response response, int status) {
        try (response) {
            String body = response.body() == null ? "" : response.body().string();
            if (response.code() != status) {
                throw new AssertionError("expected status " + status + " but got " + response.code() + ": " + body);
            }
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks the call answered 200, whatever its body (JSON or binary). */
    static void ok(Response response) {
        try (response) {
            byte[] body = response.body() == null ? new byte[0] : response.body().bytes();
            if (response.code() != 200) {
                throw new AssertionError("expected status 200 but got " + response.code() + ": "
                        + new String(body, java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Response response) {
        try (response) {
            return response.body() == null ? "" : response.body().string();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long studyId(HttpClient client, String name) {
        for (JsonNode s : json(client.get("/api/studies"), 200).get("studies")) {
            if (s.get("name").asText().equals(name)) {
                return s.get("id").asLong();
            }
        }
        throw new AssertionError("no study " + name);
    }
}
