package dev.weft.autograd;

import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;
import java.util.function.Function;

/**
 * Function transforms built on {@link Autograd#grad}: vector-Jacobian and Jacobian-vector products,
 * full Jacobians and Hessian-vector products of f: Tensor[] -> Tensor[]. Inputs are used through
 * fresh leaves (detached copies that require grad), so nothing outside f is affected; with
 * createGraph the results stay differentiable with respect to the original inputs.
 * jvp is computed as the derivative of a vjp (two reverse passes), not by forward-mode AD.
 */
public final class Functional {
    private Functional() {}

    static {
        Tape.install();
    }

    /**
     * f's outputs and the product computed with them.
     *
     * @param outputs the output tensors
     * @param product the vector-Jacobian or Jacobian-vector product, one tensor per input (vjp) or output (jvp)
     */
    public record Result(Tensor[] outputs, Tensor[] product) {}

    /**
     * outputs = f(inputs) and v^T J (one tensor per input, zeros where unused). v: one per output.
     *
     * @param f the function of the inputs
     * @param inputs the input tensors
     * @param v the vector
     * @param createGraph record the backward pass itself, so that the gradients can be differentiated again
     * @return the outputs and v^T J
     */
    public static Result vjp(Function<Tensor[], Tensor[]> f, Tensor[] inputs, Tensor[] v, boolean createGraph) {
        Tensor[] x = leaves(inputs, createGraph);
        Tensor[] y = f.apply(x);
        Tensor[] g = gradOrZeros(y, x, v, createGraph);
        return new Result(y, g);
    }

    /**
     * outputs = f(inputs) and J u (one tensor per output) for tangents u (one per input), by the double-vjp
     * trick: g(w) = J^T w is linear in w, so {@code d<g(w), u>/dw = J u}.
     *
     * @param f the function of the inputs
     * @param inputs the input tensors
     * @param u the tangent, one tensor per input, shaped like it
     * @param createGraph record the backward pass itself, so that the gradients can be differentiated again
     * @return the outputs and J u
     */
    public static Result jvp(Function<Tensor[], Tensor[]> f, Tensor[] inputs, Tensor[] u, boolean createGraph) {
        if (u.length != inputs.length) {
            throw new IllegalArgumentException("jvp: " + inputs.length + " inputs but " + u.length + " tangents");
        }
        Tensor[] x = leaves(inputs, createGraph);
        Tensor[] y = f.apply(x);
        Tensor[] w = new Tensor[y.length];
        for (int k = 0; k < y.length; k++) w[k] = Tensor.zerosLike(y[k]).requiresGrad(true);
        Tensor[] g = gradOrZeros(y, x, w, true);
        Tensor[] jv = new Tensor[y.length];
        boolean any = false;
        for (Tensor t : g) any |= t.requiresGrad();
        if (!any) {
            for (int k = 0; k < y.length; k++) jv[k] = Tensor.zerosLike(y[k]);
            return new Result(y, jv);
        }
        Tensor[] gs = java.util.Arrays.stream(g).filter(Tensor::requiresGrad).toArray(Tensor[]::new);
        Tensor[] us = new Tensor[gs.length];
        for (int i = 0, j = 0; i < g.length; i++) if (g[i].requiresGrad()) us[j++] = u[i];
        Tensor[] r = Autograd.grad(gs, w, us, createGraph, true, true);
        for (int k = 0; k < y.length; k++) jv[k] = r[k] != null ? r[k] : Tensor.zerosLike(y[k]);
        return new Result(y, jv);
    }

