package dev.weft.repro.graph;

import dev.weft.autograd.Autograd;
import dev.weft.graph.Graph;
import dev.weft.graph.data.KarateClub;
import dev.weft.graph.models.Node2Vec;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.loss.Losses;
import dev.weft.nn.optim.Adam;
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
 * node2vec on Zachary's karate club (Grover and Leskovec 2016, the community structure of their Fig. 3 on a
 * small graph): 16-d embeddings from biased walks, then a logistic regression on half of each club's members
 * (seeded) predicting the club of the other half. The clubs are the two factions the club split into.
 */
public final class Node2VecKarate implements Reproduction {
    static final String ACC = "held-out club accuracy", FIGURE = "node2vec-loss";
    static final DataSet KARATE = new DataSet("misc", List.of("karate.edges", "karate.labels"),
            "Zachary's karate club (misc/karate.edges and misc/karate.labels, see ../shared/data/README.md)");

    @Override
    public String name() {
        return "node2vec-karate";
    }

    @Override
    public String description() {
        return "node2vec embeddings of the karate club: logistic-regression accuracy of the two clubs";
    }

    @Override
    public Paper paper() {
        return new Paper("node2vec: Scalable Feature Learning for Networks", "Aditya Grover, Jure Leskovec", 2016, "KDD 2016");
    }

    @Override
    public String protocol() {
        return "Embedding dim 16, 10 walks per node of 20 steps, context window 5, p = 1, q = 0.5 (outward, community-finding), "
                + "1 negative window per positive one; Adam lr 0.01 on the skip-gram loss, 150 epochs over all nodes; then a "
                + "logistic regression (Linear 16 -> 2, Adam lr 0.05, 300 steps) trained on half of each club's members and "
                + "scored on the other half. The paper shows the communities qualitatively (Les Misérables); the claim is "
                + "that the two clubs separate.";
    }

    @Override
    public String quickProtocol() {
        return "the full protocol (it takes a few seconds); only the verdict uses the looser quick bound.";
    }

    @Override
    public List<Claim> claims() {
        return List.of(new Claim(ACC, Unit.PERCENT, true, Double.NaN, Double.NaN,
                "the paper has no karate-club number; the two factions are separable from the graph alone", 90.0, 80.0));
    }

    @Override
    public List<Figure> figures() {
        return List.of(new Figure(FIGURE, "node2vec on the karate club: skip-gram loss", "epoch", "loss", false,
                "Weft's training curve (not a figure of the paper)"));
    }

    @Override
    public List<DataSet> data() {
        return List.of(KARATE);
    }

    @Override
    public Budget time() {
        return new Budget(8, 4);
    }

    @Override
    public Outcome run(RunContext ctx) throws Exception {
        Graph g = KarateClub.load(KARATE.require(name(), ctx.data()));
        Generator gen = new Generator(ctx.seed());
        Node2Vec model = new Node2Vec(g, 16, 20, 5, 10, 1.0, 0.5, 1, gen.split());
        Adam opt = new Adam(model.parameters(), 0.01);
        int epochs = 150, n = g.numNodes();
        long[] all = new long[n];
        for (int i = 0; i < n; i++) all[i] = i;
        List<Double> ep = new ArrayList<>(), losses = new ArrayList<>();
        StepProgress progress = ctx.steps(epochs);
        for (int e = 1; e <= epochs; e++) {
            opt.zeroGrad();
            Tensor loss = model.loss(all);
            Autograd.backward(loss);
            opt.step();
            ep.add((double) e);
            losses.add(loss.item());
            progress.update(e, String.format(Locale.ROOT, "loss %.4f", loss.item()));
        }
        progress.done();
        double acc = logisticRegression(model.embedding().detach(), g.y(), gen.split());
        ctx.log().printf(Locale.ROOT, "logistic regression on half of each club: held-out accuracy %.2f%%%n", acc);
        return new Outcome(Map.of(ACC, acc), List.of(new Curve(FIGURE, "skip-gram loss", ep, losses)));
    }

    /** Train on a stratified half of the nodes, the accuracy (%) on the other half. */
    static double logisticRegression(Tensor z, Tensor y, Generator g) {
        long[] labels = y.toLongArray();
        List<Long> train = new ArrayList<>(), test = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            List<Long> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) if (labels[i] == c) members.add((long) i);
            long[] perm = Tensor.randperm(g, members.size()).toLongArray();
            for (int k = 0; k < perm.length; k++) (k < perm.length / 2 ? train : test).add(members.get((int) perm[k]));
        }
        Tensor tr = Tensor.of(train.stream().mapToLong(Long::longValue).toArray()), te = Tensor.of(test.stream().mapToLong(Long::longValue).toArray());
        Linear clf = new Linear(z.size(1), 2, true, g.split());
        Adam opt = new Adam(clf.parameters(), 0.05);
        Tensor ztr = z.indexSelect(0, tr), ytr = y.indexSelect(0, tr);
        for (int s = 0; s < 300; s++) {
            opt.zeroGrad();
            Autograd.backward(Losses.crossEntropy(clf.forward(ztr), ytr));
            opt.step();
        }
        try (var s = Autograd.noGrad()) {
            Tensor pred = clf.forward(z.indexSelect(0, te)).argmax(1);
            return 100 * pred.eq(y.indexSelect(0, te)).to(DType.F64).mean().item();
        }
    }
}
