package io.tunelab.cli.query;

import io.tunelab.cli.TunelabCommand;
import io.tunelab.search.storage.TrialStorage;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** The read commands' tests' driver: runs a command line on one storage and keeps what it printed. */
final class Commands {
    private Commands() {
    }

    record Result(int code, String out, String err) {
    }

    /** Runs {@code args} on {@code storage} (closing an in-memory storage keeps its data). */
    static Result run(TrialStorage storage, String... args) {
        CommandLine cmd = TunelabCommand.commandLine(url -> storage);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
