package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.wiring.Wiring;
import io.tunelab.spec.StudySpec;
import io.tunelab.cli.wiring.ForwardingTrainerFactory;
import io.tunelab.cli.wiring.TrainerFactory;
import io.tunelab.cli.wiring.TribuoTrainers;
import io.tunelab.dashboard.server.DashboardServer;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.Objective;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.registry.ModelVersion;
import io.tunelab.tracker.setup.Tracker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard started by the CLI promotes through the trainer's model artifact, with or without a gate. */
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class DashboardPromoteTest {

    /** Tribuo's trainer, with a notes file stored before the model, as trainers that save several files do. */
    static final class NotesFirst extends ForwardingTrainerFactory {
        static final String NOTES = "a-notes.txt";
        private final Path dir;

        NotesFirst(Path dir) {
            super(new TribuoTrainers());
            this.dir = dir;
        }

        @Override
        public Objective create(StudySpec spec) {
            Objective trained = delegate.create(spec);
            return trial -> {
                Path notes = Files.writeString(Files.createTempFile(dir, "notes", ".txt"), "trial " + trial.number());
                trial.logArtifact(NOTES, notes);
                return trained.evaluate(trial);
            };
        }
    }

    @Test
    void aTrialWithSeveralArtifactsIsRegisteredWithTheTrainersModel(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, """
                study: several
                direction: maximize
                metric: accuracy
                sampler: {type: random, seed: 3}
                budget: {trials: 2}
                trainer: tribuo-cart
                data: {dataset: synthetic-classification, samples: 300, classes: 3, seed: 5}
                space:
                  max_depth: {int: [1, 6]}
                """);
        DefaultWiring real = new DefaultWiring();
        List<TrainerFactory> trainers = List.of(new NotesFirst(Files.createDirectories(dir.resolve("notes"))));
        Wiring wiring = new Wiring() {
            @Override
            public TrialStorage openStorage(String url) {
                return real.openStorage(url);
            }

            @Override
            public Tracker openTracker(String url) {
                return real.openTracker(url);
            }

            @Override
            public List<TrainerFactory> trainers() {
                return trainers;
            }
        };
        Path storage = dir.resolve("tracker");
        assertThat(TunelabCommand.commandLine(wiring).execute("run", file.toString(), "--storage", storage.toString())).isZero();

        try (Tracker tracker = wiring.openTracker(storage.toString())) {
            long study = tracker.storage().findStudy("several").orElseThrow().id();
            FrozenTrial trial = tracker.storage().trials(study, EnumSet.of(TrialState.COMPLETE)).get(0);
            assertThat(tracker.storage().artifacts(trial.id())).extracting(ArtifactRef::name)
                    .startsWith(NotesFirst.NOTES).contains(trainers.get(0).modelArtifact());

            DashboardServer server = DashboardCommand.start(tracker, trainers, null, 0.95, "127.0.0.1", 0, null);
            try {
                HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(server.url() + "api/models/cart/promote"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"alias\": \"production\", \"trialId\": " + trial.id() + "}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                assertThat(answer.body()).contains("\"gate\":null");
            } finally {
                server.stop();
            }
            ModelVersion version = tracker.registry().resolve("cart", "production").orElseThrow();
            assertThat(version.source().artifact().name()).isEqualTo(trainers.get(0).modelArtifact());
        }
    }
}
