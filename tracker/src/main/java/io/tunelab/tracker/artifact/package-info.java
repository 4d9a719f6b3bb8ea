/**
 * The artifact repository: files (checkpoints, models, plots) kept under one root directory, outside
 * the database, which stores only their URI, size and SHA-256. Names are checked so nothing can be
 * written outside the root. Depends on nothing else in the tracker.
 */
package io.tunelab.tracker.artifact;
