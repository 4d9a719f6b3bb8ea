package io.tunelab.serving;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.IntFunction;

/**
 * The instances of a request in the form {@link InstanceParser} reads (an array of objects of column to value, or of
 * arrays), with how messages name each one: {@code dataframe_records[2]}, {@code line 4}.
 */
record Instances(JsonNode array, IntFunction<String> names) {
}
