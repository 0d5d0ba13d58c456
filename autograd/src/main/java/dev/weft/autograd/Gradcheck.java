package dev.weft.autograd;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Gradient checks: the analytical Jacobian (one backward per output element) against central
 * differences (f(x + eps e_j) - f(x - eps e_j)) / 2 eps, in F64, element by element, passing where
 * {@code |numerical - analytical| <= atol + rtol * |numerical|}. The inputs that require grad are checked; they
 * must be F64 and may be non-contiguous views (they are perturbed in place, inside noGrad, and restored).
 * gradgradcheck checks the gradient of the vector-Jacobian product the same way (second order).
 *
 * <pre>{@code
 * Generator g = new Generator(7);
 * Tensor a = Tensor.randn(g, DType.F64, 3, 4).requiresGrad(true);
 * Tensor b = Tensor.randn(g, DType.F64, 4, 2).requiresGrad(true);
 * Gradcheck.gradcheck("matmul", in -> in[0].matmul(in[1]).tanh(), a, b);  // throws on a mismatch
 * }</pre>
 */
public final class Gradcheck {
    private Gradcheck() {}

    static {
        Tape.install();
    }

    /**
     * Step and tolerances; {@link #DEFAULT} is eps 1e-6, atol 1e-5, rtol 1e-3.
     *
     * @param eps finite-difference step
     * @param atol absolute tolerance
     * @param rtol relative tolerance
     */
    public record Tolerance(double eps, double atol, double rtol) {
        public static final Tolerance DEFAULT = new Tolerance(1e-6, 1e-5, 1e-3);
    }

    /** A failed check: the message names the function, input, element, numerical and analytical values. */
    public static final class GradcheckException extends AssertionError {
        GradcheckException(String message) {
            super(message);
        }
    }

    /**
     * Checks a one-output function with the default tolerance; returns true or throws GradcheckException.
     *
     * @param name the name used in error messages
     * @param f the function of the inputs, giving one tensor
     * @param inputs the input tensors
     * @return true (a mismatch throws instead)
     */
    public static boolean gradcheck(String name, Function<Tensor[], Tensor> f, Tensor... inputs) {
        return gradcheck(name, f, Tolerance.DEFAULT, inputs);
    }

    /**
     * {@return true: a one-output function checked with the given tolerance (a mismatch throws GradcheckException)}
     *
     * @param name the name used in error messages
     * @param f the function of the inputs, giving one tensor
     * @param tol the tolerances
     * @param inputs the input tensors
     */
    public static boolean gradcheck(String name, Function<Tensor[], Tensor> f, Tolerance tol, Tensor... inputs) {
        return gradcheckOutputs(name, x -> new Tensor[] {f.apply(x)}, tol, inputs);
    }

    /**
     * Checks every output of a multi-output function.
     *
     * @param name the name used in error messages
     * @param f the function of the inputs, giving one tensor
     * @param tol the tolerances
     * @param inputs the input tensors
     * @return true (a mismatch throws instead)
     */
    public static boolean gradcheckOutputs(String name, Function<Tensor[], Tensor[]> f, Tolerance tol, Tensor... inputs) {
        List<Integer> diff = differentiable(name, inputs);
        Tensor[] outs = f.apply(inputs);
        for (int o = 0; o < outs.length; o++) {
            if (outs[o] != null && outs[o].dtype() != DType.F64) {
                throw new IllegalArgumentException("gradcheck " + name + ": output " + o + " is " + outs[o].dtype()
                        + "; gradcheck needs F64 outputs");
            }
        }
        double[][][] ana = analytical(outs, inputs, diff);
        double[][][] num = numerical(f, inputs, diff, outs, tol.eps());
        for (int di = 0; di < diff.size(); di++) {
            int i = diff.get(di);
            for (int o = 0; o < outs.length; o++) {
                if (outs[o] == null) continue;
                double[] a = ana[di][o], n = num[di][o];
                int outN = outs[o].numel(), inN = inputs[i].numel();
                for (int k = 0; k < outN; k++) {
                    for (int j = 0; j < inN; j++) {
                        double nv = n[k * inN + j], av = a[k * inN + j];
                        if (!(Math.abs(nv - av) <= tol.atol() + tol.rtol() * Math.abs(nv))) {
                            throw new GradcheckException("gradcheck failed for " + name + ": input " + i + " "
                                    + Shape.format(inputs[i].shape()) + ", element " + j + " " + index(j, inputs[i].shape())
                                    + ", output " + o + " element " + k + " " + index(k, outs[o].shape())
                                    + ": numerical " + nv + ", analytical " + av + " (|diff| " + Math.abs(nv - av)
                                    + " > atol " + tol.atol() + " + rtol " + tol.rtol() + " * |numerical|)");
                        }
                    }
                }
            }
        }
        return true;
    }

    /**
     * Second-order check with the default tolerance (see {@link #gradgradcheck(String, Function, Tolerance, long, Tensor...)}).
     *
     * @param name the name used in error messages
     * @param f the function of the inputs, giving one tensor
     * @param inputs the input tensors
     * @return true (a mismatch throws instead)
     */
    public static boolean gradgradcheck(String name, Function<Tensor[], Tensor> f, Tensor... inputs) {
        return gradgradcheck(name, f, Tolerance.DEFAULT, 1234, inputs);
    }

