package dev.weft.spark;

import dev.weft.autograd.Autograd;
import dev.weft.nn.Module;
import dev.weft.nn.Sequential;
import dev.weft.nn.data.Mnist;
import dev.weft.nn.Flatten;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.nn.loss.Losses;
import dev.weft.nn.optim.Adam;
import dev.weft.nn.train.Batch;
import dev.weft.nn.train.Trainer;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code ./weft spark mnist [--workers N | --master URL] [--epochs E] [--batch B] [--data DIR]}: the MNIST MLP
 * 784-256-128-10 (Adam 1e-3, global batch B, default 256) trained once in this process and once data-parallel
 * on Spark (by default on a standalone cluster of N = 2 one-core workers that it starts on 127.0.0.1), from the same
 * initial values over the same global batches (step s = the s-th B rows; each of the P partitions holds B/P of
 * them, read on the executors from the IDX files); prints the test accuracy and time per epoch of both, with the
 * Spark epoch's split into broadcast, compute, and aggregate + scheduling.
 */
public final class SparkMain {
    private SparkMain() {}

    /**
     * Entry point.
     *
     * @param args see the class comment
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        SparkJvm.checkVersion();
        if (args.length == 0 || !args[0].equals("mnist")) {
            System.err.println("usage: ./weft spark mnist [--workers N | --master URL] [--epochs E] [--batch B] [--data DIR]");
            System.exit(2);
        }
        int workers = 2, epochs = 3, batch = 256;
        String master = null, data = null;
        for (int i = 1; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--workers" -> workers = Integer.parseInt(v);
                case "--master" -> master = v;
                case "--epochs" -> epochs = Integer.parseInt(v);
                case "--batch" -> batch = Integer.parseInt(v);
                case "--data" -> data = v;
                default -> throw new IllegalArgumentException("weft spark mnist: unknown option " + args[i]);
            }
        }
        Path dir = dev.weft.repro.ReproArgs.dataDir(data).resolve("mnist").toAbsolutePath();
        Mnist test = Mnist.loadNormalized(dir, false);
        int parts = master == null ? workers : Math.max(2, workers);

        // single process
        Mnist train = Mnist.loadNormalized(dir, true);
        List<Batch> batches = new ArrayList<>();
        for (int s = 0; s + batch <= train.size(); s += batch) {
            batches.add(new Batch(train.images().narrow(0, s, batch), train.labels().narrow(0, s, batch)));
        }
        Module single = model();
        long t0 = System.nanoTime();
        Trainer.builder().epochs(epochs).progress(Trainer.ProgressMode.OFF, System.err).build()
                .fit(single, new Adam(single.parameters(), 1e-3), Losses::crossEntropy, batches);
        double singleEpoch = (System.nanoTime() - t0) / 1e9 / epochs;
        double singleAcc = accuracy(single, test);
        System.out.printf(Locale.ROOT, "single process: %d epochs, %.2f s/epoch, test accuracy %.2f%%%n", epochs, singleEpoch, 100 * singleAcc);
        train = null;
        batches = null;

        LocalStandaloneCluster cluster = master == null ? new LocalStandaloneCluster(workers, "1500m") : null;
        try {
            String url = master != null ? master : cluster.masterUrl();
            var conf = SparkConfs.weft("weft spark mnist", url).set("spark.driver.host", "127.0.0.1")
                    .set("spark.executor.memory", "1g").set("spark.executor.extraClassPath", LocalStandaloneCluster.classPath());
            long c0 = System.nanoTime();
            try (JavaSparkContext sc = new JavaSparkContext(conf)) {
                System.out.printf(Locale.ROOT, "spark: %s, %d partitions, context start %.1f s%n", url, parts, (System.nanoTime() - c0) / 1e9);
                int P = parts, B = batch;
                String d = dir.toString();
                List<String> shards = new ArrayList<>();
                for (int p = 0; p < P; p++) shards.add(d + "#" + p);
                JavaRDD<BatchData> rdd = SparkBatches.fromPaths(sc.parallelize(shards, P), path -> shard(path, P, B));
                SparkTrainer.Result r = SparkTrainer.builder().epochs(epochs).log(System.out).build()
                        .fit(sc, SparkMain::model, ps -> new Adam(ps, 1e-3), Losses::crossEntropy, rdd);
                double acc = accuracy(r.model(), test);
                List<SparkTrainer.Epoch> es = r.epochs();
                double sum = 0;
                for (int i = 1; i < es.size(); i++) sum += es.get(i).seconds();
                double perEpoch = es.size() > 1 ? sum / (es.size() - 1) : es.get(0).seconds();
                System.out.printf(Locale.ROOT, "spark data-parallel: %.2f s/epoch (epochs after the first, which reads and caches the data), "
                        + "test accuracy %.2f%% (single %.2f%%, difference %+.2f points)%n", perEpoch, 100 * acc, 100 * singleAcc,
                        100 * (acc - singleAcc));
            }
        } finally {
            if (cluster != null) cluster.close();
        }
    }

    /** The MLP 784-256-128-10, initialised from seed 0. */
    static Module model() {
        Generator g = new Generator(0);
        return new Sequential(new Flatten(), new Linear(784, 256, true, g), new ReLU(), new Linear(256, 128, true, g), new ReLU(),
                new Linear(128, 10, true, g));
    }

    /** Partition p's part of every global batch: rows [s + p*B/P, s + (p+1)*B/P) of each global batch s. */
    static List<BatchData> shard(String path, int parts, int batch) throws Exception {
        int hash = path.lastIndexOf('#');
        int p = Integer.parseInt(path.substring(hash + 1));
        Mnist train = Mnist.loadNormalized(Path.of(path.substring(0, hash)), true);
        int per = batch / parts, lo = p * per, len = p == parts - 1 ? batch - lo : per;
        List<BatchData> out = new ArrayList<>();
        for (int s = 0; s + batch <= train.size(); s += batch) {
            out.add(BatchData.of(new Batch(train.images().narrow(0, s + lo, len), train.labels().narrow(0, s + lo, len))));
        }
        return out;
    }

    static double accuracy(Module m, Mnist test) {
        m.eval();
        long hits = 0;
        try (var s = Autograd.noGrad()) {
            for (int i = 0; i < test.size(); i += 1000) {
                int n = Math.min(1000, test.size() - i);
                Tensor pred = m.forward(test.images().narrow(0, i, n)).argmax(1);
                long[] p = pred.toLongArray(), y = test.labels().narrow(0, i, n).contiguous().toLongArray();
                for (int j = 0; j < n; j++) if (p[j] == y[j]) hits++;
            }
        } finally {
            m.train();
        }
        return hits / (double) test.size();
    }
}
