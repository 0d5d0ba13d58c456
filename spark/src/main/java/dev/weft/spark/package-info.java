/**
 * Scale-out on Apache Spark: {@link dev.weft.spark.SparkTrainer} (synchronous data-parallel SGD: broadcast,
 * per-partition gradients, treeAggregate, optimizer step on the driver; or parameter and optimizer-state averaging
 * every k steps),
 * {@link dev.weft.spark.SparkBatches} (Weft batches from DataFrames, RDDs of rows or of file paths),
 * {@link dev.weft.spark.SparkSeedRunner} and {@link dev.weft.spark.SparkSweep} (a reproduction's seeds and grid points, or any list of settings, as tasks), and
 * {@link dev.weft.spark.LocalStandaloneCluster} (a standalone master and workers as child JVMs, for tests and the
 * MNIST measurement).
 *
 * <p>No module-info: Spark's jars are automatic modules whose derived names ({@code spark.core.2.13}) are not
 * legal module names, so this module is class-path only; its jar carries {@code Automatic-Module-Name:
 * dev.weft.spark}. Spark is a {@code provided} dependency (a cluster brings its own); {@code ./weft} puts
 * this module and the Spark jars that the build copies to {@code spark/target/spark-lib} on the class path
 * only for {@code --spark} and {@code weft spark}. Spark 4 needs JDK 25.0.3 or newer on JDK 25 (a G1 bug in
 * earlier builds); the launcher checks.
 */
package dev.weft.spark;