    /**
     * {@return the Jacobian of a one-output f with respect to each input: a tensor of shape out.shape ++ in.shape
     * per input, built one output element (one backward) at a time}
     *
     * @param f the function of the inputs
     * @param inputs the input tensors
     */
    public static Tensor[] jacobian(Function<Tensor[], Tensor> f, Tensor... inputs) {
        Tensor[] x = leaves(inputs, false);
        Tensor y = f.apply(x);
        int m = y.numel();
        double[][] rows = new double[x.length][];
        for (int i = 0; i < x.length; i++) rows[i] = new double[m * x[i].numel()];
        for (int k = 0; k < m && y.requiresGrad(); k++) {
            double[] e = new double[m];
            e[k] = 1;
            Tensor seed = Tensor.of(e, y.shape()).to(y.dtype());
            Tensor[] g = Autograd.grad(new Tensor[] {y}, x, new Tensor[] {seed}, false, true, true);
            for (int i = 0; i < x.length; i++) {
                if (g[i] == null) continue;
                double[] row = g[i].toDoubleArray();
                System.arraycopy(row, 0, rows[i], k * row.length, row.length);
            }
        }
        Tensor[] out = new Tensor[x.length];
        for (int i = 0; i < x.length; i++) {
            int[] shape = concat(y.shape(), x[i].shape());
            out[i] = Tensor.of(rows[i], shape).to(inputs[i].dtype()).to(inputs[i].device());
        }
        return out;
    }

    /**
     * H v for a one-element f: the gradient of {@code <grad f(x), v>}, one tensor per input.
     *
     * @param f the function of the inputs
     * @param inputs the input tensors
     * @param v the vector
     * @return H v, one tensor per input
     */
    public static Tensor[] hvp(Function<Tensor[], Tensor> f, Tensor[] inputs, Tensor[] v) {
        if (v.length != inputs.length) {
            throw new IllegalArgumentException("hvp: " + inputs.length + " inputs but " + v.length + " vectors");
        }
        Tensor[] x = leaves(inputs, false);
        Tensor y = f.apply(x);
        if (y.numel() != 1) {
            throw new IllegalArgumentException("hvp: f must return one element, got " + Shape.format(y.shape()));
        }
        Tensor[] g = gradOrZeros(new Tensor[] {y}, x, null, true);
        Tensor dot = null;
        for (int i = 0; i < g.length; i++) {
            if (!g[i].requiresGrad()) continue;
            Tensor d = g[i].mul(v[i]).sum();
            dot = dot == null ? d : dot.add(d);
        }
        Tensor[] h = new Tensor[x.length];
        Tensor[] r = dot == null ? new Tensor[x.length] : Autograd.grad(new Tensor[] {dot}, x, null, false, false, true);
        for (int i = 0; i < x.length; i++) h[i] = r[i] != null ? r[i] : Tensor.zerosLike(x[i]);
        return h;
    }

    /** Fresh leaves standing for the inputs (the inputs themselves, through a view, when createGraph keeps their graph). */
    private static Tensor[] leaves(Tensor[] inputs, boolean createGraph) {
        Tensor[] x = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            Tensor t = inputs[i];
            if (!t.dtype().isFloatingPoint()) {
                throw new IllegalArgumentException("functional: input " + i + " is " + t.dtype() + "; only floating inputs have gradients");
            }
            x[i] = createGraph && t.requiresGrad() ? t.view(t.shape()) : t.detach().requiresGrad(true);
        }
        return x;
    }

    private static Tensor[] gradOrZeros(Tensor[] y, Tensor[] x, Tensor[] v, boolean createGraph) {
        boolean any = false;
        for (Tensor t : y) any |= t.requiresGrad();
        Tensor[] g = any ? Autograd.grad(used(y), x, used(y, v), createGraph, true, true) : new Tensor[x.length];
        for (int i = 0; i < g.length; i++) if (g[i] == null) g[i] = Tensor.zerosLike(x[i]);
        return g;
    }

    private static Tensor[] used(Tensor[] y) {
        return java.util.Arrays.stream(y).filter(Tensor::requiresGrad).toArray(Tensor[]::new);
    }

    private static Tensor[] used(Tensor[] y, Tensor[] v) {
        if (v == null) return null;
        if (v.length != y.length) {
            throw new IllegalArgumentException("vjp: " + y.length + " outputs but " + v.length + " vectors");
        }
        java.util.List<Tensor> out = new java.util.ArrayList<>();
        for (int k = 0; k < y.length; k++) if (y[k].requiresGrad()) out.add(v[k]);
        return out.toArray(Tensor[]::new);
    }

    private static int[] concat(int[] a, int[] b) {
        int[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
