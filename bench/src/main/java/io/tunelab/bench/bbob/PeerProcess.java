package io.tunelab.bench.bbob;

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
     * The outcome of one run.
     *
     * @param bestValue  best function value found
     * @param msPerTrial milliseconds per trial the peer spent proposing and learning (its own measure)
     */
    public record Run(double bestValue, double msPerTrial) {
    }

    /** Runs {@code trials} ask/evaluate/tell rounds of the peer, seeded with {@code seed}, on {@code function}. */
    public Run run(BbobFunction function, long seed, int trials) {
        return run(function, seed, trials, 0);
    }

    /**
     * Runs {@code trials} rounds on {@code function} with every coordinate on the grid of {@code step} (0: continuous):
     * the start message carries {@code "step"}, and a proposal off the grid fails the run, so both sides search the
     * same space.
     */
    public Run run(BbobFunction function, long seed, int trials, double step) {
        double[] low = new double[function.dim()];
        double[] high = new double[function.dim()];
        Arrays.fill(low, BbobFunction.LOWER);
        Arrays.fill(high, BbobFunction.UPPER);
        ObjectNode start = JSON.createObjectNode().put("op", "start").put("dim", function.dim()).put("seed", seed);
        fill(start.putArray("low"), low);
        fill(start.putArray("high"), high);
        if (step > 0) {
            start.put("step", step);
        }
        call(start);
        FloatDistribution grid = step > 0 ? FloatDistribution.stepped(BbobFunction.LOWER, BbobFunction.UPPER, step) : null;
        double best = Double.POSITIVE_INFINITY;
        double seconds = 0;
        for (int t = 0; t < trials; t++) {
            JsonNode asked = call(JSON.createObjectNode().put("op", "ask"));
            JsonNode xs = asked.get("x");
            if (xs == null || !xs.isArray() || xs.size() != function.dim()) {
                throw fail("expected {\"x\": [" + function.dim() + " numbers]} in reply to ask, got " + asked);
            }
            double[] x = new double[xs.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = xs.get(i).asDouble();
                if (grid != null && Math.abs(grid.snap(x[i]) - x[i]) > 1e-9) {
                    throw fail("proposed x" + i + " = " + x[i] + ", off the grid of step " + step
                            + " it was started with (does it read \"step\" in the start message?)");
                }
            }
            double value = function.value(x);
            best = Math.min(best, value);
            JsonNode told = call(JSON.createObjectNode().put("op", "tell").put("trial", asked.path("trial").asInt(t))
                    .put("value", value));
            seconds += asked.path("seconds").asDouble() + told.path("seconds").asDouble();
        }
        return new Run(best, seconds * 1000 / trials);
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
