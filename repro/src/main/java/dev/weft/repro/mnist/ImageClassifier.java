package dev.weft.repro.mnist;

import dev.weft.autograd.Autograd;
import dev.weft.nn.Module;
import dev.weft.nn.data.DataLoader;
import dev.weft.nn.data.TensorDataset;
import dev.weft.nn.loss.Losses;
import dev.weft.nn.optim.Adam;
import dev.weft.nn.optim.lr.CosineAnnealingLR;
import dev.weft.nn.train.Batch;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The training loop the MNIST reproductions share: Adam with a cosine-annealed learning rate
 * (stepped per batch), cross-entropy, seeded shuffling; test accuracy after every epoch.
 */
final class ImageClassifier {
    private ImageClassifier() {}

    /** Trains {@code model} for {@code epochs} and returns the final test accuracy in percent. */
    static double fit(Module model, Tensor trainX, Tensor trainY, Tensor testX, Tensor testY, int epochs, int batch,
                      double lr, long seed, PrintStream log) {
        DataLoader<Batch> loader = DataLoader.pairs(new TensorDataset(trainX, trainY)).batchSize(batch)
                .shuffle(new Generator(seed)).build();
        Adam opt = new Adam(model.parameters(), lr);
        CosineAnnealingLR schedule = new CosineAnnealingLR(opt, epochs * loader.size());
        double acc = 0;
        for (int e = 1; e <= epochs; e++) {
            long t0 = System.nanoTime();
            model.train();
            double lossSum = 0;
            int steps = 0;
            for (Batch b : loader) {
                opt.zeroGrad();
                Tensor loss = Losses.crossEntropy(model.forward(b.input()), b.target());
                Autograd.backward(loss);
                opt.step();
                schedule.step();
                lossSum += loss.item();
                steps++;
            }
            acc = accuracy(model, testX, testY);
            log.printf(Locale.ROOT, "epoch %2d/%d  train loss %.4f  test accuracy %.2f%%  (%.1f s)%n", e, epochs,
                    lossSum / steps, acc, (System.nanoTime() - t0) / 1e9);
        }
        return acc;
    }

    /** Percent of rows of x whose argmax logit equals y, in eval mode without a tape. */
    static double accuracy(Module model, Tensor x, Tensor y) {
        model.eval();
        long correct = 0;
        int n = x.size(0);
        try (var s = Autograd.noGrad()) {
            for (int i = 0; i < n; i += 1000) {
                int len = Math.min(1000, n - i);
                Tensor pred = model.forward(x.narrow(0, i, len)).argmax(1);
                correct += (long) pred.eq(y.narrow(0, i, len)).sum().item();
            }
        }
        model.train();
        return 100.0 * correct / n;
    }
}
