package dev.weft.repro.toys;

import dev.weft.autograd.Autograd;
import dev.weft.nn.Module;
import dev.weft.nn.Sequential;
import dev.weft.nn.functional.F;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.nn.optim.AdamOptions;
import dev.weft.nn.optim.AdamW;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * One grokking run: a one-hidden-layer MLP 2p -> H -> p (ReLU) on one-hot pairs, full-batch AdamW on the cross
 * entropy of the (partly corrupted) training labels, accuracies recorded every {@code evalEvery} steps.
 */
final class GrokkingRun {
    private GrokkingRun() {}

    /** Accuracies (%) at the recorded steps: on the given training labels, on the corrupted pairs' given labels, on the test set. */
    record History(List<Double> steps, List<Double> train, List<Double> memorized, List<Double> test) {
        double finalTest() { return test.getLast(); }
        double finalTrain() { return train.getLast(); }
        double finalMemorized() { return memorized.getLast(); }

        /** The first recorded step at which {@code acc} reaches {@code level} (%), or NaN. */
        static double firstReach(List<Double> steps, List<Double> acc, double level) {
            for (int i = 0; i < acc.size(); i++) if (acc.get(i) >= level) return steps.get(i);
            return Double.NaN;
        }
    }

    static Module mlp(int p, int hidden, boolean quadratic, Generator g) {
        return new Sequential(new Linear(2 * p, hidden, true, g), quadratic ? new Square() : new ReLU(), new Linear(hidden, p, true, g));
    }

    static History train(ModularAddition d, int hidden, boolean quadratic, double lr, double weightDecay, int steps, int evalEvery, Generator g,
                         IntConsumer onStep) {
        Module m = mlp(d.p(), hidden, quadratic, g);
        AdamW opt = new AdamW(m.parameters(), AdamW.options().lr(lr).betas(0.9, 0.98).weightDecay(weightDecay));
        List<Double> at = new ArrayList<>(), train = new ArrayList<>(), mem = new ArrayList<>(), test = new ArrayList<>();
        Tensor badMask = d.corrupted();
        double nBad = badMask.to(DType.F32).sum().item();
        for (int s = 0; s <= steps; s++) {
            if (s % evalEvery == 0 || s == steps) {
                try (var ng = Autograd.noGrad()) {
                    Tensor hitTrain = m.forward(d.trainX()).argmax(1).eq(d.trainY());
                    at.add((double) s);
                    train.add(100 * hitTrain.to(DType.F32).mean().item());
                    mem.add(nBad == 0 ? Double.NaN : 100 * hitTrain.logicalAnd(badMask).to(DType.F32).sum().item() / nBad);
                    test.add(100 * m.forward(d.testX()).argmax(1).eq(d.testY()).to(DType.F32).mean().item());
                }
            }
            if (s == steps) break;
            opt.zeroGrad();
            Autograd.backward(F.crossEntropy(m.forward(d.trainX()), d.trainY()));
            opt.step();
            onStep.accept(s + 1);
        }
        return new History(at, train, mem, test);
    }
}
