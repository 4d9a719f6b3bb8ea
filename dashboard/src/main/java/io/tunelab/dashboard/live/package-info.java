/**
 * Live updates by Server-Sent Events: a small notice per change (new trials, state changes, series that
 * grew), after which the page fetches only what changed through the cursor API. Depends on
 * {@code dashboard.data} and Javalin.
 */
package io.tunelab.dashboard.live;
