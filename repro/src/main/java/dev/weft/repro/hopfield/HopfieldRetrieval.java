package dev.weft.repro.hopfield;

import dev.weft.nn.data.Mnist;
import dev.weft.nn.hopfield.ClassicalHopfield;
import dev.weft.nn.hopfield.HopfieldUpdate;
import dev.weft.repro.Budget;
import dev.weft.repro.Claim;
import dev.weft.repro.Curve;
import dev.weft.repro.DataSet;
import dev.weft.repro.DataSets;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Retrieval from associative memories (Ramsauer et al. 2021, "Hopfield Networks is All You Need", Sec. 2 and
 * Fig. 2): k stored patterns of d = 784 +-1 entries, each queried with its second half set to 0 (for MNIST
 * digits the bottom half of the image); the classical binary network (Hebbian weights, synchronous sign updates
 * to a fixed point) against the modern one (one update xi' = X softmax(beta X^T xi), then sign). The measure is
 * the share of wrong entries of the retrieved pattern (bit error, %), against k: random patterns and binarized
 * MNIST training digits. Classical capacity is about 0.138 d for random patterns (Amit et al. 1985) and far
 * less for correlated ones; the modern network's is exponential in d for well separated patterns.
 */
public final class HopfieldRetrieval implements Reproduction {
    static final DataSet MNIST = DataSets.MNIST;
    static final int D = 784, QUICK_QUERIES = 200, CLASSICAL_STEPS = 50;
    static final double MNIST_BETA = 1.0;
    static final int[] RANDOM_K = {20, 39, 59, 78, 98, 108, 118, 137, 157, 196, 294, 392, 588, 784};
    static final int[] RANDOM_K_QUICK = {39, 78, 108, 157, 392, 784};
    static final int[] MNIST_K = {2, 5, 10, 20, 50, 100, 200, 500, 1000};
    static final int[] MNIST_K_QUICK = {2, 10, 50, 200, 1000};

    static final String R_CL_LOW = "random: classical bit error at k = 39 (0.05 d)",
            R_CL_HIGH = "random: classical bit error at k = 157 (0.2 d)",
            R_CAP = "random: classical capacity, largest k / d with bit error <= 1%",
            R_MOD = "random: modern bit error at k = 784 (d), one update, beta = 1/sqrt(d)",
            M_CL = "MNIST: classical bit error at k = 10",
            M_MOD_SMALL = "MNIST: modern bit error at k = 10, one update, beta = 1",
            M_MOD = "MNIST: modern bit error at k = 1000, one update, beta = 1",
            M_MOD_DEFAULT = "MNIST: modern bit error at k = 1000, one update, beta = 1/sqrt(d)";

    @Override
    public String name() {
        return "hopfield-retrieval";
    }

    @Override
    public String description() {
        return "classical vs modern Hopfield retrieval of half-masked patterns: bit error vs number stored (random +-1 and MNIST)";
    }

    @Override
    public Paper paper() {
        return new Paper("Hopfield Networks is All You Need", "Hubert Ramsauer, Bernhard Schäfl, Johannes Lehner, Philipp Seidl, "
                + "Michael Widrich, Thomas Adler, Lukas Gruber, Markus Holzleitner, Milena Pavlović, Geir Kjetil Sandve, Victor Greiff, "
                + "David Kreil, Michael Kopp, Günter Klambauer, Johannes Brandstetter, Sepp Hochreiter", 2021, "ICLR 2021");
    }

    @Override
    public String protocol() {
        return "d = 784. Random: k patterns with independent +-1 entries (seeded), k in {20, 39, ..., 784} (0.025 d to d). MNIST: k "
                + "distinct training images (a seeded random subset), pixels > 0.5 -> +1, else -1, k in {2, 5, ..., 1000}. Each "
                + "stored pattern is queried with entries 392..783 set to 0 (the second half of the "
                + "vector; for digits the bottom 14 rows), not flipped. Classical: W = (1/d) sum x x^T with zero diagonal, "
                + "synchronous s <- sign(W s) (ties keep s) until a fixed point or 50 steps. Modern: one update xi' = X "
                + "softmax(beta X^T xi), then sign; beta = 1/sqrt(d) (the layers' default) for random patterns, beta = 1 and "
                + "1/sqrt(d) for MNIST (correlated digits need a larger beta, the paper's Fig. 2 regime). Bit error: the share "
                + "of the 784 entries of the result that differ from the stored pattern, averaged over the queries. Bounds: "
                + "classical <= 0.5% at 0.05 d and >= 5% at 0.2 d, its capacity (largest k / d with <= 1%) >= 0.07 (theory "
                + "0.138 for stability of the stored patterns; from half-masked queries the basins shrink before that); modern "
                + "<= 0.1% at k = d; MNIST: classical >= 5% already at k = 10, modern (beta = 1) <= 1% at k = 10 and at "
                + "k = 1000, and with beta = 1/sqrt(d) >= 1% at k = 1000 (ours: too small a beta for correlated digits, the "
                + "update lands on averages of similar digits).";
    }

    @Override
    public String quickProtocol() {
        return "Fewer k values (random: 39, 78, 108, 157, 392, 784; MNIST: 2, 10, 50, 200, 1000) and only the first 200 stored "
                + "patterns queried at each k; the same bounds.";
    }

    @Override
    public List<Claim> claims() {
        String theory = "Amit, Gutfreund and Sompolinsky 1985: classical capacity 0.138 d";
        String fig = "Sec. 2 and Fig. 2: one update retrieves; the paper gives no table of bit errors";
        return List.of(
                new Claim(R_CL_LOW, Unit.PERCENT, false, Double.NaN, Double.NaN, theory, 0.5, 0.5),
                new Claim(R_CL_HIGH, Unit.PERCENT, true, Double.NaN, Double.NaN, theory, 5, 5),
                new Claim(R_CAP, Unit.RATIO, true, 0.138, Double.NaN, theory + " (stability; half-masked queries shrink it)", 0.07, 0.07),
                new Claim(R_MOD, Unit.PERCENT, false, Double.NaN, Double.NaN, fig, 0.1, 0.1),
                new Claim(M_CL, Unit.PERCENT, true, Double.NaN, Double.NaN, "correlated patterns: classical fails far below 0.138 d", 5, 5),
                new Claim(M_MOD_SMALL, Unit.PERCENT, false, Double.NaN, Double.NaN, fig, 1, 1),
                new Claim(M_MOD, Unit.PERCENT, false, Double.NaN, Double.NaN, fig + " (Fig. 2 stores MNIST-like images)", 1, 1),
                new Claim(M_MOD_DEFAULT, Unit.PERCENT, true, Double.NaN, Double.NaN,
                        "ours, beside the paper's Sec. 3 on beta: 1/sqrt(d) is too small for 1,000 correlated digits (metastable averages)", 1, 1));
    }

    @Override
    public List<Figure> figures() {
        return List.of(
                new Figure("random", "Random +-1 patterns, d = 784: bit error of the retrieved pattern vs k / d", "k / d",
                        "bit error (%)", false, "Sec. 2: classical capacity ~0.138 d, modern one-update retrieval"),
                new Figure("mnist", "Binarized MNIST digits, d = 784: bit error vs k (stored patterns)", "k", "bit error (%)", false,
                        "Fig. 2 (retrieval of masked images); the curves are ours"));
    }

    @Override
    public List<DataSet> data() {
        return List.of(MNIST);
    }

    @Override
    public Budget time() {
        return new Budget(60, 15);
    }

    /** k random +-1 patterns (k, d), F64. */
    static Tensor randomPatterns(Generator g, int k, int d) {
        return Tensor.rand(g, DType.F64, k, d).gt(0.5).to(DType.F64).mul(2).sub(1.0);
    }

    /** The first min(k, maxQueries) patterns with entries d/2.. set to 0. */
    static Tensor halfMasked(Tensor patterns, int maxQueries) {
        int q = Math.min(patterns.size(0), maxQueries), d = patterns.size(1);
        Tensor keep = Tensor.arange(0, d, 1, DType.F64).lt((double) (d / 2)).to(DType.F64);
        return patterns.narrow(0, 0, q).mul(keep);
    }

    /** Mean share (%) of entries of retrieved (Q, d) that differ from the first Q stored patterns. */
    static double bitError(Tensor retrieved, Tensor patterns) {
        Tensor want = patterns.narrow(0, 0, retrieved.size(0));
        return 100 * retrieved.ne(want).to(DType.F64).mean().item();
    }

    static double classicalError(Tensor patterns, int maxQueries) {
        Tensor q = halfMasked(patterns, maxQueries);
        return bitError(ClassicalHopfield.store(patterns).retrieve(q, CLASSICAL_STEPS), patterns);
    }

    /** One modern update, then sign (an exact tie at 0 counts as wrong). */
    static double modernError(Tensor patterns, double beta, int maxQueries) {
        Tensor q = halfMasked(patterns, maxQueries);
        return bitError(HopfieldUpdate.retrieve(q, patterns, beta, 1, 0).sign(), patterns);
    }

    /** k distinct training digits, binarized to +-1: (k, 784). */
    static Tensor mnistPatterns(Tensor flat, Generator g, int k) {
        Tensor idx = Tensor.randperm(g, flat.size(0)).narrow(0, 0, k);
        return flat.indexSelect(0, idx).gt(0.5).to(DType.F64).mul(2).sub(1.0);
    }

    @Override
    public Outcome run(RunContext ctx) throws Exception {
        int[] rk = ctx.quick() ? RANDOM_K_QUICK : RANDOM_K, mk = ctx.quick() ? MNIST_K_QUICK : MNIST_K;
        int nq = ctx.quick() ? QUICK_QUERIES : Integer.MAX_VALUE;
        Path dir = MNIST.require(name(), ctx.data());
        Mnist train = Mnist.load(dir, true);
        Tensor flat = train.images().reshape(train.size(), D);
        Generator root = new Generator(ctx.seed());
        StepProgress progress = ctx.steps(rk.length + mk.length);
        Map<String, Double> values = new HashMap<>();
        List<Double> rx = new ArrayList<>(), rc = new ArrayList<>(), rm = new ArrayList<>();
        double capacity = 0;
        boolean below = true;
        long step = 0, t0 = System.nanoTime();
        for (int k : rk) {
            Tensor x = randomPatterns(root.split(), k, D);
            double c = classicalError(x, nq), m = modernError(x, HopfieldUpdate.defaultBeta(D), nq);
            rx.add((double) k / D);
            rc.add(c);
            rm.add(m);
            if (below && c <= 1) capacity = (double) k / D;
            else below = false;
            if (k == 39) values.put(R_CL_LOW, c);
            if (k == 157) values.put(R_CL_HIGH, c);
            if (k == 784) values.put(R_MOD, m);
            progress.update(++step, "random k = " + k);
            progress.report(String.format(Locale.ROOT, "random  k = %4d (%.3f d): classical %6.2f%%, modern %6.2f%%  (%.1f s)", k,
                    (double) k / D, c, m, (System.nanoTime() - t0) / 1e9));
        }
        values.put(R_CAP, capacity);
        List<Double> mx = new ArrayList<>(), mc = new ArrayList<>(), mm = new ArrayList<>(), md = new ArrayList<>();
        for (int k : mk) {
            Tensor x = mnistPatterns(flat, root.split(), k);
            double c = classicalError(x, nq), m = modernError(x, MNIST_BETA, nq), m0 = modernError(x, HopfieldUpdate.defaultBeta(D), nq);
            mx.add((double) k);
            mc.add(c);
            mm.add(m);
            md.add(m0);
            if (k == 10) {
                values.put(M_CL, c);
                values.put(M_MOD_SMALL, m);
            }
            if (k == 1000) {
                values.put(M_MOD, m);
                values.put(M_MOD_DEFAULT, m0);
            }
            progress.update(++step, "MNIST k = " + k);
            progress.report(String.format(Locale.ROOT, "MNIST   k = %4d: classical %6.2f%%, modern beta 1 %6.2f%%, beta 1/sqrt(d) %6.2f%%  (%.1f s)",
                    k, c, m, m0, (System.nanoTime() - t0) / 1e9));
        }
        progress.done();
        List<Curve> curves = List.of(
                new Curve("random", "classical (Hebbian, sign updates)", rx, rc),
                new Curve("random", "modern (one update, beta = 1/sqrt(d))", rx, rm),
                new Curve("mnist", "classical (Hebbian, sign updates)", mx, mc),
                new Curve("mnist", "modern (one update, beta = 1)", mx, mm),
                new Curve("mnist", "modern (one update, beta = 1/sqrt(d))", mx, md));
        return new Outcome(values, curves);
    }
}
