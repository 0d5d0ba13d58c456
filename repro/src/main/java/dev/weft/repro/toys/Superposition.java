package dev.weft.repro.toys;

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
import dev.weft.plot.Charts;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "Toy Models of Superposition" (Elhage et al. 2022, sec. 2-3, Fig. 3): the ReLU output model x' = ReLU(W^T W x + b)
 * with n = 20 features, m = 5 hidden dimensions and importance I_i = 0.7^i, trained at several feature sparsities S.
 * Dense features: the model keeps the m most important ones orthogonally and drops the rest; sparse features: it
 * represents more than m of them, in superposition (W^T W has off-diagonal entries). Data are generated.
 */
public final class Superposition implements Reproduction {
    static final int N = 20, M = 5, BATCH = 1024, FULL_STEPS = 6000, QUICK_STEPS = 2000;
    static final double LR = 1e-2, IMPORTANCE_DECAY = 0.7, REPRESENTED = 0.5;
    static final double[] SPARSITIES = {0, 0.7, 0.9, 0.97, 0.99};

    static final String DENSE = "S = 0: features represented (||W_i|| > 0.5) / m", SPARSE = "S = 0.99: features represented / m",
            DENSE_TOP = "S = 0: share of the 5 most important represented", DENSE_INTERFERENCE = "S = 0: largest |W_i . W_j|, i != j";

    @Override
    public String name() {
        return "superposition";
    }

    @Override
    public String description() {
        return "toy models of superposition: n = 20 features in m = 5 dimensions, features represented vs sparsity, W^T W pictures";
    }

    @Override
    public Paper paper() {
        return new Paper("Toy Models of Superposition", "Nelson Elhage, Tristan Hume, Catherine Olsson, Nicholas Schiefer, Tom Henighan, "
                + "Shauna Kravec, Zac Hatfield-Dodds, Robert Lasenby, Dawn Drain, Carol Chen, Roger Grosse, Sam McCandlish, Jared Kaplan, "
                + "Dario Amodei, Martin Wattenberg, Christopher Olah", 2022, "Transformer Circuits Thread, arXiv:2209.10652");
    }

    @Override
    public String protocol() {
        return "x in R^20, each x_i = 0 with probability S, else U(0, 1), drawn fresh for every batch of 1,024; model x' = ReLU(W^T W x + b), "
                + "W (5, 20) Xavier-normal, b zero; loss sum_i 0.7^i (x_i - x'_i)^2 averaged over the batch; AdamW (lr 1e-2, no weight "
                + "decay), " + FULL_STEPS + " steps, one model per S in {0, 0.7, 0.9, 0.97, 0.99}. A feature counts as represented when "
                + "||W_i|| > 0.5. Departures: fewer sparsities and steps than the paper (which trains to convergence and also shows S up "
                + "to 0.999), lr raised from 1e-3 to 1e-2 for the smaller budget, no learning-rate schedule. The paper shows pictures (Fig. "
                + "3), no table; our bounds, set from measured runs: dense, exactly the 5 most important features represented (count / m <= 1, all "
                + "5 of the top 5) and nearly orthogonal (largest off-diagonal |W^T W| <= 0.1); at S = 0.99, at least 8 of 20 represented "
                + "(count / m >= 1.6; quick >= 1.4).";
    }

    @Override
    public String quickProtocol() {
        return QUICK_STEPS + " steps per model instead of " + FULL_STEPS + ", the same sparsities; looser bound at S = 0.99.";
    }

    @Override
    public List<Claim> claims() {
        String fig = "Fig. 3 (pictures of W^T W and ||W_i||): dense features, m features kept orthogonally; sparse, more than m in superposition";
        return List.of(
                new Claim(DENSE, Unit.RATIO, false, 1, Double.NaN, fig + " (the paper's count: m features, ratio 1)", 1, 1),
                new Claim(DENSE_TOP, Unit.PERCENT, true, 100, Double.NaN, fig, 100, 100),
                new Claim(DENSE_INTERFERENCE, Unit.RATIO, false, 0, Double.NaN, fig + " (orthogonal: 0; a cosine-like value, no unit)", 0.1, 0.1),
                new Claim(SPARSE, Unit.RATIO, true, Double.NaN, Double.NaN, fig + " (more than m features at high sparsity; the paper gives no count)", 1.6, 1.4));
    }

