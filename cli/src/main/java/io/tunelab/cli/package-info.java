/**
 * The {@code tunelab} command line: the only place that wires concrete classes of every module. Of the
 * tracker it opens the facades ({@code setup.Tracker}, {@code server.TrackerServer}) with their
 * {@code config}, and hands the ports they return to the study loop and the dashboard; it never imports
 * the tracker's {@code jdbc} package.
 */
package io.tunelab.cli;
