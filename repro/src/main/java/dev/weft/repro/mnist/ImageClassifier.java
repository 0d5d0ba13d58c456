package dev.weft.repro.mnist;

import dev.weft.nn.Module;
import dev.weft.nn.data.DataLoader;
import dev.weft.nn.data.TensorDataset;
import dev.weft.nn.loss.Losses;
import dev.weft.nn.optim.Adam;
import dev.weft.nn.optim.lr.CosineAnnealingLR;
import dev.weft.nn.train.Batch;
import dev.weft.nn.train.Evaluator;
import dev.weft.nn.train.History;
import dev.weft.nn.train.Trainer;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.io.PrintStream;

/**
 * The training set-up the MNIST reproductions share, run by the {@link Trainer}: Adam with a
 * cosine-annealed learning rate (stepped per batch), cross-entropy, seeded shuffling, and test
 * loss/accuracy after every epoch, printed as lines.
 */
final class ImageClassifier {
    private ImageClassifier() {}

    /** Trains {@code model} for {@code epochs} and returns the final test accuracy in percent. */
    static double fit(Module model, Tensor trainX, Tensor trainY, Tensor testX, Tensor testY, int epochs, int batch,
                      double lr, long seed, PrintStream log) {
        DataLoader<Batch> train = DataLoader.pairs(new TensorDataset(trainX, trainY)).batchSize(batch)
                .shuffle(new Generator(seed)).build();
        DataLoader<Batch> test = DataLoader.pairs(new TensorDataset(testX, testY)).batchSize(1000).build();
        Adam opt = new Adam(model.parameters(), lr);
        History h = Trainer.builder().epochs(epochs)
                .schedulerPerStep(new CosineAnnealingLR(opt, epochs * train.size()))
                .evalEachEpoch(Evaluator.of(Losses::crossEntropy, test))
                .progress(Trainer.ProgressMode.LINES, log).logEvery(train.size())
                .build().fit(model, opt, Losses::crossEntropy, train);
        return 100 * h.evaluations().getLast().metrics().get("accuracy");
    }
}
