package io.tunelab.bench.peer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunelab.search.SearchException;
import io.tunelab.search.space.DistributionJson;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.trial.Trial;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;

/**
 * An optimiser in another process that proposes points by ask/tell over JSON lines (the protocol of
 * {@code bench/optuna_peer.py}): it greets with {@code {"peer": NAME}} (or {@code {"error": MESSAGE}} when it
 * cannot start, reported with that message), then for each run gets
 * {@code start} (dimension, bounds, seed, and the grid {@code step} when the coordinates are stepped) and
 * alternating {@code ask}/{@code tell}; or, for an objective that suggests its own parameters (define-by-run),
 * {@code start} with {@code "define_by_run": true} and, between each {@code ask} and {@code tell}, one {@code suggest}
 * per parameter ({@link PeerTrial}). This side evaluates the function, so the peer sees exactly the instance
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

    /**
     * Starts one process per command, in order; when one cannot start, stops those already started and rethrows, so
     * the caller owns either all of them or none.
     */
    public static List<PeerProcess> startAll(List<String> commands) {
        List<PeerProcess> started = new ArrayList<>();
        try {
            for (String command : commands) {
                started.add(start(command));
            }
        } catch (RuntimeException e) {
            started.forEach(PeerProcess::close);
            throw e;
        }
        return started;
    }

    /** The name the peer gave itself, e.g. {@code optuna-tpe}; the sampler column of its rows. */
    public String name() {
        return name;
    }

    /**
     * Runs {@code trials} ask/evaluate/tell rounds of the peer, seeded with {@code seed}, on {@code function} over {@code
     * box}: the start message carries the bounds (and {@code "step"} for a grid), and a proposal outside the box or off
     * its grid fails the run, so both sides search the same space.
     */
    public PeerRun run(PeerBox box, ToDoubleFunction<double[]> function, long seed, int trials) {
        checkTrials(trials);
        ObjectNode start = JSON.createObjectNode().put("op", "start").put("dim", box.dim()).put("seed", seed);
        fill(start.putArray("low"), box.low());
        fill(start.putArray("high"), box.high());
        if (box.step() > 0) {
            start.put("step", box.step());
        }
        call(start);
        return play(trials, t -> {
            JsonNode asked = call(JSON.createObjectNode().put("op", "ask"));
            double value = function.applyAsDouble(proposal(asked, box));
            JsonNode told = call(JSON.createObjectNode().put("op", "tell").put("trial", asked.path("trial").asInt(t))
                    .put("value", value));
            return new Round(new double[] {value}, asked.path("seconds").asDouble() + told.path("seconds").asDouble());
        });
    }

    /**
     * Runs {@code trials} rounds of the peer, seeded with {@code seed}, on a define-by-run {@code objective}: the start
     * message carries {@code "define_by_run": true}, and each parameter the objective suggests is asked of the peer in
     * a {@code suggest} message (see {@link PeerTrial}), so the peer searches ints, log scales and categoricals as the
     * objective declares them.
     */
    public PeerRun run(ToDoubleFunction<Trial> objective, long seed, int trials) {
        return runObjectives(t -> new double[] {objective.applyAsDouble(t)}, 1, seed, trials);
    }

    /**
     * As {@link #run(ToDoubleFunction, long, int)} with {@code objectives} objectives, all minimised: with several, the
     * start message carries {@code "objectives"} and each tell the trial's {@code "values"}.
     */
    public PeerRun runObjectives(Function<Trial, double[]> objective, int objectives, long seed, int trials) {
        checkTrials(trials);
        ObjectNode start = JSON.createObjectNode().put("op", "start").put("define_by_run", true).put("seed", seed);
        if (objectives > 1) {
            start.put("objectives", objectives);
        }
        call(start);
        return play(trials, t -> {
            JsonNode asked = call(JSON.createObjectNode().put("op", "ask"));
            int number = asked.path("trial").asInt(t);
            PeerTrial trial = new PeerTrial(number, (name, distribution) -> {
                ObjectNode request = JSON.createObjectNode().put("op", "suggest").put("trial", number).put("name", name);
                request.set("distribution", parse(DistributionJson.toJson(distribution)));
                return call(request);
            });
            double[] values = objective.apply(trial);
            ObjectNode tell = JSON.createObjectNode().put("op", "tell").put("trial", number);
            if (objectives > 1) {
                fill(tell.putArray("values"), values);
            } else {
                tell.put("value", values[0]);
            }
            JsonNode told = call(tell);
            return new Round(values, asked.path("seconds").asDouble() + trial.seconds() + told.path("seconds").asDouble());
        });
    }

    /** One ask/evaluate/tell round: the values the objective returned and the peer's own seconds in the round. */
    private record Round(double[] values, double seconds) {
    }

    private static void checkTrials(int trials) {
        if (trials < 1) {
            throw new SearchException("a peer run needs at least one trial, got " + trials);
        }
    }

    /** Plays {@code trials} rounds in order, keeping the best value and the peer's time after each. */
    private static PeerRun play(int trials, IntFunction<Round> round) {
        double best = Double.POSITIVE_INFINITY;
        double seconds = 0;
        double[] bestAfter = new double[trials];
        double[] msAfter = new double[trials];
        double[][] values = new double[trials][];
        for (int t = 0; t < trials; t++) {
            Round r = round.apply(t);
            values[t] = r.values();
            best = Math.min(best, r.values()[0]);
            seconds += r.seconds();
            bestAfter[t] = best;
            msAfter[t] = seconds * 1000;
        }
        return new PeerRun(bestAfter, msAfter, values);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new SearchException("distribution JSON did not parse: " + json, e);
        }
    }

    private double[] proposal(JsonNode asked, PeerBox box) {
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
