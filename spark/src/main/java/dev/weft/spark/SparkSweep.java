package dev.weft.spark;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A parameter grid (or any list of settings) as Spark tasks, one task per point, results in the points'
 * order: {@code SparkSweep.map(sc, grid, p -> train(p))}. For a reproduction's seeds and grid of settings
 * ({@link dev.weft.repro.SettingGrid}) use {@link SparkSeedRunner} through {@link dev.weft.repro.Harness#runGrid},
 * which also gathers the metrics tables.
 */
public final class SparkSweep {
    private SparkSweep() {}

    /** One point's run; serializable so that executors can run it. */
    @FunctionalInterface
    public interface Job<P, R> extends Serializable {
        /**
         * {@return the point's result}
         *
         * @param point the setting
         * @throws Exception what the run threw (the task fails, Spark retries it)
         */
        R run(P point) throws Exception;
    }

    /**
     * {@return {@code job.run(p)} for every point, each in its own task, in the points' order}
     *
     * @param <P> the setting type (serializable)
     * @param <R> the result type (serializable)
     * @param sc the Spark context
     * @param points the grid
     * @param job one point's run
     */
    public static <P extends Serializable, R extends Serializable> List<R> map(JavaSparkContext sc, List<P> points, Job<P, R> job) {
        if (points.isEmpty()) return List.of();
        return sc.parallelize(points, points.size()).map(job::run).collect();
    }
}
