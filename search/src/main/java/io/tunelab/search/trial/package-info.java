/** Trials: the live {@link io.tunelab.search.trial.Trial} handle, immutable snapshots, states and study views. */
package io.tunelab.search.trial;
