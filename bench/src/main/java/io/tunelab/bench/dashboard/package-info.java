/**
 * The dashboard benchmark: studies at the scale written into a tracker database through its
 * write path, p50/p95 latency of the API calls the study page makes, and time-to-interactive of the
 * study and scalars pages in headless Chromium driven over the DevTools protocol. Depends on the
 * dashboard, the tracker and {@code search}'s storage port; the CLI runs it as {@code tunelab bench dashboard}.
 */
package io.tunelab.bench.dashboard;
