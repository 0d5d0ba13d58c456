package dev.weft.repro.graph;

import dev.weft.autograd.Autograd;
import dev.weft.graph.Graph;
import dev.weft.graph.data.PlanetoidText;
import dev.weft.nn.Module;
import dev.weft.nn.loss.Losses;
import dev.weft.nn.optim.Optimizer;
import dev.weft.repro.Curve;
import dev.weft.repro.DataSet;
import dev.weft.repro.StepProgress;
import dev.weft.repro.RunContext;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * The transductive node-classification protocol the Planetoid papers share (Kipf and Welling's, PyG's examples):
 * the public split (20 labelled nodes per class, 500 validation, 1,000 test), features row-normalized (PyG's
 * NormalizeFeatures), full-batch training with cross-entropy on the training nodes, evaluated every epoch; the
 * reported test accuracy is the one at the epoch of best validation accuracy (first such epoch).
 */
final class PlanetoidRun {
    private PlanetoidRun() {}

    static DataSet dataSet(String name) {
        return new DataSet("planetoid/" + name, List.of(name + ".edges", name + ".features", name + ".labels", name + ".split"),
                "the Planetoid " + name + " graph in plain text (" + name + ".edges/.features/.labels/.split, see ../shared/data/README.md)");
    }

    /** The graph with row-normalized features. */
    static Graph load(RunContext ctx, String repro, String name) throws IOException {
        Path dir = dataSet(name).require(repro, ctx.data());
        Graph g = PlanetoidText.load(dir, name);
        Tensor x = g.x(), s = x.sum(new int[] {1}, true);
        return g.withX(x.div(s.maskedFill(s.eq(0.0), 1.0)));
    }

    /** Result of one training run. */
    record Run(double testAtBestVal, double bestVal, int bestEpoch, double testAtEnd, List<Curve> curves) {}

    /** Trains model for epochs; forward(model, graph) gives logits (N, C). */
    static Run train(Graph g, Module model, Optimizer opt, int epochs, BiFunction<Module, Graph, Tensor> forward, String figure,
                     StepProgress progress) {
        Tensor y = g.y(), train = nonzero(g.trainMask()), val = nonzero(g.valMask()), test = nonzero(g.testMask());
        Tensor yTrain = y.indexSelect(0, train);
        double bestVal = -1, testAtBest = Double.NaN, last = Double.NaN;
        int bestEpoch = 0;
        List<Double> ep = new ArrayList<>(), valAcc = new ArrayList<>(), trainLoss = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            model.train();
            opt.zeroGrad();
            Tensor loss = Losses.crossEntropy(forward.apply(model, g).indexSelect(0, train), yTrain);
            Autograd.backward(loss);
            opt.step();
            double va, te;
            model.eval();
            try (var s = Autograd.noGrad()) {
                Tensor pred = forward.apply(model, g).argmax(1);
                va = accuracy(pred, y, val);
                te = accuracy(pred, y, test);
            }
            last = te;
            if (va > bestVal) {
                bestVal = va;
                testAtBest = te;
                bestEpoch = e;
            }
            ep.add((double) e);
            valAcc.add(100 * va);
            trainLoss.add(loss.item());
            progress.update(e, String.format(Locale.ROOT, "loss %.4f  val %.2f%%", loss.item(), 100 * va));
        }
        progress.report(String.format(Locale.ROOT, "best validation %.2f%% at epoch %d: test %.2f%%; test after the last epoch %.2f%%",
                100 * bestVal, bestEpoch, 100 * testAtBest, 100 * last));
        progress.done();
        return new Run(100 * testAtBest, 100 * bestVal, bestEpoch, 100 * last, List.of(new Curve(figure, "validation accuracy (%)", ep, valAcc)));
    }

    static Tensor nonzero(Tensor mask) {
        return dev.weft.tensor.Indexing.nonzero(mask).reshape(-1);
    }

    static double accuracy(Tensor pred, Tensor y, Tensor idx) {
        return pred.indexSelect(0, idx).eq(y.indexSelect(0, idx)).to(DType.F64).mean().item();
    }
}
