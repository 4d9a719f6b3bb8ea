package io.tunelab.search.study;

import io.tunelab.search.SearchException;

/** A study operation that cannot be carried out: no such study, no completed trial, a bad tell. */
public class StudyException extends SearchException {
    public StudyException(String message) {
        super(message);
    }

    public StudyException(String message, Throwable cause) {
        super(message, cause);
    }
}
