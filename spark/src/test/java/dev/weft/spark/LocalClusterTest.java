package dev.weft.spark;

import static dev.weft.spark.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.nn.loss.Losses;
import dev.weft.nn.train.FlatParameters;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Integration test on a real cluster: a standalone master and two one-core workers started on 127.0.0.1 as child
 * JVMs ({@link LocalStandaloneCluster}), the training submitted to it, the cluster destroyed afterwards whatever
 * happens. The second test kills one executor JVM (a descendant of a worker process) while a step's tasks run:
 * Spark reruns the lost task on the other executor and the result is the same.
 */
@Timeout(180)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClusterTest {
    private static LocalStandaloneCluster cluster;
    private static JavaSparkContext sc;
    private static final AtomicInteger failedTasks = new AtomicInteger();
    private static final List<List<BatchData>> PARTS = Fixtures.partitions(6, new int[] {5, 11}, 7);

    @BeforeAll
    static void start() throws Exception {
        cluster = new LocalStandaloneCluster(2, "768m");
        try {
            sc = new JavaSparkContext(SparkConfs.weft("LocalClusterTest", cluster.masterUrl())
                    .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                    .set("spark.executor.memory", "512m").set("spark.executor.cores", "1")
                    .set("spark.executor.extraClassPath", LocalStandaloneCluster.classPath()));
            sc.sc().addSparkListener(new SparkListener() {
                @Override
                public void onTaskEnd(SparkListenerTaskEnd e) {
                    if (!e.taskInfo().successful()) failedTasks.incrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    @AfterAll
    static void stop() {
        try {
            if (sc != null) sc.stop();
        } finally {
            if (cluster != null) cluster.close();
        }
    }

    private static JavaRDD<BatchData> rdd() {
        return sc.parallelize(PARTS, 2).flatMap(List::iterator);
    }

    @Test
    @Order(1)
    void dataParallelOnTwoWorkersMatchesOneProcess() {
        float[] want = Fixtures.single(PARTS, Fixtures.SGD_MOMENTUM, 2);
        SparkTrainer.Result r = SparkTrainer.builder().epochs(2).build().fit(sc, Fixtures.MLP, Fixtures.SGD_MOMENTUM, Fixtures.BCE, rdd());
        assertClose(want, FlatParameters.values(r.model().parameters()), "standalone cluster");
    }

    @Test
    @Order(2)
    void anExecutorKilledMidJobIsRetriedAndTheResultIsUnchanged() throws Exception {
        float[] want = Fixtures.single(PARTS, Fixtures.SGD_MOMENTUM, 2);
        // slow steps (on the executors only), so the kill lands while a step's tasks run
        LossFunction slow = (o, t) -> {
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Losses.binaryCrossEntropyWithLogits(o, t);
        };
        AtomicBoolean killed = new AtomicBoolean();
        int before = failedTasks.get();
        SparkTrainer.Result r = SparkTrainer.builder().epochs(2).onStep(step -> {
            if (step != 3) return;
            Thread killer = new Thread(() -> {
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
                for (int w = 0; w < 2 && !killed.get(); w++) {
                    Optional<ProcessHandle> ex = cluster.executorOf(w);
                    if (ex.isPresent()) killed.set(ex.get().destroyForcibly());
                }
            });
            killer.setDaemon(true);
            killer.start();
        }).build().fit(sc, Fixtures.MLP, Fixtures.SGD_MOMENTUM, slow, rdd());
        assertTrue(killed.get(), "an executor JVM was found under a worker and killed; descendants: "
                + cluster.describeDescendants(0) + " " + cluster.describeDescendants(1));
        assertTrue(failedTasks.get() > before, "the kill failed a running task, which Spark retried");
        assertClose(want, FlatParameters.values(r.model().parameters()), "after the kill");
    }
}
