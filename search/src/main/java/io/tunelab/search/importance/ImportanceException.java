package io.tunelab.search.importance;

import io.tunelab.search.SearchException;

/** Importances that cannot be computed as asked; the message says why and what would do. */
public class ImportanceException extends SearchException {
    public ImportanceException(String message) {
        super(message);
    }
}
