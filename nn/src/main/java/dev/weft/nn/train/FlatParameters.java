package dev.weft.nn.train;

import dev.weft.autograd.Autograd;
import dev.weft.tensor.Tensor;
import java.util.List;

/**
 * A model's parameters (or their gradients) as one flat float vector, in {@code parameters()} order, and
 * back: what a {@link GradientSync} or a cluster ships. Float32 on the wire whatever the parameters' dtype.
 */
public final class FlatParameters {
    private FlatParameters() {}

    /**
     * {@return the total element count of {@code params}}
     *
     * @param params the parameters
     */
    public static int size(List<Tensor> params) {
        long n = 0;
        for (Tensor p : params) n += p.numel();
        if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("FlatParameters: " + n + " elements exceed one float[]");
        return (int) n;
    }

    /**
     * {@return the parameters' values concatenated}
     *
     * @param params the parameters
     */
    public static float[] values(List<Tensor> params) {
        float[] out = new float[size(params)];
        int at = 0;
        for (Tensor p : params) {
            float[] v = p.detach().toFloatArray();
            System.arraycopy(v, 0, out, at, v.length);
            at += v.length;
        }
        return out;
    }

    /**
     * {@return the parameters' gradients concatenated; a parameter without a gradient contributes zeros}
     *
     * @param params the parameters
     */
    public static float[] gradients(List<Tensor> params) {
        float[] out = new float[size(params)];
        int at = 0;
        for (Tensor p : params) {
            Tensor g = p.grad();
            if (g != null) System.arraycopy(g.toFloatArray(), 0, out, at, p.numel());
            at += p.numel();
        }
        return out;
    }

    /**
     * Copies {@code flat} into the parameters' values, in place (no autograd record). Modifies {@code params}.
     *
     * @param params the parameters
     * @param flat their new values, {@link #size} long
     */
    public static void setValues(List<Tensor> params, float[] flat) {
        check("setValues", params, flat);
        int at = 0;
        try (var s = Autograd.noGrad()) {
            for (Tensor p : params) {
                p.copy_(slice(flat, at, p).to(p.dtype()));
                at += p.numel();
            }
        }
    }

    /**
     * Sets each parameter's gradient to its slice of {@code flat}, replacing any gradient it had.
     * Modifies {@code params}' grad.
     *
     * @param params the parameters
     * @param flat their gradients, {@link #size} long
     */
    public static void setGradients(List<Tensor> params, float[] flat) {
        check("setGradients", params, flat);
        int at = 0;
        for (Tensor p : params) {
            p.setGrad(slice(flat, at, p).to(p.dtype()));
            at += p.numel();
        }
    }

    private static Tensor slice(float[] flat, int at, Tensor p) {
        float[] part = new float[p.numel()];
        System.arraycopy(flat, at, part, 0, part.length);
        return Tensor.of(part, p.shape());
    }

    private static void check(String fn, List<Tensor> params, float[] flat) {
        int n = size(params);
        if (flat.length != n) {
            throw new IllegalArgumentException("FlatParameters." + fn + ": vector of " + flat.length + " floats for "
                    + params.size() + " parameters of " + n + " elements");
        }
    }
}
