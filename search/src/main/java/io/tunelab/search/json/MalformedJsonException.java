package io.tunelab.search.json;

import io.tunelab.search.SearchException;

/** JSON text that {@link UntypedJson} cannot read; the message names the position and what was expected there. */
public final class MalformedJsonException extends SearchException {
    public MalformedJsonException(String message) {
        super(message);
    }
}
