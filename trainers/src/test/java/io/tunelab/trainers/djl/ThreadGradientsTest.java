package io.tunelab.trainers.djl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThreadGradientsTest {
    /** d/dw sum(w * w * k) = 2 k w, recorded while another thread records too. */
    private static float[] gradientWhileAnotherThreadRecords(float k, CyclicBarrier bothRecording) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            ThreadGradients.setEnabled(false);
            NDArray w = m.create(new float[] {1, 2, 3});
            w.setRequiresGradient(true);
            try (ThreadGradients tape = ThreadGradients.record()) {
                bothRecording.await(10, TimeUnit.SECONDS);
                NDArray loss = w.mul(w).mul(k).sum();
                tape.backward(loss);
            }
            return w.getGradient().toFloatArray();
        }
    }

    @Test
    void twoThreadsRecordAndBackPropagateAtTheSameTime() throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<float[]> a = pool.submit(() -> gradientWhileAnotherThreadRecords(1, barrier));
            Future<float[]> b = pool.submit(() -> gradientWhileAnotherThreadRecords(10, barrier));

            assertThat(a.get(30, TimeUnit.SECONDS)).containsExactly(2, 4, 6);
            assertThat(b.get(30, TimeUnit.SECONDS)).containsExactly(20, 40, 60);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void recordingRestoresTheThreadsPreviousModeAndZeroClearsAGradient() {
        try (NDManager m = NDManager.newBaseManager()) {
            ThreadGradients.setEnabled(false);
            NDArray w = m.create(new float[] {1, 2});
            w.setRequiresGradient(true);
            try (ThreadGradients tape = ThreadGradients.record()) {
                tape.backward(w.mul(3f).sum());
            }
            assertThat(ThreadGradients.setEnabled(false)).as("mode after recording").isFalse();
            assertThat(w.getGradient().toFloatArray()).containsExactly(3, 3);

            ThreadGradients.zero(w);

            assertThat(w.getGradient().toFloatArray()).containsExactly(0, 0);
        }
    }
}
