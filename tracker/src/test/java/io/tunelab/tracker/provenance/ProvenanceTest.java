package io.tunelab.tracker.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.TestTrackers;
import io.tunelab.tracker.config.StorageOptions;
import io.tunelab.tracker.setup.Tracker;
import java.nio.file.Path;
import io.tunelab.search.exec.SlotPool;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {
    @TempDir
    Path tmp;

    @Test
    void everyFinishedTrialRecordsSeedSamplerPrunerDatasetRuntimeHostWorkerAndTimes() throws Exception {
        String fingerprint = "sha256:51332a0edd7c6fdf7746eeeaf2d0994a83828a233f29ce63e55d7f0bc1a8ec52";
        try (Tracker tracker = TestTrackers.open(tmp.resolve("t"),
                StorageOptions.defaults().withoutHeartbeat().withWorkerId("worker-7"))) {
            Study study = Study.builder("prov").storage(tracker.storage()).seed(42).sampler(RandomSampler::new).create();
            tracker.storage().setStudySystemAttr(study.studyId(), "dataset_fingerprint", fingerprint);
            study.optimize(trial -> trial.suggestFloat("x", 0, 1), OptimizeOptions.trials(3).withParallelism(1));
            for (FrozenTrial t : study.trials(EnumSet.of(TrialState.COMPLETE))) {
                Provenance p = tracker.provenance().find(t.id()).orElseThrow();
                assertThat(p.seed()).isEqualTo(42L);
                assertThat(p.sampler()).containsEntry("type", "random").containsEntry("seed", 42);
                assertThat(p.pruner()).containsEntry("type", "none");
                assertThat(p.datasetFingerprint()).isEqualTo(fingerprint);
                assertThat(p.runtime().java()).startsWith(System.getProperty("java.version"));
                assertThat(p.runtime().os()).contains(System.getProperty("os.name"));
                assertThat(p.runtime().libraries()).containsKeys("tunelab", "h2", "hikaricp", "flyway", "jackson");
                assertThat(p.runtime().libraries().get("h2")).isEqualTo("2.3.232");
                assertThat(p.host()).isEqualTo(RuntimeInfo.hostName());
                assertThat(p.workerId()).isEqualTo("worker-7");
                assertThat(p.start()).isEqualTo(t.start());
                assertThat(p.end()).isEqualTo(t.end());
            }
        }
    }

    @Test
    void aTrialsSlotGpuAndOutOfMemoryRetryAreRecordedAsItsExecution() throws Exception {
        try (Tracker tracker = TestTrackers.open(tmp.resolve("t"))) {
            Study study = Study.builder("gpu").storage(tracker.storage()).create();
            Map<String, Object> device = Map.of("device", "gpu(1)", "gpu_name", "NVIDIA L4", "gpu_memory_bytes", 24L << 30);
            Map<String, Object> retry = Map.of("batch_size", 256, "retry_batch_size", 128);
            study.optimize(trial -> {
                trial.setUserAttr("device", device);
                trial.setUserAttr("oom_retry", retry);
                return trial.suggestFloat("x", 0, 1);
            }, OptimizeOptions.trials(1).withSlots(SlotPool.parse("gpu:1/1")));

            Provenance p = tracker.provenance().find(study.trials().get(0).id()).orElseThrow();
            assertThat(p.execution()).containsEntry("slot", "gpu:1/1").containsEntry("device", "gpu(1)")
                    .containsEntry("gpu_name", "NVIDIA L4").containsEntry("gpu_memory_bytes", 24L << 30)
                    .containsEntry("oom_retry", retry);
        }
    }

    @Test
    void theDatasetFingerprintATrainerSetsAsAUserAttributeIsTheProvenancesFingerprint() throws Exception {
        String sha = "51332a0edd7c6fdf7746eeeaf2d0994a83828a233f29ce63e55d7f0bc1a8ec52";
        try (Tracker tracker = TestTrackers.open(tmp.resolve("t"))) {
            Study study = Study.builder("fp").storage(tracker.storage()).create();
            study.optimize(trial -> {
                trial.setUserAttr("dataset_fingerprint", Map.of("sha256", sha, "examples", 100, "num_classes", 2));
                return trial.suggestFloat("x", 0, 1);
            }, OptimizeOptions.trials(1).withParallelism(1));

            Provenance p = tracker.provenance().find(study.trials().get(0).id()).orElseThrow();
            assertThat(p.datasetFingerprint()).isEqualTo("sha256:" + sha);
        }
    }

    @Test
    void aSavedProvenanceReplacesTheRecordedOne() throws Exception {
        try (Tracker tracker = TestTrackers.open(tmp.resolve("t"))) {
            FrozenTrial t = io.tunelab.tracker.TestTrackers.completeTrial(tracker.storage(), "s", 1.0);
            Provenance recorded = tracker.provenance().find(t.id()).orElseThrow();
            assertThat(recorded.datasetFingerprint()).isNull();
            tracker.provenance().save(new Provenance(t.id(), 5L, recorded.sampler(), recorded.pruner(), "sha256:abc",
                    recorded.runtime(), recorded.host(), recorded.workerId(), recorded.start(), recorded.end()));
            assertThat(tracker.provenance().find(t.id()).orElseThrow().datasetFingerprint()).isEqualTo("sha256:abc");
            assertThat(tracker.provenance().find(987_654)).isEmpty();
        }
    }
}
