/**
 * Statistical promotion gates: decide from paired per-example scores on one held-out set whether a
 * challenger model is significantly better than the current alias holder. Depends on nothing but
 * commons-math3's distributions.
 */
package io.tunelab.trainers.gate;
