package io.tunelab.cli.output;

/** How a command prints its result: an aligned table for people, CSV or JSON for programs. */
public enum Format {
    TABLE, CSV, JSON
}
