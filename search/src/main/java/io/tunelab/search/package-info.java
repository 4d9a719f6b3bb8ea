/**
 * Tunelab's search engine: search spaces, trials, studies, samplers, pruners, storage contract and
 * parallel execution. Depends on no other Tunelab module.
 */
package io.tunelab.search;
