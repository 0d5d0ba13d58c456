package dev.weft.repro.graph;

import dev.weft.graph.Graph;
import dev.weft.graph.models.KipfGcn;
import dev.weft.graph.models.PlanetoidGat;
import dev.weft.graph.nn.SGConv;
import dev.weft.nn.Module;
import dev.weft.nn.optim.Adam;
import dev.weft.nn.optim.Optimizer;
import dev.weft.nn.optim.ParamGroup;
import dev.weft.repro.Budget;
import dev.weft.repro.Claim;
import dev.weft.repro.DataSet;
import dev.weft.repro.Figure;
import dev.weft.repro.Outcome;
import dev.weft.repro.Paper;
import dev.weft.repro.Reproduction;
import dev.weft.repro.RunContext;
import dev.weft.repro.Setting;
import dev.weft.repro.Unit;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Node classification on the Planetoid citation graphs with the public split: gcn-cora, gcn-citeseer (Kipf and
 * Welling 2017, Table 2), sgc-cora (Wu et al. 2019, Table 2), gat-cora (Veličković et al. 2018, Table 2). Each
 * reports test accuracy at the epoch of best validation accuracy ({@link PlanetoidRun}; SGC: after the last epoch, as
 * its paper); run with --seeds 10 for
 * the mean over 10 seeds the papers report.
 */
public abstract class Planetoid implements Reproduction {
    static final String ACC = "test accuracy", FIGURE = "validation-curve";
    static final Paper GCN = new Paper("Semi-Supervised Classification with Graph Convolutional Networks", "Thomas N. Kipf, Max Welling",
            2017, "ICLR 2017");

    final String dataset, title;

    Planetoid(String dataset, String title) {
        this.dataset = dataset;
        this.title = title;
    }

    /** The model, from the run's settings. */
    abstract Module model(Graph g, Generator gen, RunContext ctx);

    /** The optimizer, from the run's settings. */
    abstract Optimizer optimizer(Module m, RunContext ctx);

    abstract int epochs(boolean quick);

    abstract Tensor forward(Module m, Graph g);

    /** True: report the test accuracy at the epoch of best validation accuracy; false: after the last epoch. */
    boolean selectByValidation() {
        return true;
    }

    @Override
    public List<DataSet> data() {
        return List.of(PlanetoidRun.dataSet(dataset));
    }

    @Override
    public List<Figure> figures() {
        return List.of(new Figure(FIGURE, title + ": validation accuracy", "epoch", "validation accuracy (%)", false,
                "not a figure of the paper (it reports tables only): Weft's validation accuracy per epoch"));
    }

    @Override
    public Outcome run(RunContext ctx) throws Exception {
        Graph g = PlanetoidRun.load(ctx, name(), dataset);
        Generator gen = new Generator(ctx.seed());
        Module m = model(g, gen, ctx);
        int epochs = epochs(ctx.quick());
        PlanetoidRun.Run r = PlanetoidRun.train(g, m, optimizer(m, ctx), epochs, this::forward, FIGURE, ctx.steps(epochs));
        return new Outcome(Map.of(ACC, selectByValidation() ? r.testAtBestVal() : r.testAtEnd()), r.curves());
    }

    static int classes(Graph g) {
        return (int) g.y().max().itemLong() + 1;
    }

    /** Kipf and Welling's GCN: 16 hidden, dropout 0.5, Adam lr 0.01, weight decay 5e-4 on the first layer, 200 epochs. */
    abstract static class Gcn extends Planetoid {
        Gcn(String dataset, String title) {
            super(dataset, title);
        }

        @Override
        public Paper paper() {
            return GCN;
        }

        @Override
        public String protocol() {
            return "Public split (20 labels per class, 500 validation, 1,000 test nodes), row-normalized features; two GCN layers "
                    + "(16 hidden, ReLU, dropout 0.5 before each layer), Adam lr 0.01 with weight decay 5e-4 on the first layer, "
                    + "200 full-batch epochs; the test accuracy at the epoch of best validation accuracy (the paper: early "
                    + "stopping on the validation loss with a window of 10). Mean over seeds (--seeds 10 for the paper's 10).";
        }

