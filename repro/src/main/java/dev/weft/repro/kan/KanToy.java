package dev.weft.repro.kan;

import dev.weft.autograd.Autograd;
import dev.weft.nn.kan.KAN;
import dev.weft.nn.kan.symbolic.SymbolicChoice;
import dev.weft.nn.optim.LBFGS;
import dev.weft.repro.Budget;
import dev.weft.repro.Claim;
import dev.weft.repro.Curve;
import dev.weft.repro.Figure;
import dev.weft.repro.Outcome;
import dev.weft.repro.Paper;
import dev.weft.repro.Reproduction;
import dev.weft.repro.RunContext;
import dev.weft.repro.StepProgress;
import dev.weft.repro.Unit;
import dev.weft.repro.kan.plot.KanPlot;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The KAN paper's toy function f(x, y) = exp(sin(pi x) + y^2) (Liu et al. 2024): grid extension of a [2, 5, 1]
 * KAN, its train and test RMSE falling in a staircase as the grid grows 3 -> 5 -> 10 -> 20 -> 50 (Fig. 2.3), then
 * the interpretability steps of Sec. 2.5 (Fig. 2.4): sparsify, prune to [2, 1, 1], fix every edge to a library
 * function and read the formula off the model. Data are generated (seeded), no files are needed. With an output
 * folder it also writes the network plots of Fig. 2.4 (after sparsification, and pruned and symbolic: {@link KanPlot})
 * and the final model ({@link KanCheckpoint}).
 */
public final class KanToy implements Reproduction {
    static final String BEST = "test MSE, best of G = 20 and 50", SYMBOLIC = "test MSE of the symbolic formula",
            PRUNED = "pruned to [2, 1, 1]", FORMULA = "formula recovered (exp, sin(pi x_1), x_2^2)";
    static final String STAIRCASE = "staircase", BY_GRID = "rmse-by-grid", NETWORK = "network", NETWORK_SPARSIFIED = "network-sparsified";
    static final int[] GRIDS = {3, 5, 10, 20, 50};
    /** The library of pykan's tutorial for this function. */
    static final List<String> LIB = List.of("x", "x^2", "x^3", "x^4", "exp", "log", "sqrt", "tanh", "sin", "abs");
    /** The formula with any constants: an outer exp of sin(3.14 x_1) plus x_2^2. */
    static final String C = "\\d+\\.\\d+", SHAPE = "^(" + C + "\\*)?exp\\((" + C + "\\*)?sin\\(3\\.1[45]\\*x_1( [+-] " + C + ")?\\) \\+ ("
            + C + "\\*)?x_2\\^2( [+-] " + C + ")?\\)( [+-] " + C + ")?$";

    @Override
    public String name() {
        return "kan-toy";
    }

    @Override
    public String description() {
        return "KAN on exp(sin(pi x) + y^2): RMSE staircase under grid extension, pruning and the symbolic formula";
    }

    @Override
    public Paper paper() {
        return new Paper("KAN: Kolmogorov-Arnold Networks", "Ziming Liu, Yixuan Wang, Sachin Vaidya, Fabian Ruehle, James Halverson, "
                + "Marin Soljačić, Thomas Y. Hou, Max Tegmark", 2024, "arXiv:2404.19756; ICLR 2025");
    }

    @Override
    public String protocol() {
        return "f(x, y) = exp(sin(pi x) + y^2), 1,000 training and 1,000 test points uniform on [-1, 1]^2 (seeded), F64. A [2, 5, 1] "
                + "KAN (pykan's MultKAN defaults: k = 3, SiLU base, noise 0.3) starts at G = 3 and is refined to G = 5, 10, 20, 50 "
                + "(grid extension: the new splines fit to the old ones on the training inputs); at each G, 200 steps of LBFGS "
                + "(lr 1, history 10, strong Wolfe, 20 iterations a step, pykan's fit) on the training MSE, the grids updated "
                + "from the samples every 5 steps during the first 50 (pykan's update_grid). Train and test RMSE after every step "
                + "make the staircase. Then, at G = 50: 100 steps with the sparsity regularizer (lambda 0.01, entropy weight 10), "
                + "prune (pykan's thresholds: nodes 1e-2, edges 3e-2), 100 steps on the pruned model, auto-symbolic over "
                + LIB + " (pykan's weighting of R^2 and complexity), 100 steps on the affine constants of the formula, "
                + "and the formula printed with two decimals. The paper reports the staircase as a figure (no table); "
                + "our bounds: test RMSE <= 1e-3 (MSE <= 1e-6) once G >= 20, the formula's test RMSE too.";
    }

    @Override
    public String quickProtocol() {
        return "20 LBFGS steps per grid and for each later phase (instead of 200 and 100), the rest as in the full protocol.";
    }

