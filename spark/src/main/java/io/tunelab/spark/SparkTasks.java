package io.tunelab.spark;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.SparkException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;

/**
 * Runs one piece of {@link TaskWork} in each of N Spark tasks (one partition each) and collects what they
 * return. Spark places the tasks, gives them their resources and retries a task whose executor is lost
 * (up to {@code spark.task.maxFailures} times); the work must tolerate running again.
 */
public final class SparkTasks {
    private SparkTasks() {
    }

    /**
     * Runs {@code work} in {@code parallelism} tasks and returns their results, in task order.
     *
     * @param what names {@code work} in the error when it is not serialisable, e.g. {@code objectiveFactory}
     * @throws SparkStudyException when {@code work} is not serialisable (before any job starts), or the job
     *                             fails (with the first line of the task's error, not Spark's stack trace)
     */
    public static <R extends Serializable> List<R> run(JavaSparkContext spark, int parallelism, String what,
                                                       TaskWork<R> work) {
        if (parallelism < 1) {
            throw new SparkStudyException("parallelism: expected 1 or more Spark tasks, got " + parallelism);
        }
        checkSerialisable(what, work);
        List<Integer> tasks = IntStream.range(0, parallelism).boxed().toList();
        try {
            return spark.parallelize(tasks, parallelism).map(new InTask<>(work)).collect();
        } catch (Exception e) { // Scala throws SparkException, a checked exception, undeclared
            if (e instanceof SparkException) {
                throw new SparkStudyException("the Spark job failed: " + firstLine(rootMessage(e)), e);
            }
            throw e;
        }
    }

    /**
     * Throws a {@link SparkStudyException} naming {@code what} and the class that stops it when {@code value}
     * cannot be serialised, as Spark must to ship it to the executors.
     */
    public static void checkSerialisable(String what, Object value) {
        try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            throw new SparkStudyException(what + ": Spark sends it to every executor, so it must be serialisable, but it"
                    + " holds a " + e.getMessage() + ", which is not. Make it a lambda or a static class of its own that"
                    + " captures only serialisable values (names, numbers, paths as strings), and build the rest in"
                    + " create(...)", e);
        } catch (IOException e) {
            throw new SparkStudyException(what + ": cannot be serialised for Spark: " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e || root.getMessage() == null ? String.valueOf(e.getMessage()) : root.getMessage();
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** The function each partition runs: the task's slots from its context, then the work. */
    private static final class InTask<R extends Serializable> implements Function<Integer, R> {
        private static final long serialVersionUID = 1L;
        private final TaskWork<R> work;

        InTask(TaskWork<R> work) {
            this.work = work;
        }

        @Override
        public R call(Integer task) {
            TaskContext context = TaskContext.get();
            Map<String, String[]> resources = context.resourcesJMap().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> Arrays.copyOf(e.getValue().addresses(),
                            e.getValue().addresses().length)));
            return work.run(TaskSlots.plan(resources, context.cpus()));
        }
    }
}
