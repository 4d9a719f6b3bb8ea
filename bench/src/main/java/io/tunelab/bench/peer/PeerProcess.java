package io.tunelab.bench.peer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunelab.search.SearchException;
import io.tunelab.search.space.FloatDistribution;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * An optimiser in another process that proposes points by ask/tell over JSON lines (the protocol of
 * {@code bench/optuna_peer.py}): it greets with {@code {"peer": NAME}} (or {@code {"error": MESSAGE}} when it
 * cannot start, reported with that message), then for each run gets
 * {@code start} (dimension, bounds, seed, and the grid {@code step} when the coordinates are stepped) and
 * alternating {@code ask}/{@code tell}. This side evaluates the function, so the peer sees exactly the instance
 * and budget the Tunelab samplers see. One process serves many runs, one after another. Not thread-safe; close it
 * to stop the process.
 */
public final class PeerProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String command;
    private final Process process;
    private final BufferedReader fromPeer;
    private final Writer toPeer;
    private final String name;

    private PeerProcess(String command, Process process) {
        this.command = command;
        this.process = process;
        this.fromPeer = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.toPeer = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        JsonNode hello = read();
        if (hello.hasNonNull("error")) {
            throw fail("could not start: " + hello.get("error").asText());
        }
        if (!hello.hasNonNull("peer")) {
            throw fail("expected a greeting {\"peer\": NAME} first, got " + hello);
        }
        this.name = hello.get("peer").asText();
    }

    /** Starts {@code command} with {@code /bin/sh -c}; its standard error goes to ours. */
    public static PeerProcess start(String command) {
        try {
            Process p = new ProcessBuilder("/bin/sh", "-c", command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return new PeerProcess(command, p);
        } catch (IOException e) {
            throw new SearchException("peer '" + command + "' could not be started: " + e.getMessage(), e);
        }
    }

    /** The name the peer gave itself, e.g. {@code optuna-tpe}; the sampler column of its rows. */
    public String name() {
        return name;
    }

    /**
     * What a peer searches: floats {@code x0, x1, ...}, each within its bounds and, when {@code step} is above 0, on the
     * grid {@code low, low + step, ..., high}.
     *
     * @param low  lower bound per coordinate
     * @param high upper bound per coordinate
     * @param step the grid step of every coordinate, or 0 for continuous floats
     */
    public record Box(double[] low, double[] high, double step) {
        public Box {
            if (low.length == 0 || low.length != high.length) {
                throw new SearchException("a peer's box needs as many upper as lower bounds, at least one, got "
                        + low.length + " and " + high.length);
            }
            if (!(step >= 0)) {
                throw new SearchException("a peer's grid step must be >= 0 (0: continuous), got " + step);
            }
            low = low.clone();
            high = high.clone();
        }

        /** The cube [{@code low}, {@code high}]^{@code dim}. */
        public static Box cube(int dim, double low, double high, double step) {
            double[] lo = new double[dim];
            double[] hi = new double[dim];
            Arrays.fill(lo, low);
            Arrays.fill(hi, high);
            return new Box(lo, hi, step);
        }

        public int dim() {
            return low.length;
        }
    }

    /**
     * The outcome of one run: after each trial, the best value so far and the milliseconds the peer has spent proposing
     * and learning so far (its own measure, without the function's evaluations).
     *
     * @param bestAfter best value over trials 0..k, at index k
     * @param msAfter   the peer's milliseconds over trials 0..k, at index k
     */
    public record Run(double[] bestAfter, double[] msAfter) {
        /** The best value of the run. */
        public double bestValue() {
            return bestAfter[bestAfter.length - 1];
        }

        /** The peer's milliseconds per trial over the run. */
        public double msPerTrial() {
            return msAfter[msAfter.length - 1] / msAfter.length;
        }
    }

    /**
     * Runs {@code trials} ask/evaluate/tell rounds of the peer, seeded with {@code seed}, on {@code function} over {@code
     * box}: the start message carries the bounds (and {@code "step"} for a grid), and a proposal outside the box or off
     * its grid fails the run, so both sides search the same space.
     */
    public Run run(Box box, ToDoubleFunction<double[]> function, long seed, int trials) {
        if (trials < 1) {
            throw new SearchException("a peer run needs at least one trial, got " + trials);
        }
        ObjectNode start = JSON.createObjectNode().put("op", "start").put("dim", box.dim()).put("seed", seed);
        fill(start.putArray("low"), box.low());
        fill(start.putArray("high"), box.high());
        if (box.step() > 0) {
            start.put("step", box.step());
        }
        call(start);
        double best = Double.POSITIVE_INFINITY;
        double seconds = 0;
        double[] bestAfter = new double[trials];
        double[] msAfter = new double[trials];
        for (int t = 0; t < trials; t++) {
            JsonNode asked = call(JSON.createObjectNode().put("op", "ask"));
            double[] x = proposal(asked, box);
            double value = function.applyAsDouble(x);
            best = Math.min(best, value);
            JsonNode told = call(JSON.createObjectNode().put("op", "tell").put("trial", asked.path("trial").asInt(t))
                    .put("value", value));
            seconds += asked.path("seconds").asDouble() + told.path("seconds").asDouble();
            bestAfter[t] = best;
            msAfter[t] = seconds * 1000;
        }
        return new Run(bestAfter, msAfter);
    }

    private double[] proposal(JsonNode asked, Box box) {
        JsonNode xs = asked.get("x");
        if (xs == null || !xs.isArray() || xs.size() != box.dim()) {
            throw fail("expected {\"x\": [" + box.dim() + " numbers]} in reply to ask, got " + asked);
        }
        double[] x = new double[xs.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = xs.get(i).asDouble();
            if (!(x[i] >= box.low()[i] && x[i] <= box.high()[i])) {
                throw fail("proposed x" + i + " = " + x[i] + ", outside [" + box.low()[i] + ", " + box.high()[i] + "]");
            }
            if (box.step() > 0) {
                FloatDistribution grid = FloatDistribution.stepped(box.low()[i], box.high()[i], box.step());
                if (Math.abs(grid.snap(x[i]) - x[i]) > 1e-9) {
                    throw fail("proposed x" + i + " = " + x[i] + ", off the grid of step " + box.step()
                            + " it was started with (does it read \"step\" in the start message?)");
                }
            }
        }
        return x;
    }

    private static void fill(ArrayNode array, double[] values) {
        for (double v : values) {
            array.add(v);
        }
    }

    private JsonNode call(ObjectNode request) {
        try {
            toPeer.write(JSON.writeValueAsString(request));
            toPeer.write('\n');
            toPeer.flush();
        } catch (IOException e) {
            throw fail("could not send " + request.get("op").asText() + ": " + e.getMessage());
        }
        JsonNode reply = read();
        if (reply.hasNonNull("error")) {
            throw fail("answered " + request.get("op").asText() + " with error: " + reply.get("error").asText());
        }
        return reply;
    }

    private JsonNode read() {
        String line;
        try {
            line = fromPeer.readLine();
        } catch (IOException e) {
            throw fail("could not be read: " + e.getMessage());
        }
        if (line == null) {
            throw fail("closed its output (exited?) instead of answering");
        }
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw fail("sent a line that is not JSON: " + line);
        }
    }

    private SearchException fail(String what) {
        return new SearchException("peer '" + command + "' " + what);
    }

    /** Asks the peer to stop, waits up to 5 s, then ends the process. */
    @Override
    public void close() {
        try {
            toPeer.write("{\"op\":\"stop\"}\n");
            toPeer.flush();
            toPeer.close();
        } catch (IOException e) {
            // the peer is already gone; nothing to stop
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
