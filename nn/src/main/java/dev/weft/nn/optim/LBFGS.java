package dev.weft.nn.optim;

import dev.weft.autograd.Autograd;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Limited-memory BFGS with the behaviour of torch.optim.LBFGS: each {@link #step(Supplier)} runs up to
 * maxIter iterations of the two-loop recursion over the last historySize curvature pairs (s, y), with
 * either a fixed step (lr; the first iteration of all scales it by min(1, 1 / |g|_1)) or a strong
 * Wolfe line search ({@link StrongWolfe}, cubic interpolation). The parameters are treated as one flat
 * vector; a single parameter group only.
 *
 * <p>Options: lr 1, maxIter 20, maxEval maxIter * 5 / 4, toleranceGrad 1e-7, toleranceChange 1e-9,
 * historySize 100, lineSearchFn null or "strong_wolfe". State (on the first parameter): "funcEvals",
 * "nIter", "d", "t", "oldDirs", "oldStps", "ro", "hDiag", "prevFlatGrad", "prevLoss".
 */
public final class LBFGS extends Optimizer {
    static OptionSpec spec() {
        return new OptionSpec("LBFGS").add("lr", Double.class, 1.0).add("maxIter", Integer.class, 20)
                .add("maxEval", Integer.class, null).add("toleranceGrad", Double.class, 1e-7)
                .add("toleranceChange", Double.class, 1e-9).add("historySize", Integer.class, 100)
                .add("lineSearchFn", String.class, null);
    }

    /**
     * LBFGS with every default (lr 1, fixed step).
     *
     * @param params the parameters to update, one group
     */
    public LBFGS(Iterable<Tensor> params) {
        this(params, Map.of());
    }

    /**
     * Options to set: {@code new LBFGS(params, LBFGS.options().lr(1).historySize(10).strongWolfe())}.
     *
     * @return empty options (unset ones take the defaults)
     */
    public static Options options() {
        return new Options();
    }

    /** LBFGS's options (defaults in the class comment). */
    public static final class Options extends OptimizerOptions<Options> {
        /** No option set: every value takes its default (the same as {@link LBFGS#options()}). */
        public Options() {}

        /**
         * Iterations per step.
         *
         * @param maxIter default 20
         * @return these options
         */
        public Options maxIter(int maxIter) {
            return put("maxIter", maxIter);
        }

        /**
         * Function evaluations per step (default maxIter * 5 / 4).
         *
         * @param maxEval at least 1
         * @return these options
         */
        public Options maxEval(int maxEval) {
            return put("maxEval", maxEval);
        }

        /**
         * Stop when max |g| is at most tol.
         *
         * @param tol default 1e-7
         * @return these options
         */
        public Options toleranceGrad(double tol) {
            return put("toleranceGrad", tol);
        }

        /**
         * Stop when the step or the loss changes by at most tol.
         *
         * @param tol default 1e-9
         * @return these options
         */
        public Options toleranceChange(double tol) {
            return put("toleranceChange", tol);
        }

        /**
         * How many curvature pairs (s, y) the recursion keeps.
         *
         * @param historySize default 100
         * @return these options
         */
        public Options historySize(int historySize) {
            return put("historySize", historySize);
        }

        /**
         * Uses the strong-Wolfe line search (PyTorch's line_search_fn="strong_wolfe") instead of the default fixed step lr.
         *
         * @return these options
         */
        public Options strongWolfe() {
            return put("lineSearchFn", "strong_wolfe");
        }
    }

    /**
     * LBFGS with the options set in {@code options}, the defaults elsewhere.
     *
     * @param params the parameters to update, one group
     * @param options the options, from {@link #options()}
     */
    public LBFGS(Iterable<Tensor> params, Options options) {
        this(params, options.asMap());
    }

    LBFGS(Iterable<Tensor> params, Map<String, ?> options) {
        super("LBFGS", spec(), single(params), options);
    }

    @Override
    public void addParamGroup(ParamGroup group) {
        if (!paramGroups().isEmpty()) {
            throw new IllegalArgumentException("LBFGS doesn't support per-parameter options (parameter groups)");
        }
        super.addParamGroup(group);
    }

    @Override
    protected void validate(ParamGroup g) {
        super.validate(g);
        int maxIter = g.getInt("maxIter");
        if (maxIter < 1) throw new IllegalArgumentException("LBFGS: maxIter must be >= 1, got " + maxIter);
        if (g.get("maxEval") == null) g.set("maxEval", maxIter * 5 / 4);
        if (g.getInt("historySize") < 1) throw new IllegalArgumentException("LBFGS: historySize must be >= 1, got " + g.getInt("historySize"));
        String ls = g.getString("lineSearchFn");
        if (ls != null && !ls.equals("strong_wolfe")) {
            throw new IllegalArgumentException("LBFGS: only 'strong_wolfe' is supported as lineSearchFn, got '" + ls + "'");
        }
    }

    @Override
    protected boolean stateTensorsMatchParams() {
        return false;
    }

    /** LBFGS re-evaluates the model several times per step: use {@link #step(Supplier)}. */
    @Override
    public void step() {
        throw new IllegalStateException("LBFGS.step: needs a closure that re-evaluates the model and returns the loss; call step(closure)");
    }

    @Override
    protected void update(ParamGroup group) {
        throw new IllegalStateException("LBFGS updates through step(closure)");
    }

    /**
     * Runs up to maxIter iterations; {@code closure} must zero the gradients, compute the loss, call
     * backward and return the loss (it runs with grad enabled). Returns the loss of the first
     * evaluation. Modifies the parameters in place.
     */
    @Override
    @SuppressWarnings("unchecked")
    public Tensor step(Supplier<Tensor> closure) {
        Objects.requireNonNull(closure, "LBFGS.step: closure");
        ParamGroup group = paramGroups().get(0);
        double lr = group.lr(), tolGrad = group.getDouble("toleranceGrad"), tolChange = group.getDouble("toleranceChange");
        int maxIter = group.getInt("maxIter"), maxEval = group.getInt("maxEval"), historySize = group.getInt("historySize");
        boolean wolfe = group.getString("lineSearchFn") != null;
        FlatParams flat = new FlatParams(group.params());
        Map<String, Object> st = stateOf(group.params().get(0));
        st.putIfAbsent("funcEvals", 0L);
        st.putIfAbsent("nIter", 0L);
        try (var s = Autograd.noGrad()) {
            Tensor origLoss = flat.evaluate(closure);
            double loss = origLoss.item();
            int currentEvals = 1;
            st.put("funcEvals", num(st, "funcEvals") + 1);
            Tensor flatGrad = flat.gatherGrad();
            if (maxAbs(flatGrad) <= tolGrad) {
                countStep();
                return origLoss;
            }
            Tensor d = (Tensor) st.get("d");
            double t = st.containsKey("t") ? ((Number) st.get("t")).doubleValue() : lr;
            List<Tensor> oldDirs = st.containsKey("oldDirs") ? new ArrayList<>((List<Tensor>) st.get("oldDirs")) : new ArrayList<>();
            List<Tensor> oldStps = st.containsKey("oldStps") ? new ArrayList<>((List<Tensor>) st.get("oldStps")) : new ArrayList<>();
            List<Double> ro = new ArrayList<>();
            if (st.containsKey("ro")) for (Object o : (List<?>) st.get("ro")) ro.add(((Number) o).doubleValue());
            double hDiag = st.containsKey("hDiag") ? ((Number) st.get("hDiag")).doubleValue() : 1.0;
            Tensor prevFlatGrad = (Tensor) st.get("prevFlatGrad");
            double prevLoss = st.containsKey("prevLoss") ? ((Number) st.get("prevLoss")).doubleValue() : loss;

            int nIter = 0;
            while (nIter < maxIter) {
                nIter++;
                long globalIter = num(st, "nIter") + 1;
                st.put("nIter", globalIter);
                if (globalIter == 1) {
                    d = flatGrad.neg();
                    oldDirs.clear();
                    oldStps.clear();
                    ro.clear();
                    hDiag = 1;
                } else {
                    // curvature pair from the last step; kept only when y.s > 1e-10 (skips non-convex pairs)
                    Tensor y = flatGrad.sub(prevFlatGrad);
                    Tensor sv = d.mul(t);
                    double ys = y.dot(sv).item();
                    if (ys > 1e-10) {
                        if (oldDirs.size() == historySize) {
                            oldDirs.remove(0);
                            oldStps.remove(0);
                            ro.remove(0);
                        }
                        oldDirs.add(y);
                        oldStps.add(sv);
                        ro.add(1.0 / ys);
                        hDiag = ys / y.dot(y).item();
                    }
                    // two-loop recursion: d = -H g with H0 = hDiag I
                    int numOld = oldDirs.size();
                    double[] al = new double[numOld];
                    Tensor q = flatGrad.neg();
                    for (int i = numOld - 1; i >= 0; i--) {
                        al[i] = oldStps.get(i).dot(q).item() * ro.get(i);
                        q.add_(oldDirs.get(i), -al[i]);
                    }
                    Tensor r = q.mul(hDiag);
                    for (int i = 0; i < numOld; i++) {
                        double be = oldDirs.get(i).dot(r).item() * ro.get(i);
                        r.add_(oldStps.get(i), al[i] - be);
                    }
                    d = r;
                }
                prevFlatGrad = flatGrad.clone();
                prevLoss = loss;
                t = globalIter == 1 ? Math.min(1.0, 1.0 / flatGrad.abs().sum().item()) * lr : lr;
                double gtd = flatGrad.dot(d).item();
                if (gtd > -tolChange) break;                    // not a descent direction

                int lsEvals = 0;
                boolean optCond = false;
                if (wolfe) {
                    StrongWolfe.Result res = StrongWolfe.search(flat, closure, t, d, loss, flatGrad, gtd);
                    loss = res.f();
                    flatGrad = res.g();
                    t = res.t();
                    lsEvals = res.evals();
                    flat.addScaled(t, d);
                    optCond = maxAbs(flatGrad) <= tolGrad;
                } else {
                    flat.addScaled(t, d);
                    if (nIter != maxIter) {
                        loss = flat.evaluate(closure).item();
                        flatGrad = flat.gatherGrad();
                        optCond = maxAbs(flatGrad) <= tolGrad;
                        lsEvals = 1;
                    }
                }
                currentEvals += lsEvals;
                st.put("funcEvals", num(st, "funcEvals") + lsEvals);
                if (nIter == maxIter) break;
                if (currentEvals >= maxEval) break;
                if (optCond) break;
                if (maxAbs(d.mul(t)) <= tolChange) break;
                if (Math.abs(loss - prevLoss) < tolChange) break;
            }
            st.put("d", d);
            st.put("t", t);
            st.put("oldDirs", oldDirs);
            st.put("oldStps", oldStps);
            st.put("ro", ro);
            st.put("hDiag", hDiag);
            st.put("prevFlatGrad", prevFlatGrad);
            st.put("prevLoss", prevLoss);
            countStep();
            return origLoss;
        }
    }

    private static long num(Map<String, Object> st, String key) {
        return ((Number) st.get(key)).longValue();
    }

    static double maxAbs(Tensor t) {
        return t.abs().max().item();
    }
}
