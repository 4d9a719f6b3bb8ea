/**
 * Peer optimisers run side by side with Tunelab's samplers in one benchmark run: another process that proposes points
 * by ask/tell in JSON lines ({@link io.tunelab.bench.peer.PeerProcess}), such as the shipped Optuna peer ({@link
 * io.tunelab.bench.peer.OptunaPeer}), while this side evaluates the function, so both see the same problem and budget.
 */
package io.tunelab.bench.peer;
