/** The web dashboard over the tracker's query side. Depends on tracker. */
package io.tunelab.dashboard;
