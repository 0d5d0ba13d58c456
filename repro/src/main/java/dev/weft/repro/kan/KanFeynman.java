package dev.weft.repro.kan;

import dev.weft.nn.Module;
import dev.weft.nn.kan.KAN;
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
import dev.weft.repro.kan.feynman.FeynmanEquations;
import dev.weft.tensor.Generator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The KAN paper's Feynman benchmark (Liu et al. 2024, Sec. 3.3, Table 2) on five of its equations: each formula is read
 * from the AI Feynman equations file (a Python expression, {@link dev.weft.repro.kan.feynman.PyFormula}) with its
 * variables' sampling ranges, and a KAN and an MLP of about the same size are fit to samples of it; the table puts their
 * test RMSE beside the paper's. The paper fits the dimensionless forms of the equations on its own ranges; we fit the
 * file's forms on the file's ranges, so only the order of magnitude compares (and only I.6.2 is the same function).
 */
public final class KanFeynman implements Reproduction {
    static final DataSet FEYNMAN = new DataSet("misc", List.of("FeynmanEquations.csv"),
            "the PySR repository (FeynmanEquations.csv of the AI Feynman database, Udrescu and Tegmark 2020)");
    static final int TRAIN_POINTS = 1000, VAL_POINTS = 500, TEST_POINTS = 1000;
    static final String BY_EQUATION = "rmse-by-equation";

    /**
     * One equation of Table 2 and the KAN fit to it; kanBound and mlpBound (full run; the quick run's are 3x looser)
     * sit well below the targets' standard deviation over the box (the RMSE of a constant predictor; std, measured on
     * 1,000 test points of seed 0).
     */
    record Eq(String name, int[] width, int inits, double paperKan, double paperMlp, double std, double kanBound, double mlpBound) {
        String kanMetric() {
            return name + ": KAN test RMSE";
        }

        String mlpMetric() {
            return name + ": MLP test RMSE";
        }
    }

    /** I.6.2's shape is the paper's human-constructed [2, 2, 1, 1]; the rest are ours ([n, 5, 1], pykan's usual hidden width). */
    static final List<Eq> EQUATIONS = List.of(
            new Eq("I.6.2", new int[] {2, 2, 1, 1}, 3, 7.66e-5, 1.45e-4, 0.044, 1e-3, 1e-2),
            new Eq("I.16.6", new int[] {3, 5, 1}, 1, Double.NaN, Double.NaN, 1.12, 1e-2, 1e-1),
            new Eq("I.26.2", new int[] {2, 5, 1}, 1, Double.NaN, Double.NaN, 0.50, 1e-2, 1e-1),
            new Eq("I.37.4", new int[] {3, 5, 1}, 1, Double.NaN, Double.NaN, 2.89, 3e-2, 3e-1),
            new Eq("III.17.37", new int[] {3, 5, 1}, 1, Double.NaN, Double.NaN, 4.85, 1e-1, 5e-1));

    @Override
    public String name() {
        return "kan-feynman";
    }

    @Override
    public String description() {
        return "KAN vs an MLP of the same size on five Feynman equations (I.6.2, I.16.6, I.26.2, I.37.4, III.17.37): test RMSE";
    }

    @Override
    public Paper paper() {
        return new KanToy().paper();
    }

    @Override
    public String protocol() {
        return "Five equations of the paper's Table 2, formulas and variable ranges from misc/FeynmanEquations.csv (the AI Feynman "
                + "file; formulas parsed from their Python form): I.6.2 exp(-(theta/sigma)^2/2)/(sqrt(2 pi) sigma), I.16.6 "
                + "(u+v)/(1+uv/c^2), I.26.2 arcsin(n sin theta_2), I.37.4 I_1+I_2+2 sqrt(I_1 I_2) cos(delta), III.17.37 "
                + "beta (1 + alpha cos theta). Per equation: 1,000 training, 500 validation and 1,000 test points uniform in "
                + "the file's box (seeded), the inputs mapped affinely to [-1, 1], F64. KAN: I.6.2 the paper's "
                + "human-constructed [2, 2, 1, 1], the others [n, 5, 1] (ours; the paper's shapes are for the dimensionless "
                + "forms), pykan's defaults (k = 3, SiLU base), 50 LBFGS steps (lr 1, history 10, strong Wolfe, pykan's fit, "
                + "grids updated every 5 of the first 50 steps from the training inputs and the box's corners, so that they "
                + "span the whole box) at each of G = 3, 5, 10, 20 (grid extension), the model kept from the grid with the "
                + "lowest validation RMSE; the tiny [2, 2, 1, 1] can stall near RMSE 1e-2 from one initialization, so "
                + "I.6.2's KAN is trained from 3 and the one best on validation kept. MLP: n -> h -> h -> 1 with tanh, h "
                + "chosen for the KAN's parameter count at G = 20, the same LBFGS for as many steps (200). Reported: test "
                + "RMSE of each. Departures: the paper fits the dimensionless forms (I.16.6 as (a+b)/(1+ab), ...) on its own "
                + "ranges and reports the best over many shapes and MLP sizes, so only I.6.2 is the same function (ranges "
                + "aside) and its numbers (KAN 7.66e-5, MLP 1.45e-4) are the only ones shown beside ours; the paper's other "
                + "rows are not quoted. Our bounds sit about 45x-110x below each target's standard deviation over the box "
                + "(the RMSE of predicting the mean): KAN <= 1e-3 on I.6.2 (std 0.04), <= 1e-2 on I.16.6 and I.26.2 (std "
                + "1.1 and 0.5), <= 3e-2 on I.37.4 (std 2.9), <= 1e-1 on III.17.37 (std 4.9: there the [3, 5, 1] KAN, which "
                + "must build the product beta alpha cos(theta) from sums, underfits and the MLP does better); the MLP's "
                + "bounds (a check it trained) 5x-10x looser.";
    }

