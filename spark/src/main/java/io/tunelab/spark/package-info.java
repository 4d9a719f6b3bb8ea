/**
 * Studies on an Apache Spark cluster: {@link io.tunelab.spark.TunelabSpark} (the application jar's main class)
 * and {@link io.tunelab.spark.SparkStudyRunner} (the Java API) run N Spark tasks, each the worker loop of
 * {@code tunelab worker} against the study's shared storage.
 */
package io.tunelab.spark;
