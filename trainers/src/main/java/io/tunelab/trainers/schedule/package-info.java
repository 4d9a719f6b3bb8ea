/**
 * Learning-rate schedules ({@link io.tunelab.trainers.schedule.LearningRateSchedule}: constant, power,
 * exponential, piecewise constant, performance-based, one-cycle, cosine, linear warm-up) and gradient
 * clipping ({@link io.tunelab.trainers.schedule.GradientClipping}). Depends on DJL's API (trackers,
 * arrays) and {@code io.tunelab.search.trial.Direction}.
 */
package io.tunelab.trainers.schedule;
