package dev.weft.nn.sparse;

import dev.weft.autograd.GradMode;
import dev.weft.nn.Module;
import dev.weft.nn.layers.Linear;
import dev.weft.tensor.SparseTensor;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;

/**
 * A linear layer whose weight is stored sparse: W (out, in) in CSR, only its nonzeros kept, and the product
 * computed sparse,
 * <pre>  y = x W^T + b = (W x^T)^T + b  </pre>
 * through the SpMM kernel (each nonzero w_ij adds w_ij * x[:, j] to output row i across the whole batch), so
 * the work and the memory scale with nnz, not with out * in. The nonzeros are the parameter "values" (trained
 * like any weight; the pattern stays fixed); the pattern is the buffers "crow_indices" and "col_indices";
 * "bias" (out) is optional. {@link #fromDense(Linear)} stores a (pruned) Linear this way.
 */
public class SparseLinear extends Module {
    private final int in, out;
    // The CSR structure (its transpose cached for the backward pass) and the buffers and versions it was built
    // from, in one immutable record behind a volatile field: threads sharing the layer for inference see either
    // a whole pattern or none, never a new structure paired with the previous buffers' bookkeeping.
    private volatile Pattern pattern;

    private record Pattern(SparseTensor csr, Tensor crow, Tensor col, int crowVersion, int colVersion) {
        boolean matches(Tensor crow, Tensor col) {
            return crow == this.crow && col == this.col && crow.version() == crowVersion && col.version() == colVersion;
        }
    }

    /**
     * A layer with the pattern and values of {@code weight} and the given bias.
     *
     * @param weight W, (out, in) CSR, F32 or F64
     * @param bias the bias (out), or null
     * @throws IllegalArgumentException when weight is null or the bias does not match its dtype and out
     */
    public SparseLinear(SparseTensor weight, Tensor bias) {
        if (weight == null) throw new IllegalArgumentException("SparseLinear: weight must not be null");
        SparseTensor w = weight.toSparseCsr();
        this.out = w.rows();
        this.in = w.cols();
        if (bias != null && (bias.dim() != 1 || bias.size(0) != out || bias.dtype() != w.dtype())) {
            throw new IllegalArgumentException("SparseLinear: bias must be " + w.dtype() + " (" + out + "), got " + bias.dtype() + " "
                    + Shape.format(bias.shape()));
        }
        registerParameter("values", w.values().detach().clone());
        registerParameter("bias", bias == null ? null : bias.detach().clone());
        registerBuffer("crow_indices", w.crowIndices().to(DType.I64).contiguous());
        registerBuffer("col_indices", w.colIndices().to(DType.I64).contiguous());
    }

    /**
     * The nonzeros of {@code linear}'s weight as it runs (weight_orig * weight_mask when it is pruned), with its
     * bias: the same function, stored sparse.
     *
     * @param linear the dense layer
     * @return the sparse layer
     */
    public static SparseLinear fromDense(Linear linear) {
        try (var s = GradMode.noGrad()) {
            return new SparseLinear(SparseTensor.fromDenseCsr(linear.maskedValue("weight").detach()), linear.ownParameters().get("bias"));
        }
    }

    // x: (*, in) -> (*, out)
    @Override
    public Tensor forward(Tensor x) {
        if (x.dim() < 1 || x.size(-1) != in) {
            throw new IllegalArgumentException("SparseLinear: input " + Shape.format(x.shape()) + " must end in in_features = " + in);
        }
        int[] shape = x.shape();
        Tensor rows = x.reshape(-1, in);
        Tensor y = weight().matmul(rows.t().contiguous()).t();           // (B, out)
        Tensor b = param("bias");
        if (b != null) y = y.add(b);
        shape[shape.length - 1] = out;
        return y.reshape(shape);
    }

    /** {@return W as a sparse (out, in) CSR matrix with the current values (differentiable in them)} */
    public SparseTensor weight() {
        Tensor crow = buffer("crow_indices"), col = buffer("col_indices");
        Pattern p = pattern;
        if (p == null || !p.matches(crow, col)) {
            int crowVersion = crow.version(), colVersion = col.version();
            SparseTensor csr = SparseTensor.csr(crow, col, param("values").detach(), out, in);
            csr.t();                                                      // computes and caches the transposed structure
            pattern = p = new Pattern(csr, crow, col, crowVersion, colVersion);
        }
        return p.csr().withValues(param("values"));
    }

    /** {@return the weight as a dense (out, in) tensor} */
    public Tensor toDenseWeight() {
        return weight().toDense();
    }

    /** {@return the stored nonzeros} */
    public int nnz() {
        return buffer("col_indices").numel();
    }

    /** {@return nnz / (out * in)} */
    public double density() {
        return (double) nnz() / ((long) out * in);
    }

    /** {@return the input features} */
    public int inFeatures() {
        return in;
    }

    /** {@return the output features} */
    public int outFeatures() {
        return out;
    }

    @Override
    protected String extraRepr() {
        return "in=" + in + ", out=" + out + ", nnz=" + nnz() + ", bias=" + (param("bias") != null);
    }
}