    @Override
    public List<Claim> claims() {
        String fig = "Fig. 2.3 plots the [2, 5, 1] staircase (RMSE on a log scale against steps, G = 3 .. 1000); the paper gives "
                + "no table";
        return List.of(
                new Claim(BEST, Unit.MSE, false, Double.NaN, Double.NaN, fig, 1e-6, 4e-6),
                new Claim(SYMBOLIC, Unit.MSE, false, Double.NaN, Double.NaN,
                        "Sec. 2.5: once symbolic, the model's constants train to machine precision", 1e-6, 1e-5),
                new Claim(PRUNED, Unit.PERCENT, true, 100, Double.NaN, "Fig. 2.4: pruning leaves the [2, 1, 1] KAN", 100, 100),
                new Claim(FORMULA, Unit.PERCENT, true, 100, Double.NaN,
                        "Fig. 2.4: exp(sin(pi x) + y^2) recovered (100% = the structure found, averaged over seeds)", 100, 100));
    }

    @Override
    public List<Figure> figures() {
        return List.of(
                new Figure(STAIRCASE, "KAN [2, 5, 1] on exp(sin(pi x) + y^2): grid extension 3 -> 5 -> 10 -> 20 -> 50",
                        "LBFGS step", "RMSE (log scale)", true, "Fig. 2.3, top left (the paper continues to G = 1000)"),
                new Figure(BY_GRID, "KAN [2, 5, 1]: RMSE after training at each grid size", "grid size G", "RMSE (log scale)", true,
                        "Fig. 2.3, bottom left (test loss against G, with G^-2, G^-3 and G^-4 lines; ours: the G^-4 line through G = 3)"));
    }

    @Override
    public Budget time() {
        return new Budget(90, 20);
    }

    static Tensor target(Tensor x) {
        return x.select(1, 0).mul(Math.PI).sin().add(x.select(1, 1).square()).exp().unsqueeze(1);
    }

    static double rmse(KAN m, Tensor x, Tensor y) {
        try (var s = Autograd.noGrad()) {
            return m.forward(x).sub(y).square().mean().sqrt().item();
        }
    }

    /**
     * pykan's fit: steps of LBFGS on the MSE (+ lamb * reg with entropy weight lambEntropy when lamb > 0), the grid
     * updated from x every 5 steps among the first 50 when updateGrid; after each step, onStep gets the step's index.
     */
    static void fit(KAN m, Tensor x, Tensor y, int steps, double lamb, double lambEntropy, boolean updateGrid, java.util.function.IntConsumer onStep) {
        LBFGS opt = new LBFGS(m.parameters(), LBFGS.options().lr(1).historySize(10).strongWolfe().toleranceGrad(1e-32).toleranceChange(1e-32));
        for (int s = 0; s < steps; s++) {
            if (updateGrid && s % 5 == 0 && s < 50) m.updateGridFromSamples(x);
            opt.step(() -> {
                opt.zeroGrad();
                Tensor loss;
                if (lamb > 0) {
                    KAN.Activations a = m.forwardActivations(x);
                    loss = a.y().sub(y).square().mean().add(m.reg(a, 1, lambEntropy, 0, 0).mul(lamb));
                } else {
                    loss = m.forward(x).sub(y).square().mean();
                }
                Autograd.backward(loss);
                return loss;
            });
            onStep.accept(s);
        }
    }

