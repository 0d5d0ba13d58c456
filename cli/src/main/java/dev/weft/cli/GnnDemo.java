package dev.weft.cli;

import dev.weft.autograd.Autograd;
import dev.weft.graph.Graph;
import dev.weft.graph.data.ContextualSbm;
import dev.weft.graph.models.KipfGcn;
import dev.weft.nn.Sequential;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.nn.loss.Losses;
import dev.weft.nn.optim.Adam;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The demo's graph part: a contextual stochastic block model (1,500 nodes, 4 classes, 32 noisy features, mean degree
 * 10, homophily 0.8; seeded), 10% of the nodes labelled; a two-layer GCN (sparse propagation) against an MLP of the
 * same widths that sees the features only. The features alone are weak (low signal), so the gap is what the edges add.
 */
final class GnnDemo {
    private GnnDemo() {}

    static final int NODES = 1500, CLASSES = 4, FEATURES = 32;

    static void run(PrintStream out, int epochs) {
        out.println("\n== A graph neural network on generated data (contextual SBM, sparse message passing)");
        long t0 = System.nanoTime();
        Generator g = new Generator(5);
        Graph graph = ContextualSbm.generate(NODES, CLASSES, FEATURES, 10, 0.8, 0.3, g);
        Tensor perm = Tensor.randperm(g, NODES);
        Tensor train = perm.narrow(0, 0, NODES / 10), test = perm.narrow(0, NODES / 10, NODES - NODES / 10);
        out.printf(Locale.ROOT, "graph: %d nodes, %d edges, %d classes, %d features; %d labelled (%.1f s to generate)%n", NODES,
                graph.numEdges(), CLASSES, FEATURES, train.numel(), (System.nanoTime() - t0) / 1e9);
        KipfGcn gcn = new KipfGcn(FEATURES, 16, CLASSES, 0.5, g.split());
        Sequential mlp = new Sequential(new Linear(FEATURES, 16, true, g.split()), new ReLU(), new Linear(16, CLASSES, true, g.split()));
        double[] a = fit("GCN (2 layers, 16 hidden)", out, epochs, gcn.parameters(), () -> gcn.forward(graph.x(), graph.edgeIndex()),
                gcn::train, graph, train, test);
        double[] b = fit("MLP (features only)      ", out, epochs, mlp.parameters(), () -> mlp.forward(graph.x()), mlp::train, graph, train, test);
        out.printf(Locale.ROOT, "the edges add %.1f points of accuracy%n", 100 * (a[0] - b[0]));
    }

    /** Trains for epochs with Adam (lr 0.01, weight decay 5e-4); {test accuracy, seconds}. */
    private static double[] fit(String label, PrintStream out, int epochs, Iterable<Tensor> params, Supplier<Tensor> forward,
                                java.util.function.Consumer<Boolean> mode, Graph graph, Tensor train, Tensor test) {
        Adam opt = new Adam(params, Adam.options().lr(0.01).weightDecay(5e-4));
        Tensor y = graph.y(), yTrain = y.indexSelect(0, train);
        long t0 = System.nanoTime();
        for (int e = 0; e < epochs; e++) {
            mode.accept(true);
            opt.zeroGrad();
            Autograd.backward(Losses.crossEntropy(forward.get().indexSelect(0, train), yTrain));
            opt.step();
        }
        double s = (System.nanoTime() - t0) / 1e9, acc;
        mode.accept(false);
        try (var ng = Autograd.noGrad()) {
            acc = forward.get().argmax(1).indexSelect(0, test).eq(y.indexSelect(0, test)).to(DType.F64).mean().item();
        }
        out.printf(Locale.ROOT, "%s: test accuracy %.1f%% after %d full-batch epochs (%.2f s, %.1f ms per epoch)%n", label, 100 * acc, epochs,
                s, 1000 * s / epochs);
        return new double[] {acc, s};
    }
}
