/**
 * The dashboard benchmark: generated studies at scale, p95 latency of the API calls the study page
 * makes, and time-to-interactive of the study and scalars pages in headless Chromium driven over the
 * DevTools protocol. Depends on the dashboard and {@code search}'s storage.
 */
package io.tunelab.dashboard.bench;