        @Override
        public String quickProtocol() {
            return "100 epochs, the rest as in the full protocol.";
        }

        @Override
        public Budget time() {
            return new Budget(6, 3);
        }

        @Override
        public List<Setting> settings() {
            return List.of(Setting.ofDouble("lr", 0.01, "Adam's learning rate"),
                    Setting.ofDouble("weight_decay", 5e-4, "Adam's L2 weight decay on the first layer (the second has none)"),
                    Setting.ofDouble("dropout", 0.5, "dropout probability before each GCN layer"),
                    Setting.ofInt("hidden", 16, "hidden units of the first GCN layer"));
        }

        @Override
        Module model(Graph g, Generator gen, RunContext ctx) {
            return new KipfGcn(g.numFeatures(), ctx.intSetting("hidden"), classes(g), ctx.doubleSetting("dropout"), gen);
        }

        @Override
        Optimizer optimizer(Module m, RunContext ctx) {
            KipfGcn k = (KipfGcn) m;
            return new Adam(List.of(new ParamGroup(k.conv1().parameters(), Adam.options().weightDecay(ctx.doubleSetting("weight_decay"))),
                    new ParamGroup(k.conv2().parameters(), Adam.options().weightDecay(0))), Adam.options().lr(ctx.doubleSetting("lr")));
        }

        @Override
        int epochs(boolean quick) {
            return quick ? 100 : 200;
        }

        @Override
        Tensor forward(Module m, Graph g) {
            return ((KipfGcn) m).forward(g.x(), g.edgeIndex());
        }
    }

    public static final class GcnCora extends Gcn {
        public GcnCora() {
            super("cora", "GCN on Cora");
        }

        @Override
        public String name() {
            return "gcn-cora";
        }

        @Override
        public String description() {
            return "2-layer GCN on Cora (public split): test accuracy";
        }

        @Override
        public List<Claim> claims() {
            return List.of(new Claim(ACC, Unit.PERCENT, true, 81.5, Double.NaN, "Table 2 (GCN, Cora)", 80.5, 79.0));
        }
    }

    public static final class GcnCiteseer extends Gcn {
        public GcnCiteseer() {
            super("citeseer", "GCN on CiteSeer");
        }

        @Override
        public String name() {
            return "gcn-citeseer";
        }

        @Override
        public String description() {
            return "2-layer GCN on CiteSeer (public split): test accuracy";
        }

        @Override
        public List<Claim> claims() {
            return List.of(new Claim(ACC, Unit.PERCENT, true, 70.3, Double.NaN, "Table 2 (GCN, Citeseer)", 69.5, 68.0));
        }
    }

    /** SGC: Â^2 X precomputed, one linear layer; Adam lr 0.2, weight decay 5e-5, 100 epochs, test accuracy after the last epoch. */
    public static final class SgcCora extends Planetoid {
        public SgcCora() {
            super("cora", "SGC (K = 2) on Cora");
        }

        @Override
        public String name() {
            return "sgc-cora";
        }

        @Override
        public String description() {
            return "SGC (K = 2) on Cora (public split): test accuracy";
        }

        @Override
        public Paper paper() {
            return new Paper("Simplifying Graph Convolutional Networks", "Felix Wu, Tianyi Zhang, Amauri Holanda de Souza Jr., "
                    + "Christopher Fifty, Tao Yu, Kilian Q. Weinberger", 2019, "ICML 2019");
        }

        @Override
        public String protocol() {
            return "Public split, row-normalized features; SGConv with K = 2 (Â^2 X computed once, cached) then one linear layer, no "
                    + "dropout, Adam lr 0.2 with weight decay 5e-5, 100 full-batch epochs; the test accuracy after the last epoch, as "
                    + "the SGC paper reports it (no model selection). Mean over seeds (--seeds 10).";
        }

