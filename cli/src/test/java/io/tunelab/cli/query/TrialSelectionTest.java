package io.tunelab.cli.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** What {@code trials --filter --sort} asks the storage to learn a study's field names. */
class TrialSelectionTest {

    @Test
    void theMetricNamesOfAStudyAreReadOnceForTheStudyNotOncePerTrial() {
        InMemoryStorage memory = new InMemoryStorage();
        StudyRecord study = memory.createStudy("s", List.of(Direction.MINIMIZE));
        for (int i = 0; i < 20; i++) {
            long id = memory.createRunningTrial(study.id()).id();
            memory.logMetrics(id, List.of(new MetricPoint("val_accuracy", 0, i / 20.0, Instant.EPOCH)));
            memory.finishTrial(id, TrialState.COMPLETE, List.of(i / 20.0), null);
        }
        Map<String, Integer> calls = new ConcurrentHashMap<>();
        TrialStorage counting = (TrialStorage) Proxy.newProxyInstance(TrialStorage.class.getClassLoader(),
                new Class<?>[] {TrialStorage.class}, (proxy, method, args) -> {
                    calls.merge(method.getName(), 1, Integer::sum);
                    try {
                        return method.invoke(memory, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        List<FrozenTrial> all = memory.trials(study.id(), EnumSet.allOf(TrialState.class));

        List<FrozenTrial> kept = new TrialSelection("metrics.val_accuracy >= 0.9", List.of(), null).apply(counting, study, all,
                note -> { });

        assertThat(kept).extracting(FrozenTrial::number).containsExactly(18, 19);
        assertThat(calls).containsEntry("studyMetricNames", 1).doesNotContainKey("metricNames");
    }
}