    @Override
    public List<Figure> figures() {
        return List.of(new Figure("represented", "features represented (||W_i|| > 0.5) vs sparsity, n = 20, m = 5", "log10 1/(1 - S)",
                "features", false, "Elhage et al. Fig. 3 (counted from its ||W_i|| bars); the W^T W pictures are the run's own file -wtw.png"));
    }

    @Override
    public Budget time() {
        return new Budget(40, 25);
    }

    @Override
    public Outcome run(RunContext ctx) throws IOException {
        int steps = ctx.quick() ? QUICK_STEPS : FULL_STEPS;
        Generator root = new Generator(ctx.seed());
        double[] imp = new double[N];
        for (int i = 0; i < N; i++) imp[i] = Math.pow(IMPORTANCE_DECAY, i);
        Tensor importance = Tensor.of(imp).to(dev.weft.tensor.core.DType.F32);
        StepProgress progress = ctx.steps(SPARSITIES.length);
        List<double[][]> pictures = new ArrayList<>();
        List<double[]> norms = new ArrayList<>();
        List<Double> xs = new ArrayList<>(), counts = new ArrayList<>(), top = new ArrayList<>();
        Map<String, Double> values = new HashMap<>();
        long t0 = System.nanoTime();
        for (int k = 0; k < SPARSITIES.length; k++) {
            double s = SPARSITIES[k];
            ToyModel model = new ToyModel(N, M, root.split());
            double loss = model.train(importance, s, steps, BATCH, LR, root.split());
            double[] w = model.featureNorms();
            double[][] g = square(model.wtw().toDoubleArray(), N);
            pictures.add(g);
            norms.add(w);
            int represented = countAbove(w, REPRESENTED, N), amongTop = countAbove(w, REPRESENTED, M);
            xs.add(Math.log10(1 / (1 - s)));
            counts.add((double) represented);
            top.add((double) amongTop);
            progress.update(k + 1, "S = " + s);
            progress.report(String.format(Locale.ROOT, "S = %.2f: loss %.4f, %d of %d features represented (%d of the %d most important)  (%.1f s)",
                    s, loss, represented, N, amongTop, M, (System.nanoTime() - t0) / 1e9));
            if (s == 0) {
                values.put(DENSE, represented / (double) M);
                values.put(DENSE_TOP, 100.0 * amongTop / M);
                values.put(DENSE_INTERFERENCE, maxOffDiagonal(g));
            }
            if (s == 0.99) values.put(SPARSE, represented / (double) M);
        }
        progress.done();
        List<String> files = new ArrayList<>();
        Path base = ctx.outFile(name(), "wtw");
        if (base != null) {
            for (Path p : Charts.write(SuperpositionPicture.draw("Toy model of superposition, n = 20, m = 5: W^T W and ||W_i|| vs sparsity",
                    SPARSITIES, pictures, norms), base)) files.add(p.getFileName().toString());
            progress.report("W^T W pictures: " + base.toAbsolutePath() + ".png, .svg");
        }
        List<Curve> curves = List.of(new Curve("represented", "features represented", xs, counts),
                new Curve("represented", "among the 5 most important", xs, top),
                new Curve("represented", "m = 5", List.of(xs.getFirst(), xs.getLast()), List.of((double) M, (double) M)));
        return new Outcome(values, curves, files);
    }

    static double[][] square(double[] flat, int n) {
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) System.arraycopy(flat, i * n, g[i], 0, n);
        return g;
    }

    /** How many of the first {@code first} features have ||W_i|| > level. */
    static int countAbove(double[] norms, double level, int first) {
        int c = 0;
        for (int i = 0; i < first; i++) if (norms[i] > level) c++;
        return c;
    }

    static double maxOffDiagonal(double[][] g) {
        double max = 0;
        for (int i = 0; i < g.length; i++) for (int j = 0; j < g.length; j++) if (i != j) max = Math.max(max, Math.abs(g[i][j]));
        return max;
    }
}
