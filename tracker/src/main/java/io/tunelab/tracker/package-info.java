/** The tracker: database storage of studies, trials, metrics, artifacts, provenance and model versions. Depends on search. */
package io.tunelab.tracker;
