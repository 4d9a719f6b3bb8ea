package io.tunelab.cli.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric points the database acknowledged to the workers: the tracker's metric writer logs, at debug
 * level, {@code committed trial <id> points [name@step, ...]} once a batch's transaction committed. A line
 * cut short by a {@code kill -9} lacks its closing bracket and acknowledges nothing. Thread-safe.
 */
final class AcknowledgedPoints {
    /** The logger to set to debug in a worker for the lines read here. */
    static final String LOGGER = "io.tunelab.tracker.jdbc.MetricWriter";
    private static final Pattern LINE = Pattern.compile("committed trial (\\d+) points \\[(.*)]$");

    /** One acknowledged point: the trial's database id, the series and the step. */
    record Point(long trialId, String series, long step) {
    }

    private final Set<Point> points = ConcurrentHashMap.newKeySet();

    /** Records the points a worker's output line acknowledges, if it is such a line. */
    void read(String line) {
        points.addAll(parse(line));
    }

    Set<Point> points() {
        return Set.copyOf(points);
    }

    static List<Point> parse(String line) {
        Matcher m = LINE.matcher(line);
        List<Point> out = new ArrayList<>();
        if (!m.find()) {
            return out;
        }
        long trial = Long.parseLong(m.group(1));
        for (String item : m.group(2).split(", ")) {
            int at = item.lastIndexOf('@');
            out.add(new Point(trial, item.substring(0, at), Long.parseLong(item.substring(at + 1))));
        }
        return out;
    }
}
