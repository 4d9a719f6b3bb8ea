package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.wiring.ForwardingTrainerFactory;
import io.tunelab.cli.wiring.TrainerFactory;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.search.study.Objective;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.spec.StudySpec;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A worker whose study is deleted under a running trial ({@code tunelab delete --force}) says so and stops. */
@Timeout(300)
class WorkerStudyDeletedTest {
    @TempDir
    Path dir;

    /** The default wiring, with trainers that delete the study inside trial 1. */
    private Wiring deletingDuringTrialOne() {
        DefaultWiring real = new DefaultWiring();
        return new Wiring() {
            @Override
            public TrialStorage openStorage(String url) {
                return real.openStorage(url);
            }

            @Override
            public List<TrainerFactory> trainers() {
                return real.trainers().stream().map(t -> (TrainerFactory) new ForwardingTrainerFactory(t) {
                    @Override
                    public Objective create(StudySpec spec) {
                        Objective trained = delegate.create(spec);
                        return trial -> {
                            if (trial.number() == 1) {
                                try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(dir.resolve("tracker")))) {
                                    tracker.deleteStudy("gone");
                                }
                            }
                            return trained.evaluate(trial);
                        };
                    }
                }).toList();
            }
        };
    }

    @Test
    void aWorkerWhoseStudyIsDeletedUnderItsTrialSaysSoInOneLineAndExitsOne() throws Exception {
        Path file = CartStudyFile.named("gone").trials(4).parallel("{workers: 1, devices: cpu}").writeTo(dir);
        String storage = dir.resolve("tracker").toString();
        assertThat(CliRun.of(deletingDuringTrialOne(), "create", file.toString(), "--storage", storage).code()).isZero();

        CliRun worker = CliRun.of(deletingDuringTrialOne(), "worker", "--study", "gone", "--storage", storage);

        assertThat(worker.code()).as(worker.out() + worker.err()).isEqualTo(ExitCodes.RUNTIME_FAILURE);
        assertThat(worker.err().strip()).isEqualTo("worker: study 'gone' was deleted while this worker ran trial 1; stopping");
    }
}
