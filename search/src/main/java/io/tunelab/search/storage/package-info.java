/** The {@link io.tunelab.search.storage.TrialStorage} port and its in-memory implementation. Depends on space and trial. */
package io.tunelab.search.storage;
