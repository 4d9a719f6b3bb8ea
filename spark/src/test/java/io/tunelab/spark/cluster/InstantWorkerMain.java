package io.tunelab.spark.cluster;

import io.tunelab.cli.TunelabCommand;

/**
 * A {@code tunelab worker} process whose trials take no time ({@link InstantTrainersWiring}): arguments the
 * JDBC URL and the study. Exits with the command's exit code.
 */
public final class InstantWorkerMain {
    private InstantWorkerMain() {
    }

    public static void main(String[] args) {
        TunelabCommand.quietLibraries();
        int code = TunelabCommand.commandLine(new InstantTrainersWiring())
                .execute("worker", "--storage", args[0], "--study", args[1], "--slots", "cpu:0");
        System.out.flush();
        System.exit(code);
    }
}
