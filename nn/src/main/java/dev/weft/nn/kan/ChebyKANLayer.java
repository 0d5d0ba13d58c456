package dev.weft.nn.kan;

import dev.weft.autograd.GradMode;
import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.init.Init;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;

/**
 * ChebyKAN's layer (SynodicMonth/ChebyKAN's ChebyKANLayer): every edge a Chebyshev series of tanh(x),
 * <pre>
 *   t = tanh(x),   T_0 = 1,  T_1 = t,  T_n = 2 t T_{n-1} - T_{n-2}   (= cos(n arccos t))
 *   y[b, o] = sum_i sum_{n=0..D} cheby_coeffs[i, o, n] T_n(t[b, i])
 * </pre>
 * computed as the (B, in * (D + 1)) basis times the reshaped coefficients (one GEMM). The recurrence gives
 * ChebyKAN's cos(n arccos t) without arccos' infinite slope at |t| = 1 (reached by tanh in floating point for
 * |x| above about 9 in F32, 19 in F64, where the arccos form's gradient is NaN). Parameter cheby_coeffs
 * (in, out, D + 1) ~ N(0, (1 / (in (D + 1)))^2) and the buffer arange = [0, 1, ..., D] (I64), ChebyKAN's names.
 * Degree D defaults to 4, the degree of ChebyKAN's examples (its layer has no default).
 */
public class ChebyKANLayer extends Module implements EdgeLayer {
    /** The input and output widths and the degree D. */
    public final int inDim, outDim, degree;

    /**
     * ChebyKANLayer(in, out) of degree 4, coefficients from the shared default generator.
     *
     * @param inDim the input width
     * @param outDim the output width
     */
    public ChebyKANLayer(int inDim, int outDim) {
        this(inDim, outDim, 4);
    }

    /**
     * A layer of degree D, coefficients from the shared default generator.
     *
     * @param inDim the input width
     * @param outDim the output width
     * @param degree D
     */
    public ChebyKANLayer(int inDim, int outDim, int degree) {
        this(inDim, outDim, degree, Init.defaultGenerator());
    }

    /**
     * A layer with coefficients drawn from g.
     *
     * @param inDim the input width, at least 1
     * @param outDim the output width, at least 1
     * @param degree D, at least 0
     * @param g the generator of the coefficients, not null
     * @throws IllegalArgumentException when a width is below 1, the degree negative or g null
     */
    public ChebyKANLayer(int inDim, int outDim, int degree, Generator g) {
        String me = "ChebyKANLayer";
        OptionChecks.atLeast(me, "inDim", inDim, 1);
        OptionChecks.atLeast(me, "outDim", outDim, 1);
        OptionChecks.atLeast(me, "degree", degree, 0);
        OptionChecks.nonNull(me, "generator", g);
        this.inDim = inDim;
        this.outDim = outDim;
        this.degree = degree;
        Tensor c = registerParameter("cheby_coeffs", Tensor.empty(inDim, outDim, degree + 1));
        try (var s = GradMode.noGrad()) {
            Init.normal(c, 0, 1.0 / (inDim * (degree + 1)), g);
        }
        registerBuffer("arange", Tensor.arange(0, degree + 1, 1));
    }

    @Override
    public int inDim() { return inDim; }

    @Override
    public int outDim() { return outDim; }

    /** {@return the coefficients (in, out, D + 1)} */
    public Tensor chebyCoeffs() {
        return param("cheby_coeffs");
    }

    /**
     * T_0..T_D of tanh(x). Differentiable in x.
     *
     * @param x the input (B, in)
     * @return the bases (B, in, D + 1)
     */
    public Tensor basis(Tensor x) {
        Tensor t = x.tanh();
        Tensor[] tn = new Tensor[degree + 1];
        tn[0] = Tensor.onesLike(t);
        if (degree >= 1) tn[1] = t;
        for (int n = 2; n <= degree; n++) tn[n] = t.mul(tn[n - 1]).mul(2).sub(tn[n - 2]);
        return Tensor.stack(tn, 2);
    }

    // x: (..., in) -> (..., out)
    @Override
    public Tensor forward(Tensor x) {
        Tensor c = param("cheby_coeffs");
        Tensor x2 = EdgeInputs.rows(this, x, inDim, c.dtype());
        int nb = degree + 1;
        Tensor w = c.permute(0, 2, 1).reshape(inDim * nb, outDim);                  // (in * (D + 1), out)
        return basis(x2).reshape(x2.size(0), inDim * nb).mm(w).reshape(EdgeInputs.outShape(x, outDim));
    }

    @Override
    protected String extraRepr() {
        return "in=" + inDim + ", out=" + outDim + ", degree=" + degree;
    }
}