    @Override
    public Outcome run(RunContext ctx) throws IOException {
        boolean quick = ctx.quick();
        int perGrid = quick ? 20 : 200, later = quick ? 20 : 100;
        Generator g = new Generator(ctx.seed());
        Tensor xTrain = Tensor.rand(g.split(), DType.F64, 1000, 2).mul(2).sub(1), xTest = Tensor.rand(g.split(), DType.F64, 1000, 2).mul(2).sub(1);
        Tensor yTrain = target(xTrain), yTest = target(xTest);
        KAN model = new KAN(KAN.options(2, 5, 1).grid(GRIDS[0]).generator(g.split()));
        model.to(DType.F64);

        List<Double> steps = new ArrayList<>(), trainCurve = new ArrayList<>(), testCurve = new ArrayList<>();
        List<Double> grids = new ArrayList<>(), trainByGrid = new ArrayList<>(), testByGrid = new ArrayList<>();
        StepProgress progress = ctx.steps((long) perGrid * GRIDS.length + 3L * later);
        long t0 = System.nanoTime();
        double best = Double.POSITIVE_INFINITY;
        for (int gi = 0; gi < GRIDS.length; gi++) {
            int grid = GRIDS[gi], done = gi * perGrid;
            if (gi > 0) model = model.refine(grid, xTrain);
            KAN m = model;
            fit(m, xTrain, yTrain, perGrid, 0, 0, true, s -> {
                double tr = rmse(m, xTrain, yTrain), te = rmse(m, xTest, yTest);
                steps.add((double) (done + s + 1));
                trainCurve.add(tr);
                testCurve.add(te);
                progress.update(done + s + 1, String.format(Locale.ROOT, "G = %d  train RMSE %.2e  test RMSE %.2e", grid, tr, te));
            });
            double tr = rmse(m, xTrain, yTrain), te = rmse(m, xTest, yTest);
            grids.add((double) grid);
            trainByGrid.add(tr);
            testByGrid.add(te);
            if (grid >= 20) best = Math.min(best, te * te);
            progress.report(String.format(Locale.ROOT, "G = %2d: train RMSE %.3e  test RMSE %.3e  (%.1f s)", grid, tr, te, seconds(t0)));
        }
        long base = (long) perGrid * GRIDS.length;

        // Sec. 2.5: sparsify, prune, retrain, symbolize, retrain the constants
        KAN dense = model;
        fit(dense, xTrain, yTrain, later, 0.01, 10, false, s -> progress.update(base + s + 1, "sparsifying"));
        progress.report(String.format(Locale.ROOT, "sparsified (lambda 0.01): train RMSE %.3e  (%.1f s)", rmse(dense, xTrain, yTrain), seconds(t0)));
        List<String> files = new ArrayList<>(plot(ctx, progress::report, dense, xTrain, NETWORK_SPARSIFIED,
                "KAN [2, 5, 1] after sparsification"));
        KAN pruned = dense.prune(xTrain);
        boolean shape211 = Arrays.equals(pruned.width(), new int[] {2, 1, 1});
        fit(pruned, xTrain, yTrain, later, 0, 0, true, s -> progress.update(base + later + s + 1, "training the pruned model"));
        progress.report(String.format(Locale.ROOT, "pruned to %s: train RMSE %.3e  test RMSE %.3e  (%.1f s)", Arrays.toString(pruned.width()),
                rmse(pruned, xTrain, yTrain), rmse(pruned, xTest, yTest), seconds(t0)));
        List<SymbolicChoice> choices = pruned.autoSymbolic(xTrain, LIB);
        for (SymbolicChoice c : choices) progress.report("  " + c);
        fit(pruned, xTrain, yTrain, later, 0, 0, false, s -> progress.update(base + 2L * later + s + 1, "training the formula's constants"));
        progress.done();
        double symTest = rmse(pruned, xTest, yTest);
        List<String> formula = pruned.symbolicFormula();
        boolean recovered = shape211 && formula.size() == 1 && formula.get(0).matches(SHAPE);
        ctx.log().printf(Locale.ROOT, "formula: %s  (test RMSE %.3e; the paper's: exp(sin(pi x_1) + x_2^2))  (%.1f s)%n", formula, symTest, seconds(t0));
        files.addAll(plot(ctx, ctx.log()::println, pruned, xTrain, NETWORK, "KAN " + Arrays.toString(pruned.width()) + ": " + String.join(", ", formula)));
        Path saved = ctx.outFile(name(), "model.safetensors");
        if (saved != null) {
            KanCheckpoint.save(pruned, saved);
            ctx.log().println("model:        " + saved.toAbsolutePath() + "  (./weft kan plot draws it)");
        }

        List<Double> ref = new ArrayList<>();
        for (double gsz : grids) ref.add(testByGrid.get(0) * Math.pow(gsz / GRIDS[0], -4));
        return new Outcome(
                Map.of(BEST, best, SYMBOLIC, symTest * symTest, PRUNED, shape211 ? 100.0 : 0.0, FORMULA, recovered ? 100.0 : 0.0),
                List.of(new Curve(STAIRCASE, "train RMSE", steps, trainCurve), new Curve(STAIRCASE, "test RMSE", steps, testCurve),
                        new Curve(BY_GRID, "train RMSE", grids, trainByGrid), new Curve(BY_GRID, "test RMSE", grids, testByGrid),
                        new Curve(BY_GRID, "G^-4 (through G = 3)", grids, ref)), files);
    }

    /**
     * Writes the network plot of m (pykan's plot(), scores and curve ranges from the training inputs) as
     * out/kan-toy[-quick]-suffix.png and .svg and says where (to say); returns the file names, none when the run has no out.
     */
    private List<String> plot(RunContext ctx, java.util.function.Consumer<String> say, KAN m, Tensor x, String suffix, String title)
            throws IOException {
        Path base = ctx.outFile(name(), suffix);
        if (base == null) return List.of();
        List<Path> written = KanPlot.write(m, x, base, KanPlot.options().title(title));
        say.accept("network plot: " + written.get(0).toAbsolutePath() + ", .svg  (" + title + ")");
        return written.stream().map(p -> p.getFileName().toString()).toList();
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
