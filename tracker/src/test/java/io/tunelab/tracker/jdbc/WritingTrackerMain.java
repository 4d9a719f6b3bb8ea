package io.tunelab.tracker.jdbc;

import io.tunelab.search.trial.Direction;
import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A process that opens the embedded database in {@code args[0]} (holding it, or joining the process that does) and
 * writes to it without pause, as a running study does: it prints {@code open}, then creates studies {@code args[1]-1},
 * {@code args[1]-2}, … printing {@code wrote NAME} once each is written, or {@code error MESSAGE} when a write fails
 * (and writes no more). To the line {@code who} on its standard input it answers {@code holding} when the share file
 * names a server of this process, {@code joined} otherwise. When its standard input ends it stops writing, closes the
 * database and prints {@code closed}.
 */
public final class WritingTrackerMain {
    private static volatile boolean ending;

    private WritingTrackerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Tracker tracker = Tracker.open(TrackerConfig.inDirectory(dir));
        say("open");
        Thread writer = new Thread(() -> write(tracker, args[1]), "writer");
        writer.start();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.equals("who")) {
                say(servesShare(dir) ? "holding" : "joined");
            }
        }
        ending = true;
        writer.join();
        tracker.close();
        say("closed");
    }

    private static void write(Tracker tracker, String prefix) {
        for (int n = 1; !ending; n++) {
            String name = prefix + "-" + n;
            try {
                tracker.storage().createStudy(name, List.of(Direction.MAXIMIZE));
            } catch (RuntimeException e) {
                say("error " + name + ": " + e.getMessage());
                return;
            }
            say("wrote " + name);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Whether a thread of this process serves the port the share file names (H2 names its server threads by URL). */
    private static boolean servesShare(Path dir) {
        Optional<String> url = LocalShare.find(DatabaseSettings.embedded(dir)).map(DatabaseSettings::jdbcUrl);
        if (url.isEmpty()) {
            return false;
        }
        String address = url.get().substring("jdbc:h2:tcp://".length(), url.get().lastIndexOf('/'));
        String port = address.substring(address.lastIndexOf(':'));
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().contains(port + ")"));
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
