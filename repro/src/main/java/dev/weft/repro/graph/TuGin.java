package dev.weft.repro.graph;

import dev.weft.autograd.Autograd;
import dev.weft.graph.Graph;
import dev.weft.graph.GraphBatch;
import dev.weft.graph.data.TuDataset;
import dev.weft.graph.models.Gin;
import dev.weft.nn.loss.Losses;
import dev.weft.nn.optim.Adam;
import dev.weft.nn.optim.lr.StepLR;
import dev.weft.repro.Budget;
import dev.weft.repro.Claim;
import dev.weft.repro.Curve;
import dev.weft.repro.DataSet;
import dev.weft.repro.Figure;
import dev.weft.repro.Outcome;
import dev.weft.repro.Paper;
import dev.weft.repro.Reproduction;
import dev.weft.repro.RunContext;
import dev.weft.repro.StepProgress;
import dev.weft.repro.Unit;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GIN-0 graph classification on TUDataset bio sets with the protocol of Xu et al. 2019 (Table 1): stratified
 * 10-fold cross-validation; per fold a fresh GIN (5 layers counting the input: 4 GIN layers with two-layer MLPs and
 * batch norm, hidden 32, sum readout over all depths, dropout 0.5 on the readout), Adam lr 0.01 halved every 50
 * epochs, batches of 32 graphs, 350 epochs; the reported accuracy is that of the single epoch with the best accuracy
 * averaged over the 10 folds (the paper's choice), with the standard deviation over folds at that epoch.
 */
public abstract class TuGin implements Reproduction {
    static final String ACC = "10-fold accuracy", STD = "std over folds", FIGURE = "fold-mean-accuracy";
    static final Paper GIN = new Paper("How Powerful are Graph Neural Networks?", "Keyulu Xu, Weihua Hu, Jure Leskovec, Stefanie Jegelka",
            2019, "ICLR 2019");

    final String dataset;

    TuGin(String dataset) {
        this.dataset = dataset;
    }

    abstract int[] foldsAndEpochs(boolean quick);

    @Override
    public Paper paper() {
        return GIN;
    }

    @Override
    public List<DataSet> data() {
        return List.of(new DataSet("tu/" + dataset, List.of(dataset + "_A.txt", dataset + "_graph_indicator.txt", dataset + "_graph_labels.txt",
                dataset + "_node_labels.txt"), "the TUDataset " + dataset + " in the official text format (see ../shared/data/README.md)"));
    }

    @Override
    public List<Figure> figures() {
        return List.of(new Figure(FIGURE, "GIN-0 on " + dataset + ": test-fold accuracy averaged over folds", "epoch",
                "accuracy (%)", false, "the curve whose maximum the paper reports (its Table 1 protocol)"));
    }

    @Override
    public String protocol() {
        return "Stratified 10-fold cross-validation (folds drawn from the seed); per fold GIN-0: 4 GIN layers (MLP Linear-BN-ReLU-Linear, "
                + "then BN and ReLU), hidden 32, node features the one-hot node labels, graph score = sum over depths 0..4 of "
                + "dropout(0.5, Linear(sum-pool)); Adam lr 0.01 halved every 50 epochs, batches of 32 graphs (shuffled each epoch), 350 "
                + "epochs; the accuracy of the epoch whose fold-mean accuracy is best, as the paper reports it.";
    }

    @Override
    public Outcome run(RunContext ctx) throws Exception {
        TuDataset ds = TuDataset.load(data().get(0).require(name(), ctx.data()), dataset);
        int[] fe = foldsAndEpochs(ctx.quick());
        int folds = fe[0], epochs = fe[1], total = 10;
        Generator g = new Generator(ctx.seed());
        int[] fold = stratifiedFolds(ds, total, g.split());
        double[][] acc = new double[folds][epochs];
        StepProgress progress = ctx.steps((long) folds * epochs);
        for (int f = 0; f < folds; f++) {
            List<Graph> train = new ArrayList<>(), test = new ArrayList<>();
            for (int i = 0; i < ds.size(); i++) (fold[i] == f ? test : train).add(ds.get(i));
            acc[f] = trainFold(ds, train, test, epochs, g.split(), progress, f * epochs);
            progress.report(String.format(Locale.ROOT, "fold %d/%d: final test-fold accuracy %.2f%% (best %.2f%%)", f + 1, folds,
                    acc[f][epochs - 1], max(acc[f])));
        }
        progress.done();
        List<Double> ep = new ArrayList<>(), mean = new ArrayList<>();
        int best = 0;
        double bestMean = -1;
        for (int e = 0; e < epochs; e++) {
            double m = 0;
            for (int f = 0; f < folds; f++) m += acc[f][e] / folds;
            ep.add(e + 1.0);
            mean.add(m);
            if (m > bestMean) {
                bestMean = m;
                best = e;
            }
        }
        double var = 0;
        for (int f = 0; f < folds; f++) var += (acc[f][best] - bestMean) * (acc[f][best] - bestMean) / folds;
        return new Outcome(Map.of(ACC, bestMean, STD, Math.sqrt(var)), List.of(new Curve(FIGURE, "fold-mean accuracy", ep, mean)));
    }

    private static double[] trainFold(TuDataset ds, List<Graph> train, List<Graph> test, int epochs, Generator g, StepProgress progress,
                                      int stepBase) {
        Gin model = new Gin(ds.get(0).numFeatures(), 32, ds.numClasses(), 4, false, 0.5, g.split());
        Adam opt = new Adam(model.parameters(), 0.01);
        StepLR lr = new StepLR(opt, 50, 0.5);
        GraphBatch testBatch = GraphBatch.collate(test);
        Tensor testY = testBatch.graph().y();
        Generator shuffle = g.split();
        double[] acc = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            model.train();
            long[] order = Tensor.randperm(shuffle, train.size()).toLongArray();
            double lossSum = 0;
            for (int b = 0; b < order.length; b += 32) {
                List<Graph> part = new ArrayList<>();
                for (int k = b; k < Math.min(order.length, b + 32); k++) part.add(train.get((int) order[k]));
                if (part.size() < 2) continue;                            // batch norm needs two graphs' nodes at least
                GraphBatch batch = GraphBatch.collate(part);
                Graph bg = batch.graph();
                opt.zeroGrad();
                Tensor loss = Losses.crossEntropy(model.forward(bg.x(), bg.edgeIndex(), batch.batch(), batch.numGraphs()), bg.y());
                Autograd.backward(loss);
                opt.step();
                lossSum += loss.item();
            }
            lr.step();
            model.eval();
            try (var s = Autograd.noGrad()) {
                Graph tg = testBatch.graph();
                Tensor pred = model.forward(tg.x(), tg.edgeIndex(), testBatch.batch(), testBatch.numGraphs()).argmax(1);
                acc[e] = 100 * pred.eq(testY).to(DType.F64).mean().item();
            }
            progress.update(stepBase + e + 1, String.format(Locale.ROOT, "loss %.4f  test fold %.2f%%", lossSum, acc[e]));
        }
        return acc;
    }

    /** Each graph's fold in 0..k-1: the graphs of each class shuffled and dealt round-robin (stratified folds). */
    static int[] stratifiedFolds(TuDataset ds, int k, Generator g) {
        int[] fold = new int[ds.size()];
        int next = 0;
        for (int c = 0; c < ds.numClasses(); c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < ds.size(); i++) if (ds.get(i).y().itemLong() == c) members.add(i);
            long[] perm = Tensor.randperm(g, members.size()).toLongArray();
            for (long p : perm) fold[members.get((int) p)] = next++ % k;
        }
        return fold;
    }

    static double max(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : a) m = Math.max(m, v);
        return m;
    }

    public static final class GinMutag extends TuGin {
        public GinMutag() {
            super("MUTAG");
        }

        @Override
        public String name() {
            return "gin-mutag";
        }

        @Override
        public String description() {
            return "GIN-0 on MUTAG, 10-fold cross-validation: accuracy";
        }

        @Override
        public String quickProtocol() {
            return "the first 5 of the 10 folds and 100 epochs, the rest as in the full protocol.";
        }

        @Override
        int[] foldsAndEpochs(boolean quick) {
            return quick ? new int[] {5, 100} : new int[] {10, 350};
        }

        @Override
        public List<Claim> claims() {
            return List.of(new Claim(ACC, Unit.PERCENT, true, 89.4, 5.6, "Table 1 (GIN-0, MUTAG)", 85.0, 80.0),
                    new Claim(STD, Unit.PERCENT, false, 5.6, Double.NaN, "Table 1 (the ± of GIN-0, MUTAG)", 10.0, 15.0));
        }

        @Override
        public Budget time() {
            return new Budget(150, 30);
        }
    }

    public static final class GinProteins extends TuGin {
        public GinProteins() {
            super("PROTEINS");
        }

        @Override
        public String name() {
            return "gin-proteins";
        }

        @Override
        public String description() {
            return "GIN-0 on PROTEINS, 10-fold cross-validation: accuracy";
        }

        @Override
        public String quickProtocol() {
            return "the first 3 of the 10 folds and 40 epochs, the rest as in the full protocol.";
        }

        @Override
        int[] foldsAndEpochs(boolean quick) {
            return quick ? new int[] {3, 40} : new int[] {10, 350};
        }

        @Override
        public List<Claim> claims() {
            return List.of(new Claim(ACC, Unit.PERCENT, true, 76.2, 2.8, "Table 1 (GIN-0, PROTEINS)", 73.0, 70.0),
                    new Claim(STD, Unit.PERCENT, false, 2.8, Double.NaN, "Table 1 (the ± of GIN-0, PROTEINS)", 6.0, 10.0));
        }

        @Override
        public Budget time() {
            return new Budget(1200, 90);
        }
    }
}
