/** Trainers: objectives that turn a trial into a trained DJL or Tribuo model. Depends on search only. */
package io.tunelab.trainers;
