package io.tunelab.search.sampler;

import io.tunelab.search.SearchException;

/** A sampler that cannot serve a request: a grid without a parameter, a continuous grid axis, a bad option. */
public class SamplerException extends SearchException {
    public SamplerException(String message) {
        super(message);
    }
}
