package dev.weft.spark;

import org.apache.spark.SparkConf;

/**
 * The Spark settings Weft's jobs use. {@code spark.task.maxDirectResultSize=16m}: a task result (a flat
 * gradient) above the default 1 MiB goes through the block manager, an extra round trip; with 16m,
 * treeAggregate of 1M floats over 2 partitions took 63–76 ms here instead of 150–180 ms. The Java
 * serializer (Spark's default) is kept: it needs no extra JVM flags on JDK 25, while Kryo needs Spark's
 * --add-opens list.
 */
public final class SparkConfs {
    private SparkConfs() {}

    /**
     * {@return a SparkConf for {@code master} with Weft's settings; the caller may override any of them}
     *
     * @param appName the application's name in Spark's UI
     * @param master {@code local[N]}, {@code spark://HOST:PORT}, ...
     */
    public static SparkConf weft(String appName, String master) {
        return new SparkConf().setAppName(appName).setMaster(master)
                .set("spark.task.maxDirectResultSize", "16m")
                .set("spark.serializer", "org.apache.spark.serializer.JavaSerializer")
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false")
                // Weft's kernels use the Vector API (an incubator module) on the executors too
                .set("spark.executor.extraJavaOptions", "--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED");
    }
}
