package dev.weft.repro.mnist;

import dev.weft.nn.Flatten;
import dev.weft.nn.Sequential;
import dev.weft.nn.data.Mnist;
import dev.weft.nn.layers.Conv2d;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.MaxPool2d;
import dev.weft.nn.layers.ReLU;
import dev.weft.repro.Budget;
import dev.weft.repro.Claim;
import dev.weft.repro.DataSet;
import dev.weft.repro.Figure;
import dev.weft.repro.Outcome;
import dev.weft.repro.Paper;
import dev.weft.repro.Reproduction;
import dev.weft.repro.RunContext;
import dev.weft.repro.Unit;
import dev.weft.tensor.Generator;
import java.nio.file.Path;
import java.util.List;

/**
 * LeNet-5 on MNIST (LeCun et al. 1998, section III; 0.95% test error, 99.05% accuracy, in Fig. 9):
 * conv 5x5 (1->6, padding 2), max pool, conv 5x5 (6->16), max pool, fully connected 400-120-84-10.
 * Departures from the paper: ReLU and max pooling in place of scaled tanh and trainable subsampling,
 * full C3 connections, a linear output with cross-entropy in place of RBF units, Adam in place of
 * stochastic diagonal Levenberg-Marquardt. Quick mode: 1 epoch on 20,000 training images.
 */
public final class MnistCnn implements Reproduction {
    static final Paper PAPER = new Paper("Gradient-based learning applied to document recognition",
            "Yann LeCun, Léon Bottou, Yoshua Bengio, Patrick Haffner", 1998, "Proceedings of the IEEE 86(11), 2278-2324");

    @Override
    public String name() {
        return "mnist-cnn";
    }

    @Override
    public String description() {
        return "LeNet-5 (ReLU, max pooling) on MNIST: test accuracy";
    }

    @Override
    public Paper paper() {
        return PAPER;
    }

    @Override
    public String protocol() {
        return "LeNet-5 layout: conv 5x5 1->6 (padding 2), max pool 2, conv 5x5 6->16, max pool 2, fully connected "
                + "400-120-84-10, ReLU; all 60,000 training images, normalized (mean 0.1307, std 0.3081), batch 64, "
                + "15 epochs, Adam lr 2e-3 with cosine annealing per step, cross-entropy; test accuracy on the 10,000 test "
                + "images after the last epoch. Departures from the paper: ReLU and max pooling in place of scaled tanh and "
                + "trainable subsampling, full C3 connections, linear outputs with cross-entropy in place of RBF units, Adam "
                + "in place of stochastic diagonal Levenberg-Marquardt (20 passes in the paper), no distortions.";
    }

    @Override
    public String quickProtocol() {
        return "1 epoch on the first 20,000 training images (test set evaluated 4 times), the rest as in the full protocol.";
    }

    @Override
    public List<Claim> claims() {
        return List.of(new Claim(ImageClassifier.ACCURACY, Unit.PERCENT, true, 99.05, Double.NaN,
                "Fig. 9 (LeNet-5, no distortions: 0.95% test error)", 99.0, 94.0));
    }

    @Override
    public List<Figure> figures() {
        return List.of(ImageClassifier.errorFigure("LeNet-5 on MNIST: training and test error (cf. Fig. 5)"));
    }

    @Override
    public List<DataSet> data() {
        return List.of(MnistMlp.MNIST);
    }

    @Override
    public Budget time() {
        return new Budget(420, 12);
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
    public Outcome run(RunContext ctx) throws Exception {
        Path dir = MnistMlp.MNIST.require(name(), ctx.data());
        Mnist train = Mnist.loadNormalized(dir, true), test = Mnist.loadNormalized(dir, false);
        int n = ctx.quick() ? 20_000 : train.images().size(0);
        Sequential model = lenet5(new Generator(ctx.seed()));
        ctx.log().println(model);
        return ImageClassifier.fit(model, train.images().narrow(0, 0, n), train.labels().narrow(0, 0, n),
                test.images(), test.labels(), ctx.quick() ? 1 : 15, 64, 2e-3, ctx.quick() ? 4 : 1, ctx);
    }
}
