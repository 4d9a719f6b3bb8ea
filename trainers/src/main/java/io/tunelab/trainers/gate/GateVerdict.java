package io.tunelab.trainers.gate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of a promotion gate.
 *
 * @param test            the test used, e.g. {@code mcnemar} or {@code paired-t}
 * @param promote         whether the challenger is significantly better at the confidence asked
 * @param pValue          one-sided p-value of "the challenger is not better"
 * @param confidence      the confidence asked for, e.g. 0.95
 * @param challengerScore mean per-example score of the challenger (accuracy for 0/1 scores)
 * @param championScore   mean per-example score of the current holder
 * @param examples        number of paired examples
 * @param reason          one sentence for the audit trail
 */
public record GateVerdict(String test, boolean promote, double pValue, double confidence,
                          double challengerScore, double championScore, int examples, String reason) {

    /** A JSON-compatible map, for audit trails and HTTP answers. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("test", test);
        m.put("promote", promote);
        m.put("p_value", pValue);
        m.put("confidence", confidence);
        m.put("challenger_score", challengerScore);
        m.put("champion_score", championScore);
        m.put("examples", examples);
        m.put("reason", reason);
        return m;
    }
}