    @Override
    public String quickProtocol() {
        return "G = 3, 5, 10 with 30 LBFGS steps each for the KAN, 90 for the MLP (instead of 4 x 50 and 200), 500 training points.";
    }

    @Override
    public List<Claim> claims() {
        List<Claim> claims = new ArrayList<>();
        for (Eq e : EQUATIONS) {
            String src = Double.isNaN(e.paperKan()) ? "Table 2 (the paper's row is for the dimensionless form; not quoted)"
                    : "Table 2, I.6.2 (KAN [2, 2, 1, 1] loss; MLP loss)";
            claims.add(new Claim(e.kanMetric(), Unit.RMSE, false, e.paperKan(), Double.NaN, src, e.kanBound(), 3 * e.kanBound()));
            claims.add(new Claim(e.mlpMetric(), Unit.RMSE, false, e.paperMlp(), Double.NaN, src, e.mlpBound(), 3 * e.mlpBound()));
        }
        return claims;
    }

    @Override
    public List<Figure> figures() {
        return List.of(new Figure(BY_EQUATION, "Feynman equations: test RMSE of KAN and MLP",
                "equation (1 I.6.2, 2 I.16.6, 3 I.26.2, 4 I.37.4, 5 III.17.37)", "test RMSE (log scale)", true,
                "Table 2 (a table in the paper; drawn here as one point per equation)"));
    }

    @Override
    public List<DataSet> data() {
        return List.of(FEYNMAN);
    }

    @Override
    public Budget time() {
        return new Budget(180, 40);
    }

    @Override
    public Outcome run(RunContext ctx) throws Exception {
        boolean quick = ctx.quick();
        int[] grids = KanVsMlp.grids(quick ? 10 : 20);
        int perGrid = quick ? 30 : 50, mlpSteps = perGrid * grids.length, trainPoints = quick ? 500 : TRAIN_POINTS;
        Map<String, FeynmanEquations.Equation> all = FeynmanEquations.read(FEYNMAN.require(name(), ctx.data()).resolve("FeynmanEquations.csv"));
        Generator root = new Generator(ctx.seed());
        long total = 0;
        for (Eq e : EQUATIONS) total += (long) e.inits() * perGrid * grids.length + mlpSteps;
        StepProgress progress = ctx.steps(total);
        Map<String, Double> values = new HashMap<>();
        List<Double> index = new ArrayList<>(), kanCurve = new ArrayList<>(), mlpCurve = new ArrayList<>();
        long t0 = System.nanoTime(), done = 0;
        for (int i = 0; i < EQUATIONS.size(); i++) {
            Eq e = EQUATIONS.get(i);
            FeynmanEquations.Equation eq = all.get(e.name());
            if (eq == null) throw new IllegalStateException(name() + ": no equation " + e.name() + " in " + FEYNMAN.folder() + "/FeynmanEquations.csv");
            if (eq.variables().size() != e.width()[0]) {
                throw new IllegalStateException(name() + ": " + e.name() + " has variables " + eq.variables() + ", the KAN " + Arrays.toString(e.width()));
            }
            KanVsMlp.Target t = new KanVsMlp.Target(e.name(), eq.low(), eq.high(), eq.formula()::eval);
            KanVsMlp.Data train = KanVsMlp.sample(t, trainPoints, root.split()), val = KanVsMlp.sample(t, VAL_POINTS, root.split());
            KanVsMlp.Data test = KanVsMlp.sample(t, TEST_POINTS, root.split());
            KanVsMlp.KanFit fit = null;
            for (int r = 0; r < e.inits(); r++) {
                long start = done;
                KanVsMlp.KanFit f = KanVsMlp.trainKan(e.width(), grids, perGrid, train, val, root.split(),
                        s -> progress.update(start + s, e.name() + ": KAN " + Arrays.toString(e.width())));
                done += (long) perGrid * grids.length;
                if (fit == null || f.validation() < fit.validation()) fit = f;
            }
            KAN kan = fit.model();
            long kanParams = kan.numParameters();
            int h = KanVsMlp.mlpWidthFor(fit.lastGridParameters(), t.dims());
            Module mlp = KanVsMlp.mlp(t.dims(), h, root.split());
            long mlpBase = done;
            KanVsMlp.trainMlp(mlp, train, mlpSteps, s -> progress.update(mlpBase + s, e.name() + ": MLP"));
            done += mlpSteps;
            double kanTest = KanVsMlp.rmse(kan, test), mlpTest = KanVsMlp.rmse(mlp, test);
            progress.report(String.format(Locale.ROOT, "%-9s %-38s KAN %s G = %d (%d parameters): train RMSE %.2e  test %.2e | MLP %d-%d-%d-1 "
                            + "(%d): train %.2e  test %.2e | std %.3g  (%.1f s)", e.name(), eq.formula().text(), Arrays.toString(e.width()),
                    fit.grid(), kanParams, KanVsMlp.rmse(kan, train), kanTest, t.dims(), h, h, mlp.numParameters(), KanVsMlp.rmse(mlp, train),
                    mlpTest, KanVsMlp.std(test), (System.nanoTime() - t0) / 1e9));
            values.put(e.kanMetric(), kanTest);
            values.put(e.mlpMetric(), mlpTest);
            index.add(i + 1.0);
            kanCurve.add(kanTest);
            mlpCurve.add(mlpTest);
        }
        progress.done();
        return new Outcome(values, List.of(new Curve(BY_EQUATION, "KAN", index, kanCurve), new Curve(BY_EQUATION, "MLP", index, mlpCurve)));
    }
}
