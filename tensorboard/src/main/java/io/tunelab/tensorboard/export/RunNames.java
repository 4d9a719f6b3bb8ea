package io.tunelab.tensorboard.export;

import io.tunelab.search.trial.TrialState;
import io.tunelab.tensorboard.proto.SessionStatus;

/**
 * How trials appear in a TensorBoard logdir: their run directory's name, their study's folder in a logdir that
 * several studies share, and their HParams session status.
 */
public final class RunNames {
    private RunNames() {
    }

    /** {@code trial-0007}: sorts in trial order in TensorBoard's run list for studies of up to 10,000 trials. */
    public static String of(int trialNumber) {
        return String.format(java.util.Locale.ROOT, "trial-%04d", trialNumber);
    }

    /**
     * The folder a study's live runs go to under a shared logdir: its name, with every character but letters, digits,
     * {@code . _ -} replaced by {@code _} (and {@code .} or {@code ..} by {@code _}), so that it is one path segment
     * and {@code tensorboard --logdir} over the logdir shows each study's runs apart ({@code mlp/trial-0000}).
     */
    public static String studyFolder(String study) {
        String folder = study.replaceAll("[^A-Za-z0-9._-]", "_");
        return folder.equals(".") || folder.equals("..") ? "_" : folder;
    }

    /**
     * The HParams session status of a trial: COMPLETE is a success, FAIL a failure, RUNNING and WAITING are
     * running; PRUNED has no counterpart (stopped on purpose, neither success nor failure) and is UNKNOWN.
     */
    public static SessionStatus status(TrialState state) {
        return switch (state) {
            case COMPLETE -> SessionStatus.STATUS_SUCCESS;
            case FAIL -> SessionStatus.STATUS_FAILURE;
            case RUNNING, WAITING -> SessionStatus.STATUS_RUNNING;
            case PRUNED -> SessionStatus.STATUS_UNKNOWN;
        };
    }

    /**
     * The trial state of an ended HParams session, the inverse of {@link #status}: success is COMPLETE, failure FAIL,
     * running RUNNING, and unknown (how Tunelab records a pruned trial) PRUNED.
     */
    public static TrialState state(SessionStatus status) {
        return switch (status) {
            case STATUS_SUCCESS -> TrialState.COMPLETE;
            case STATUS_FAILURE -> TrialState.FAIL;
            case STATUS_RUNNING -> TrialState.RUNNING;
            default -> TrialState.PRUNED;
        };
    }
}