        @Override
        public String quickProtocol() {
            return "50 epochs, the rest as in the full protocol.";
        }

        @Override
        public List<Claim> claims() {
            return List.of(new Claim(ACC, Unit.PERCENT, true, 81.0, 0.0, "Table 2 (SGC, Cora)", 80.0, 78.0));
        }

        @Override
        public Budget time() {
            return new Budget(3, 2);
        }

        @Override
        public List<Setting> settings() {
            return List.of(Setting.ofDouble("lr", 0.2, "Adam's learning rate"),
                    Setting.ofDouble("weight_decay", 5e-5, "Adam's L2 weight decay"),
                    Setting.ofInt("k", 2, "propagation steps K (the features become Â^K X)"));
        }

        @Override
        Module model(Graph g, Generator gen, RunContext ctx) {
            return new SGConv(SGConv.options(g.numFeatures(), classes(g)).K(ctx.intSetting("k")).cached(true).generator(gen));
        }

        @Override
        Optimizer optimizer(Module m, RunContext ctx) {
            return new Adam(m.parameters(), Adam.options().lr(ctx.doubleSetting("lr")).weightDecay(ctx.doubleSetting("weight_decay")));
        }

        @Override
        int epochs(boolean quick) {
            return quick ? 50 : 100;
        }

        @Override
        boolean selectByValidation() {
            return false;
        }

        @Override
        Tensor forward(Module m, Graph g) {
            return ((SGConv) m).forward(g.x(), g.edgeIndex());
        }
    }

    /** GAT: 8 heads of 8 features, ELU, one output head, dropout 0.6 (features and attention), Adam lr 0.005, wd 5e-4. */
    public static final class GatCora extends Planetoid {
        public GatCora() {
            super("cora", "GAT on Cora");
        }

        @Override
        public String name() {
            return "gat-cora";
        }

        @Override
        public String description() {
            return "GAT (8 heads x 8 hidden) on Cora (public split): test accuracy";
        }

        @Override
        public Paper paper() {
            return new Paper("Graph Attention Networks", "Petar Veličković, Guillem Cucurull, Arantxa Casanova, Adriana Romero, "
                    + "Pietro Liò, Yoshua Bengio", 2018, "ICLR 2018");
        }

        @Override
        public String protocol() {
            return "Public split, row-normalized features; GATConv(8 heads x 8, ELU) and GATConv(7 classes, 1 head), dropout 0.6 on "
                    + "each layer's input and on the attention coefficients, self loops; Adam lr 0.005, weight decay 5e-4, 300 "
                    + "full-batch epochs; the test accuracy at the epoch of best validation accuracy (the paper: early stopping "
                    + "with patience 100 on validation loss and accuracy). Mean over seeds (--seeds 10).";
        }

        @Override
        public String quickProtocol() {
            return "100 epochs, the rest as in the full protocol.";
        }

        @Override
        public List<Claim> claims() {
            return List.of(new Claim(ACC, Unit.PERCENT, true, 83.0, 0.7, "Table 2 (GAT, Cora)", 82.0, 78.0));
        }

        @Override
        public Budget time() {
            return new Budget(40, 15);
        }

        @Override
        Module model(Graph g, Generator gen, RunContext ctx) {
            return new PlanetoidGat(g.numFeatures(), 8, 8, classes(g), 1, 0.6, gen);
        }

        @Override
        Optimizer optimizer(Module m, RunContext ctx) {
            return new Adam(m.parameters(), Adam.options().lr(0.005).weightDecay(5e-4));
        }

        @Override
        int epochs(boolean quick) {
            return quick ? 100 : 300;
        }

        @Override
        Tensor forward(Module m, Graph g) {
            return ((PlanetoidGat) m).forward(g.x(), g.edgeIndex());
        }
    }
}
