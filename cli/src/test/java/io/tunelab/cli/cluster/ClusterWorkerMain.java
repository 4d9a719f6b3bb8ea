package io.tunelab.cli.cluster;

import io.tunelab.cli.TunelabCommand;
import java.nio.file.Path;

/**
 * A worker process: {@code tunelab worker --storage URL --study NAME --slots cpu:0} with the
 * {@link ClusterWiring}. Arguments: the JDBC URL, the study, the artifact directory, the worker id and
 * the milliseconds between logged steps. Exits with the command's exit code.
 */
public final class ClusterWorkerMain {
    private ClusterWorkerMain() {
    }

    public static void main(String[] args) {
        ClusterWiring wiring = new ClusterWiring(Path.of(args[2]), args[3], Long.parseLong(args[4]));
        int code = TunelabCommand.commandLine(wiring)
                .execute("worker", "--storage", args[0], "--study", args[1], "--slots", "cpu:0");
        System.out.flush();
        System.exit(code);
    }
}
