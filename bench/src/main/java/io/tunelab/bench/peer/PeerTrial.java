package io.tunelab.bench.peer;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunelab.search.SearchException;
import io.tunelab.search.exec.Slot;
import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.InvalidDistributionException;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.trial.Trial;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A trial whose parameters a peer chooses, one {@code suggest} message per new parameter name (define-by-run, see
 * {@link PeerProcess}); a name suggested again gets the value it got first. Each answer is checked against its
 * distribution, so an objective only sees values it could get from a Tunelab sampler. A peer's trial only suggests:
 * reporting, pruning, logging and attributes are not part of the protocol and are refused naming the call. Not
 * thread-safe.
 */
final class PeerTrial implements Trial {
    private final int number;
    private final BiFunction<String, Distribution, JsonNode> ask;
    private final Map<String, Object> params = new LinkedHashMap<>();
    private double seconds;

    /**
     * @param number the peer's trial number
     * @param ask    sends one suggest message for a name and its distribution and returns the peer's answer
     */
    PeerTrial(int number, BiFunction<String, Distribution, JsonNode> ask) {
        this.number = number;
        this.ask = ask;
    }

    @Override
    public Object suggest(String name, Distribution distribution) {
        Object known = params.get(name);
        if (known != null) {
            return known;
        }
        JsonNode answer = ask.apply(name, distribution);
        seconds += answer.path("seconds").asDouble();
        Object value = external(name, distribution, answer);
        params.put(name, value);
        return value;
    }

    private static Object external(String name, Distribution distribution, JsonNode answer) {
        try {
            if (distribution instanceof CategoricalDistribution c) {
                JsonNode index = answer.get("index");
                if (index == null || !index.canConvertToInt() || index.asInt() < 0 || index.asInt() >= c.choices().size()) {
                    throw new InvalidDistributionException("expected {\"index\": 0 to " + (c.choices().size() - 1)
                            + "}, got " + answer);
                }
                return c.choices().get(index.asInt());
            }
            JsonNode value = answer.get("value");
            if (value == null || !value.isNumber()) {
                throw new InvalidDistributionException("expected {\"value\": a number}, got " + answer);
            }
            Object raw = distribution instanceof IntDistribution ? (Object) value.asInt() : (Object) value.asDouble();
            if (distribution instanceof IntDistribution && value.asDouble() != value.asInt()) {
                throw new InvalidDistributionException("expected an integer, got " + value);
            }
            return distribution.toExternal(distribution.toInternal(raw));
        } catch (InvalidDistributionException e) {
            throw new SearchException("peer's value for parameter '" + name + "' does not fit its distribution: "
                    + e.getMessage());
        }
    }

    /** The peer's own seconds spent answering this trial's suggests. */
    double seconds() {
        return seconds;
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public Slot slot() {
        return Slot.cpu(0);
    }

    @Override
    public long seed() {
        return number;
    }

    @Override
    public Map<String, Object> params() {
        return Collections.unmodifiableMap(params);
    }

    @Override
    public void report(int step, double value) {
        throw refused("report");
    }

    @Override
    public boolean shouldPrune() {
        throw refused("shouldPrune");
    }

    @Override
    public void log(String name, long step, double value) {
        throw refused("log");
    }

    @Override
    public void logSummary(LoggedSummary summary) {
        throw refused("logSummary");
    }

    @Override
    public ArtifactRef logArtifact(String name, Path file) {
        throw refused("logArtifact");
    }

    @Override
    public void setUserAttr(String key, Object value) {
        throw refused("setUserAttr");
    }

    private static SearchException refused(String call) {
        return new SearchException("a peer's trial only suggests parameters; " + call + " is not part of the peer protocol");
    }
}
