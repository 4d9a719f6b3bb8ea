package io.tunelab.trainers.device;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import io.tunelab.trainers.TrainersException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps PyTorch's CPU convolutions off oneDNN when oneDNN would compute them wrongly.
 *
 * <p>Why: with the PyTorch 2.5.1 build DJL 0.32 loads (oneDNN 3.5.3), the backward pass of a convolution
 * with fewer channels than oneDNN's SIMD block (16 floats with AVX-512, 8 with AVX2) reads lanes that are
 * never initialised, so it returns NaN gradients at random and training "diverges" at a random batch,
 * differently from run to run. A small residual CNN, 900 identical backward passes on an AMD EPYC:
 * first block of 4 filters 32 NaN passes with AVX-512 and 1 with oneDNN limited to AVX2; 8 filters 26 and
 * 0; 16 filters 0 and 0. With oneDNN off, PyTorch runs its own convolution kernels: no NaN and every pass
 * bit-identical, but a Fashion-MNIST CNN of 16–64 filters trains about half as fast as with oneDNN.
 *
 * <p>So, by system property {@value #PROPERTY}:
 * <ul>
 *   <li>{@code auto} (default): oneDNN stays on until a network with a convolution of fewer than
 *       {@value #SAFE_CHANNELS} channels is built ({@link #beforeNetwork}); then it is switched off for the
 *       rest of the process (trials run in parallel threads, and PyTorch's switch is process-wide);</li>
 *   <li>{@code off}: switched off when the engine starts;</li>
 *   <li>{@code on}: never switched off (then oneDNN's own {@code ONEDNN_MAX_CPU_ISA} applies).</li>
 * </ul>
 * The switch is PyTorch's {@code at::globalContext().setUserEnabledMkldnn(false)} (what
 * {@code torch.backends.mkldnn.enabled = False} does in Python), read at every convolution; NNPACK, PyTorch's
 * next choice, is switched off with it so that its own im2col kernels run everywhere. GPU training is not
 * affected. Thread-safe.
 */
public final class OneDnn {
    /** System property: {@code auto} (default), {@code on} or {@code off}. */
    public static final String PROPERTY = "tunelab.onednn";
    /** Convolutions with at least this many channels are computed correctly by oneDNN on every instruction set. */
    public static final int SAFE_CHANNELS = 16;
    private static final Logger LOG = LoggerFactory.getLogger(OneDnn.class);
    private static Decision current = new Decision(true, "on: no narrow convolution built yet");

    private OneDnn() {
    }

    /** The user's choice. */
    enum Mode { AUTO, ON, OFF }

    /** Whether PyTorch may use oneDNN for CPU convolutions, and why, for the log and the benchmarks. */
    public record Decision(boolean enabled, String reason) {
    }

    /**
     * The mode a property value (or null) names.
     *
     * @throws TrainersException naming the property and the value when it is none of {@code auto, on, off}
     */
    static Mode mode(String property) {
        if (property == null || property.isBlank()) {
            return Mode.AUTO;
        }
        return switch (property.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> Mode.AUTO;
            case "on", "true" -> Mode.ON;
            case "off", "false" -> Mode.OFF;
            default -> throw new TrainersException("system property " + PROPERTY + " is '" + property
                    + "'; expected 'auto', 'on' or 'off'");
        };
    }

    /** Whether a network whose narrowest convolution has {@code channels} channels needs oneDNN off in {@code mode}. */
    static boolean needsOff(Mode mode, int channels) {
        return mode == Mode.OFF || mode == Mode.AUTO && channels < SAFE_CHANNELS;
    }

    /** The current state. */
    public static synchronized Decision current() {
        return current;
    }

    /** Applies {@code off} mode once the engine has loaded from {@code libraryDirectory}. */
    static synchronized void atStart(String libraryDirectory) {
        if (current.enabled() && mode(System.getProperty(PROPERTY)) == Mode.OFF) {
            current = switchOff(libraryDirectory, PROPERTY + "=off");
        }
    }

    /** Switches oneDNN off, for good, when a network {@code described} with {@code channels} needs it. */
    static synchronized void beforeNetwork(int channels, String described, String libraryDirectory) {
        if (current.enabled() && needsOff(mode(System.getProperty(PROPERTY)), channels)) {
            current = switchOff(libraryDirectory, "a convolution of " + channels + " channels in '" + described + "'");
            LOG.info("oneDNN switched off for CPU convolutions ({}): its gradients are NaN at random below {} channels; "
                    + "later networks in this process use PyTorch's own kernels", current.reason(), SAFE_CHANNELS);
        }
    }

    /** What PyTorch itself reports. */
    static boolean enabledInPyTorch(String libraryDirectory) {
        NativeLibrary torch = torchCpu(libraryDirectory);
        return (torch.getFunction("_ZNK2at7Context17userEnabledMkldnnEv").invokeInt(new Object[] {context(torch)}) & 0xff) != 0;
    }

    private static Decision switchOff(String libraryDirectory, String why) {
        try {
            NativeLibrary torch = torchCpu(libraryDirectory);
            Pointer context = context(torch);
            torch.getFunction("_ZN2at7Context20setUserEnabledMkldnnEb").invokeVoid(new Object[] {context, 0});
            torch.getFunction("_ZN2at7Context20setUserEnabledNNPACKEb").invokeVoid(new Object[] {context, 0});
            return enabledInPyTorch(libraryDirectory) ? failed(why, "PyTorch still reports oneDNN enabled")
                    : new Decision(false, "off: " + why);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return failed(why, e.toString());
        }
    }

    private static Pointer context(NativeLibrary torch) {
        return torch.getFunction("_ZN2at13globalContextEv").invokePointer(new Object[0]);
    }

    private static NativeLibrary torchCpu(String libraryDirectory) {
        Path file = libraryDirectory == null ? null : Path.of(libraryDirectory, "libtorch_cpu.so");
        return NativeLibrary.getInstance(file != null && Files.isRegularFile(file) ? file.toString() : "torch_cpu");
    }

    private static Decision failed(String why, String error) {
        LOG.warn("could not switch oneDNN off for CPU convolutions ({}: {}); training may see NaN gradients at random "
                + "on this machine", why, error);
        return new Decision(true, "on: switching it off failed (" + error + ")");
    }
}