    /**
     * Checks the gradient of v -> (d f / d x)^T v: with seeded random gradient outputs v (themselves
     * checked as inputs), gradcheck of (x, v) -> grad(f(x), x, v, createGraph) in F64.
     *
     * @param name the name used in error messages
     * @param f the function of the inputs, giving one tensor
     * @param tol the tolerances
     * @param seed the seed
     * @param inputs the input tensors
     * @return true (a mismatch throws instead)
     */
    public static boolean gradgradcheck(String name, Function<Tensor[], Tensor> f, Tolerance tol, long seed, Tensor... inputs) {
        List<Integer> diff = differentiable(name, inputs);
        Tensor out = f.apply(inputs);
        Tensor v = random(out.shape(), seed).requiresGrad(true);
        int n = inputs.length;
        Tensor[] all = new Tensor[n + 1];
        System.arraycopy(inputs, 0, all, 0, n);
        all[n] = v;
        Function<Tensor[], Tensor[]> vjp = x -> {
            Tensor[] xs = java.util.Arrays.copyOf(x, n);
            Tensor y = f.apply(xs);
            Tensor[] wrt = new Tensor[diff.size()];
            for (int k = 0; k < wrt.length; k++) wrt[k] = xs[diff.get(k)];
            if (!y.requiresGrad()) {
                Tensor[] z = new Tensor[wrt.length];
                for (int k = 0; k < z.length; k++) z[k] = Tensor.zerosLike(wrt[k]);
                return z;
            }
            Tensor[] g = Autograd.grad(new Tensor[] {y}, wrt, new Tensor[] {x[n]}, true, true, true);
            for (int k = 0; k < g.length; k++) if (g[k] == null) g[k] = Tensor.zerosLike(wrt[k]);
            return g;
        };
        return gradcheckOutputs(name + " (second order)", vjp, tol, all);
    }

    private static List<Integer> differentiable(String name, Tensor[] inputs) {
        List<Integer> diff = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            if (!inputs[i].requiresGrad()) continue;
            if (inputs[i].dtype() != DType.F64) {
                throw new IllegalArgumentException("gradcheck " + name + ": input " + i + " is " + inputs[i].dtype()
                        + "; gradcheck needs F64 inputs");
            }
            diff.add(i);
        }
        if (diff.isEmpty()) throw new IllegalArgumentException("gradcheck " + name + ": no input requires grad");
        return diff;
    }

    /** [input][output][k * inN + j] = d out_k / d in_j by one backward per output element. */
    private static double[][][] analytical(Tensor[] outs, Tensor[] inputs, List<Integer> diff) {
        double[][][] jac = new double[diff.size()][outs.length][];
        Tensor[] wrt = new Tensor[diff.size()];
        for (int k = 0; k < wrt.length; k++) wrt[k] = inputs[diff.get(k)];
        for (int o = 0; o < outs.length; o++) {
            if (outs[o] == null) continue;
            int outN = outs[o].numel();
            for (int di = 0; di < wrt.length; di++) jac[di][o] = new double[outN * wrt[di].numel()];
            if (!outs[o].requiresGrad()) continue;
            for (int k = 0; k < outN; k++) {
                Tensor seed = oneHot(outs[o].shape(), k, 1);
                Tensor[] g = Autograd.grad(new Tensor[] {outs[o]}, wrt, new Tensor[] {seed}, false, true, true);
                for (int di = 0; di < wrt.length; di++) {
                    if (g[di] == null) continue;
                    double[] row = g[di].toDoubleArray();
                    System.arraycopy(row, 0, jac[di][o], k * row.length, row.length);
                }
            }
        }
        return jac;
    }

    /** [input][output][k * inN + j] by central differences, perturbing each input element in place. */
    private static double[][][] numerical(Function<Tensor[], Tensor[]> f, Tensor[] inputs, List<Integer> diff,
                                          Tensor[] outs, double eps) {
        double[][][] jac = new double[diff.size()][outs.length][];
        for (int di = 0; di < diff.size(); di++) {
            Tensor x = inputs[diff.get(di)];
            int inN = x.numel();
            for (int o = 0; o < outs.length; o++) if (outs[o] != null) jac[di][o] = new double[outs[o].numel() * inN];
            Tensor orig = set(x, null);
            for (int j = 0; j < inN; j++) {
                set(x, orig.add(oneHot(x.shape(), j, eps)));
                double[][] plus = values(f.apply(inputs));
                set(x, orig.sub(oneHot(x.shape(), j, eps)));
                double[][] minus = values(f.apply(inputs));
                set(x, orig);
                for (int o = 0; o < outs.length; o++) {
                    if (outs[o] == null) continue;
                    double[] p = plus[o], m = minus[o];
                    for (int k = 0; k < p.length; k++) jac[di][o][k * inN + j] = (p[k] - m[k]) / (2 * eps);
                }
            }
        }
        return jac;
    }

    /** Writes value into x in place without recording (value null: returns a copy of x). */
    private static Tensor set(Tensor x, Tensor value) {
        try (var s = GradMode.noGrad()) {
            if (value == null) return x.clone();
            x.copy_(value);
            return x;
        }
    }

    private static double[][] values(Tensor[] ts) {
        double[][] v = new double[ts.length][];
        for (int i = 0; i < ts.length; i++) if (ts[i] != null) v[i] = ts[i].toDoubleArray();
        return v;
    }

    private static Tensor oneHot(int[] shape, int k, double value) {
        double[] a = new double[Shape.numel(shape)];
        a[k] = value;
        return Tensor.of(a, shape);
    }

    private static Tensor random(int[] shape, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[Shape.numel(shape)];
        for (int i = 0; i < a.length; i++) a[i] = r.nextDouble(-1, 1);
        return Tensor.of(a, shape);
    }

    /** "(1, 2)": the multi-index of flat element k of shape. */
    private static String index(int k, int[] shape) {
        int[] idx = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] == 0) continue;
            idx[d] = k % shape[d];
            k /= shape[d];
        }
        return Shape.format(idx);
    }
}
