package io.tunelab.tensorboard.imports;

import io.tunelab.tensorboard.TensorBoardException;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;

/** No run of a logdir has the scalar tag an import was to take as the objective value: most likely a typo. */
public final class UnknownMetricException extends TensorBoardException {
    private final String metric;
    private final transient List<String> scalarTags;

    UnknownMetricException(String metric, Path logdir, SortedSet<String> scalarTags) {
        super("--metric '" + metric + "': no run of logdir " + logdir + " has this scalar tag, so nothing was imported; "
                + (scalarTags.isEmpty() ? "the logdir holds no scalars" : "its scalar tags are " + String.join(", ", scalarTags)));
        this.metric = metric;
        this.scalarTags = List.copyOf(scalarTags);
    }

    /** The tag no run has: the one given, or the default the logdir's layout chose. */
    public String metric() {
        return metric;
    }

    /** The scalar tags the logdir does hold, sorted. */
    public List<String> scalarTags() {
        return scalarTags;
    }
}
