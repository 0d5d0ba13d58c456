package dev.weft.cli;

import dev.weft.nn.Sequential;
import dev.weft.nn.data.DataLoader;
import dev.weft.nn.data.TensorDataset;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.nn.loss.Losses;
import dev.weft.nn.optim.Adam;
import dev.weft.nn.train.Batch;
import dev.weft.nn.train.Evaluator;
import dev.weft.nn.train.History;
import dev.weft.nn.train.Trainer;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The demo's training part: a generated three-arm spiral (2-d points, 3 classes, 3 x 1000 points
 * with noise; seeded), split 80/20, learned by an MLP 2-64-64-3 with Adam and cross-entropy
 * through the DataLoader and the Trainer; prints held-out accuracy and time. A linear model gets about a third of
 * the points right on this data, so a high accuracy means the hidden layers learned the curves.
 */
final class SpiralDemo {
    private SpiralDemo() {}

    static final int CLASSES = 3, PER_CLASS = 1000;

    /** {x (3000, 2) F32, y (3000) I64}: arm k is r -> (r sin t, r cos t), t = 4k + 4r + 0.25 N(0, 1). */
    static Tensor[] spiral(Generator g) {
        Tensor r = Tensor.linspace(0.05, 1, PER_CLASS, DType.F32).unsqueeze(0).expand(CLASSES, PER_CLASS);
        Tensor k = Tensor.arange(0, CLASSES, 1).to(DType.F32).unsqueeze(1).expand(CLASSES, PER_CLASS);
        Tensor t = k.mul(4.0).add(r.mul(4.0)).add(Tensor.randn(g, DType.F32, CLASSES, PER_CLASS).mul(0.25));
        Tensor x = Tensor.stack(new Tensor[] {r.mul(t.sin()), r.mul(t.cos())}, 2).reshape(CLASSES * PER_CLASS, 2);
        Tensor y = Tensor.arange(0, CLASSES, 1).unsqueeze(1).expand(CLASSES, PER_CLASS).reshape(CLASSES * PER_CLASS);
        return new Tensor[] {x, y};
    }

    /** The trained model and its history: what {@link #train} returns. */
    record Trained(Sequential model, History history, int stepsPerEpoch) {}

    /** Builds the data and the model from seed 11 and trains it; the same bits on every run and in every JIT tier. */
    static Trained train(int epochs, PrintStream out) {
        Generator g = new Generator(11);
        Tensor[] xy = spiral(g);
        Tensor perm = Tensor.randperm(g, CLASSES * PER_CLASS);
        int nTrain = CLASSES * PER_CLASS * 4 / 5;
        Tensor trainIdx = perm.narrow(0, 0, nTrain), testIdx = perm.narrow(0, nTrain, CLASSES * PER_CLASS - nTrain);
        Tensor trainX = xy[0].indexSelect(0, trainIdx), trainY = xy[1].indexSelect(0, trainIdx);
        Tensor testX = xy[0].indexSelect(0, testIdx), testY = xy[1].indexSelect(0, testIdx);
        Sequential model = new Sequential(new Linear(2, 64, true, g), new ReLU(), new Linear(64, 64, true, g), new ReLU(),
                new Linear(64, CLASSES, true, g));
        out.println(model);
        DataLoader<Batch> loader = DataLoader.pairs(new TensorDataset(trainX, trainY)).batchSize(64)
                .shuffle(g.split()).build();
        Adam opt = new Adam(model.parameters(), 1e-2);
        DataLoader<Batch> test = DataLoader.pairs(new TensorDataset(testX, testY)).batchSize(600).build();
        History h = Trainer.builder().epochs(epochs).evalEachEpoch(Evaluator.of(Losses::crossEntropy, test))
                .progress(Trainer.ProgressMode.OFF, out).build()
                .fit(model, opt, Losses::crossEntropy, loader);
        return new Trained(model, h, loader.size());
    }

    /** The demo's number of epochs. */
    static final int EPOCHS = 40;

    static double run(PrintStream out, int epochs) {
        out.println("\n== Training: MLP 2-64-64-3 on a generated 3-arm spiral (3000 points, 80/20 split, seed 11)");
        long t0 = System.nanoTime();
        Trained t = train(epochs, out);
        History h = t.history();
        for (History.Evaluation e : h.evaluations()) {
            int epoch = e.epoch() + 1;                                  // History counts epochs from 0
            if (epoch % 10 == 0) {
                out.printf(Locale.ROOT, "epoch %2d  train loss %.4f  held-out accuracy %.1f%%%n", epoch,
                        h.epochs().get(e.epoch()).loss(), 100 * e.metrics().get("accuracy"));
            }
        }
        double acc = 100 * h.evaluations().getLast().metrics().get("accuracy");
        out.printf(Locale.ROOT, "trained %d epochs x %d steps in %.2f s; held-out accuracy %.1f%%%n", epochs, t.stepsPerEpoch(),
                (System.nanoTime() - t0) / 1e9, acc);
        return acc;
    }
}
