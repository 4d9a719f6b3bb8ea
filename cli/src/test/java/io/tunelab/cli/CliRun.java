package io.tunelab.cli;

import io.tunelab.cli.wiring.TrainerFactory;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.trainers.device.DeviceInventory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/** One {@code tunelab} command run in-process: its exit code and what it printed. */
record CliRun(int code, String out, String err) {

    static CliRun of(Wiring wiring, String... args) {
        CommandLine cmd = TunelabCommand.commandLineFor(wiring, args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** A wiring with this storage for every URL and these trainers, on the default devices. */
    static Wiring wiring(TrialStorage storage, List<TrainerFactory> trainers) {
        return wiring(null, storage, trainers.toArray(TrainerFactory[]::new));
    }

    /** A wiring with these devices (the default ones when null), this storage for every URL and these trainers. */
    static Wiring wiring(DeviceInventory devices, TrialStorage storage, TrainerFactory... trainers) {
        return new Wiring() {
            @Override
            public TrialStorage openStorage(String url) {
                return storage;
            }

            @Override
            public List<TrainerFactory> trainers() {
                return List.of(trainers);
            }

            @Override
            public DeviceInventory devices() {
                return devices == null ? Wiring.super.devices() : devices;
            }
        };
    }
}
