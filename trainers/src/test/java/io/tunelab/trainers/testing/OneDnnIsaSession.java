package io.tunelab.trainers.testing;

import io.tunelab.trainers.device.OneDnnIsa;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Chooses oneDNN's instruction set when a test run starts, as the trainers do before their first model:
 * some tests drive DJL directly ({@code NDManager.newBaseManager()}), and whichever convolution runs first
 * in the JVM fixes oneDNN's choice for the rest of it.
 */
public final class OneDnnIsaSession implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        OneDnnIsa.limit();
    }
}
