/**
 * Live updates by Server-Sent Events: a small notice per change (new trials, state changes, series that
 * grew), after which the page fetches only what changed through the cursor API. Depends on
 * {@code dashboard.data}, Javalin, and the search module's {@code StorageException} (to tell an outage).
 */
package io.tunelab.dashboard.live;
