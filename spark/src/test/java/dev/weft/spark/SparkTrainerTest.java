package dev.weft.spark;

import static dev.weft.spark.Fixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.nn.Module;
import dev.weft.nn.train.Batch;
import dev.weft.nn.train.FlatParameters;
import dev.weft.nn.train.InProcessGradientSync;
import dev.weft.nn.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Data-parallel SGD on Spark in local[2] (one SparkContext for the class: it takes seconds to start). */
@Timeout(120)
class SparkTrainerTest {
    private static JavaSparkContext sc;

    @BeforeAll
    static void start() {
        sc = new JavaSparkContext(SparkConfs.weft("SparkTrainerTest", "local[2]"));
    }

    @AfterAll
    static void stop() {
        if (sc != null) sc.stop();
    }

    private static JavaRDD<BatchData> rdd(List<List<BatchData>> parts) {
        return sc.parallelize(parts, parts.size()).flatMap(List::iterator);
    }

    @Test
    void synchronousSgdOnUnequalPartitionsMatchesOneProcessOnTheConcatenatedBatch() {
        List<List<BatchData>> parts = Fixtures.partitions(6, new int[] {5, 11}, 1);
        float[] want = Fixtures.single(parts, Fixtures.SGD_MOMENTUM, 3);
        SparkTrainer.Result r = SparkTrainer.builder().epochs(3).build().fit(sc, Fixtures.MLP, Fixtures.SGD_MOMENTUM, Fixtures.BCE, rdd(parts));
        assertClose(want, FlatParameters.values(r.model().parameters()), "spark local[2]");
        assertEquals(3, r.epochs().size());
        assertEquals(6, r.epochs().get(0).steps());
        assertTrue(r.epochs().get(2).loss() < r.epochs().get(0).loss(), "loss fell: " + r.epochs());
    }

    @Test
    void threePartitionsAndAPartitionWithFewerBatches() {
        List<List<BatchData>> parts = Fixtures.partitions(4, new int[] {4, 4, 8}, 2);
        float[] want = Fixtures.single(parts, Fixtures.SGD_MOMENTUM, 2);
        float[] got = FlatParameters.values(SparkTrainer.builder().epochs(2).build()
                .fit(sc, Fixtures.MLP, Fixtures.SGD_MOMENTUM, Fixtures.BCE, rdd(parts)).model().parameters());
        assertClose(want, got, "3 partitions");
        // a partition with no batch for the last steps: those steps' global batch is the others' rows
        List<List<BatchData>> short_ = Fixtures.partitions(4, new int[] {6, 6}, 3);
        short_.set(1, short_.get(1).subList(0, 2));
        assertTrue(SparkTrainer.builder().build().fit(sc, Fixtures.MLP, Fixtures.SGD_MOMENTUM, Fixtures.BCE,
                sc.parallelize(List.of(new java.util.ArrayList<>(short_.get(0)), new java.util.ArrayList<>(short_.get(1))), 2)
                        .flatMap(List::iterator)).epochs().get(0).steps() == 4);
    }

    @Test
    void parameterAveragingEveryStepWithPlainSgdIsTheSameUpdate() {
        List<List<BatchData>> parts = Fixtures.partitions(6, new int[] {5, 11}, 4);
        float[] want = Fixtures.single(parts, Fixtures.SGD_PLAIN, 2);
        float[] got = FlatParameters.values(SparkTrainer.builder().epochs(2).averageEvery(1).build()
                .fit(sc, Fixtures.MLP, Fixtures.SGD_PLAIN, Fixtures.BCE, rdd(parts)).model().parameters());
        assertClose(want, got, "averageEvery(1)");
    }

    @Test
    void parameterAveragingEveryThreeStepsTrains() {
        List<List<BatchData>> parts = Fixtures.partitions(6, new int[] {8, 8}, 5);
        SparkTrainer.Result r = SparkTrainer.builder().epochs(4).averageEvery(3).build()
                .fit(sc, Fixtures.MLP, Fixtures.SGD_PLAIN, Fixtures.BCE, rdd(parts));
        assertTrue(r.epochs().get(3).loss() < r.epochs().get(0).loss(), "loss fell: " + r.epochs());
        assertTrue(r.epochs().get(3).accuracy() == 0, "no class targets, no accuracy");
    }

    @Test
    void adamAveragedEveryThreeStepsCarriesTheAveragedStateAcrossRounds() {
        List<List<BatchData>> parts = Fixtures.partitions(6, new int[] {5, 11}, 6);
        float[] got = FlatParameters.values(SparkTrainer.builder().epochs(2).averageEvery(3).build()
                .fit(sc, Fixtures.MLP, Fixtures.ADAM, Fixtures.BCE, rdd(parts)).model().parameters());
        double[] want = Fixtures.localAdam(parts, 2, 3, false);
        assertTrue(Fixtures.worst(want, got) <= 1, "within tolerance of local Adam with averaged state: " + Fixtures.worst(want, got));
        // the check can fail: restarting the moments every round (the old behaviour) is far off
        assertTrue(Fixtures.worst(Fixtures.localAdam(parts, 2, 3, true), got) > 20, "moments restarted each round would differ");
        // and the same as in-process replicas through nn's Trainer.parameterAveraging
        InProcessGradientSync group = new InProcessGradientSync(2);
        List<float[]> inProcess = InProcessGradientSync.run(2, r -> {
            Module m = Fixtures.mlp();
            List<Batch> batches = new ArrayList<>();
            for (BatchData d : parts.get(r)) batches.add(d.toBatch());
            Trainer.builder().epochs(2).progress(Trainer.ProgressMode.OFF, System.err).parameterAveraging(group.replica(r), 3).build()
                    .fit(m, Fixtures.ADAM.create(m.parameters()), Fixtures.BCE, batches);
            return FlatParameters.values(m.parameters());
        });
        assertClose(inProcess.get(0), got, "in-process parameter averaging");
    }

    @Test
    void badArgumentsAreIllegalArguments() {
        assertThrows(IllegalArgumentException.class, () -> SparkTrainer.builder().epochs(0));
        assertThrows(IllegalArgumentException.class, () -> SparkTrainer.builder().averageEvery(-1));
        assertThrows(IllegalArgumentException.class, () -> SparkTrainer.builder().build()
                .fit(sc, Fixtures.MLP, Fixtures.SGD_PLAIN, Fixtures.BCE, sc.parallelize(List.<BatchData>of(), 2)));
        assertThrows(IllegalArgumentException.class, () -> FloatArrays.add(new float[2], new float[3]));
    }
}
