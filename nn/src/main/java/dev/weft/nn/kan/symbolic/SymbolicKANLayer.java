package dev.weft.nn.kan.symbolic;

import dev.weft.autograd.GradMode;
import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The symbolic branch of a KAN layer (pykan's Symbolic_KANLayer): on every edge i -&gt; j a library function f_{j,i}
 * with an affine map in and out,
 * <pre>
 *   postacts[b, j, i] = mask[j, i] * (c_{j,i} f_{j,i}(a_{j,i} x[b, i] + b_{j,i}) + d_{j,i}),   y[b, j] = sum_i postacts[b, j, i]
 * </pre>
 * Parameter affine (out, in, 4) holds (a, b, c, d) per edge (trained with the rest of the model), buffer mask
 * (out, in) switches edges on; both start at zero and every function at "0", so a new layer adds nothing. The
 * functions themselves are not part of the state dict (pykan keeps them outside it too). Edges whose mask is 0
 * are not evaluated, so their parameters get no gradient.
 */
public class SymbolicKANLayer extends Module {
    /** The input and output widths. */
    public final int inDim, outDim;
    private final SymbolicFunction[][] funs;    // [out][in]

    /**
     * A layer that adds nothing yet: every edge "0", affine and mask zero.
     *
     * @param inDim the input width, at least 1
     * @param outDim the output width, at least 1
     */
    public SymbolicKANLayer(int inDim, int outDim) {
        OptionChecks.atLeast("SymbolicKANLayer", "inDim", inDim, 1);
        OptionChecks.atLeast("SymbolicKANLayer", "outDim", outDim, 1);
        this.inDim = inDim;
        this.outDim = outDim;
        this.funs = new SymbolicFunction[outDim][inDim];
        for (SymbolicFunction[] row : funs) Arrays.fill(row, SymbolicLib.get("0"));
        registerParameter("affine", Tensor.zeros(outDim, inDim, 4));
        registerBuffer("mask", Tensor.zeros(outDim, inDim));
    }

    /** {@return the affine parameters (out, in, 4): (a, b, c, d) of each edge} */
    public Tensor affine() {
        return param("affine");
    }

    /** {@return the mask buffer (out, in): nonzero switches an edge's symbolic function on} */
    public Tensor mask() {
        return buffer("mask");
    }

    /**
     * {@return the function of edge i -&gt; j}
     *
     * @param i the input of the edge, in [0, inDim)
     * @param j the output of the edge, in [0, outDim)
     */
    public SymbolicFunction function(int i, int j) {
        checkEdge("function", i, j);
        return funs[j][i];
    }

    /**
     * {@return (a, b, c, d) of edge i -&gt; j}
     *
     * @param i the input of the edge, in [0, inDim)
     * @param j the output of the edge, in [0, outDim)
     */
    public double[] affine(int i, int j) {
        checkEdge("affine", i, j);
        return param("affine").select(0, j).select(0, i).contiguous().toDoubleArray();
    }

    /**
     * pykan's Symbolic_KANLayer.fix_symbolic: edge i -&gt; j becomes c * f(a x + b) + d. The mask is the caller's
     * (KAN.fixSymbolic switches it on). Modifies this layer.
     *
     * @param i the input of the edge, in [0, inDim)
     * @param j the output of the edge, in [0, outDim)
     * @param f the library function, not null
     * @param a the input scale
     * @param b the input shift
     * @param c the output scale
     * @param d the output shift
     */
    public void fixSymbolic(int i, int j, SymbolicFunction f, double a, double b, double c, double d) {
        checkEdge("fixSymbolic", i, j);
        OptionChecks.nonNull("SymbolicKANLayer.fixSymbolic", "function", f);
        funs[j][i] = f;
        setAffine(i, j, a, b, c, d);
    }

    /**
     * Sets (a, b, c, d) of edge i -&gt; j. Modifies the affine parameter in place.
     *
     * @param i the input of the edge, in [0, inDim)
     * @param j the output of the edge, in [0, outDim)
     * @param a the input scale
     * @param b the input shift
     * @param c the output scale
     * @param d the output shift
     */
    public void setAffine(int i, int j, double a, double b, double c, double d) {
        checkEdge("setAffine", i, j);
        Tensor p = param("affine");
        try (var s = GradMode.noGrad()) {
            p.select(0, j).select(0, i).copy_(Tensor.of(new double[] {a, b, c, d}).to(p.dtype()));
        }
    }

    /** {@return true when some edge's mask is nonzero} Otherwise the branch adds nothing and the KAN skips it. */
    public boolean active() {
        for (double m : buffer("mask").toDoubleArray()) if (m != 0) return true;
        return false;
    }

    // x: (B, in) -> (B, out)
    @Override
    public Tensor forward(Tensor x) {
        Tensor[][] t = edgeTerms(x);
        int b = x.size(0);
        List<Tensor> cols = new ArrayList<>();
        for (int j = 0; j < outDim; j++) {
            Tensor col = null;
            for (int i = 0; i < inDim; i++) if (t[j][i] != null) col = col == null ? t[j][i] : col.add(t[j][i]);
            cols.add(col != null ? col : Tensor.zeros(x.dtype(), b));
        }
        return Tensor.stack(cols, 1);
    }

    /**
     * Every edge's postacts, zero where the mask is.
     *
     * @param x the input (B, in)
     * @return postacts (B, out, in)
     */
    public Tensor postacts(Tensor x) {
        Tensor[][] t = edgeTerms(x);
        Tensor zero = Tensor.zeros(x.dtype(), x.size(0));
        List<Tensor> rows = new ArrayList<>();
        for (int j = 0; j < outDim; j++) {
            List<Tensor> row = new ArrayList<>();
            for (int i = 0; i < inDim; i++) row.add(t[j][i] != null ? t[j][i] : zero);
            rows.add(Tensor.stack(row, 1));
        }
        return Tensor.stack(rows, 1);
    }

    /** [j][i]: mask * (c f(a x_i + b) + d) as (B), null where the mask is 0. */
    private Tensor[][] edgeTerms(Tensor x) {
        DType dt = param("affine").dtype();
        if (x.dim() != 2 || x.size(1) != inDim || x.dtype() != dt) {
            throw new IllegalArgumentException(this + ": input " + x.dtype() + " " + Shape.format(x.shape()) + " must be (B, " + inDim + ") of "
                    + dt);
        }
        double[] mask = buffer("mask").toDoubleArray();
        Tensor affine = param("affine");
        Tensor[][] t = new Tensor[outDim][inDim];
        for (int j = 0; j < outDim; j++) {
            for (int i = 0; i < inDim; i++) {
                double m = mask[j * inDim + i];
                if (m == 0) continue;
                Tensor e = affine.select(0, j).select(0, i);                                   // (4): a, b, c, d
                Tensor u = x.select(1, i).mul(e.select(0, 0)).add(e.select(0, 1));
                Tensor v = funs[j][i].apply(u).mul(e.select(0, 2)).add(e.select(0, 3));
                t[j][i] = m == 1 ? v : v.mul(m);
            }
        }
        return t;
    }

    /**
     * pykan's get_subset: the edges from inputs inIds to outputs outIds (functions, affine and mask copied).
     *
     * @param inIds the inputs kept, in order
     * @param outIds the outputs kept, in order
     * @return the smaller layer
     */
    public SymbolicKANLayer subset(int[] inIds, int[] outIds) {
        SymbolicKANLayer s = new SymbolicKANLayer(inIds.length, outIds.length);
        s.to(param("affine").dtype());
        for (int q = 0; q < outIds.length; q++) {
            for (int p = 0; p < inIds.length; p++) {
                checkEdge("subset", inIds[p], outIds[q]);
                s.funs[q][p] = funs[outIds[q]][inIds[p]];
            }
        }
        Tensor in = ids(inIds), out = ids(outIds);
        try (var g = GradMode.noGrad()) {
            s.param("affine").copy_(param("affine").indexSelect(0, out).indexSelect(1, in));
            s.buffer("mask").copy_(buffer("mask").indexSelect(0, out).indexSelect(1, in));
        }
        return s;
    }

    /** {@return a copy of this layer (its own parameters)} */
    public SymbolicKANLayer copy() {
        int[] in = new int[inDim], out = new int[outDim];
        for (int i = 0; i < inDim; i++) in[i] = i;
        for (int j = 0; j < outDim; j++) out[j] = j;
        return subset(in, out);
    }

    private static Tensor ids(int[] idList) {
        long[] l = new long[idList.length];
        for (int i = 0; i < l.length; i++) l[i] = idList[i];
        return Tensor.of(l);
    }

    private void checkEdge(String where, int i, int j) {
        if (i < 0 || i >= inDim || j < 0 || j >= outDim) {
            throw new IllegalArgumentException(this + "." + where + ": edge " + i + " -> " + j + " outside in " + inDim + ", out " + outDim);
        }
    }

    @Override
    protected String extraRepr() {
        return "in=" + inDim + ", out=" + outDim;
    }
}
