/**
 * The web dashboard over the tracker's ports (query side, metrics, registry) and records. Depends on
 * search and on the tracker's port packages; the application opens the tracker and passes its ports in.
 */
package io.tunelab.dashboard;
