package dev.weft.repro.mnist;

import dev.weft.nn.Flatten;
import dev.weft.nn.Sequential;
import dev.weft.nn.data.Mnist;
import dev.weft.nn.layers.Conv2d;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.MaxPool2d;
import dev.weft.nn.layers.ReLU;
import dev.weft.repro.ReproArgs;
import dev.weft.repro.Reproduction;
import dev.weft.tensor.Generator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * LeNet-5-style CNN on MNIST (LeCun et al. 1998, "Gradient-based learning applied to document
 * recognition": LeNet-5 0.95% error, 99.05% accuracy): conv 5x5 (1->6, padding 2), max pool,
 * conv 5x5 (6->16), max pool, fully connected 400-120-84-10, with ReLU and max pooling in place of
 * the paper's scaled tanh and subsampling. Quick mode: 1 epoch on 20,000 training images.
 */
public final class MnistCnn implements Reproduction {
    @Override
    public String name() {
        return "mnist-cnn";
    }

    @Override
    public String description() {
        return "LeNet-5-style CNN on MNIST (LeCun et al. 1998: 99.05%), Adam + cosine lr: test accuracy (target >= 99.0%)";
    }

    @Override
    public List<String> datasets() {
        return List.of("mnist");
    }

    /** The network, seeded. */
    static Sequential lenet5(Generator g) {
        return new Sequential(
                new Conv2d(Conv2d.options(1, 6, 5).padding(2).generator(g)),
                new ReLU(), new MaxPool2d(2),
                new Conv2d(Conv2d.options(6, 16, 5).generator(g)),
                new ReLU(), new MaxPool2d(2),
                new Flatten(),
                new Linear(400, 120, true, g), new ReLU(),
                new Linear(120, 84, true, g), new ReLU(),
                new Linear(84, 10, true, g));
    }

    @Override
    public List<Metric> run(Path data, boolean quick, long seed, PrintStream log) throws Exception {
        Path dir = ReproArgs.require(name(), data, "mnist", Mnist.FILES);
        Mnist train = Mnist.loadNormalized(dir, true), test = Mnist.loadNormalized(dir, false);
        int n = quick ? 20_000 : train.images().size(0);
        Sequential model = lenet5(new Generator(seed));
        log.println(model);
        double acc = ImageClassifier.fit(model, train.images().narrow(0, 0, n), train.labels().narrow(0, 0, n),
                test.images(), test.labels(), quick ? 1 : 15, 64, 2e-3, seed + 1, log);
        return List.of(new Metric("test accuracy", 99.05, acc, "%", true));
    }
}
