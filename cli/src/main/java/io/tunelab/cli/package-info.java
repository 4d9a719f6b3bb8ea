/** The {@code tunelab} command line: the only place that wires concrete classes of every module. */
package io.tunelab.cli;
