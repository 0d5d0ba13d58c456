package dev.weft.tensor.cpu;


import dev.weft.kernels.elementwise.Unary;
import dev.weft.kernels.elementwise.UnaryFn;
import dev.weft.kernels.reduce.Reduce;
import dev.weft.kernels.reduce.ReduceFn;
import dev.weft.kernels.reduce.Scan;
import dev.weft.kernels.reduce.Softmax;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Strided;
import dev.weft.tensor.op.ReduceOp;

/**
 * CPU execution of reductions. The kernels read contiguous (outer, r, inner) blocks: when the reduced
 * dims are one consecutive block of a contiguous input of the kernel's dtype, the input is used in place;
 * otherwise it is copied once (converting dtype where the kernel needs another one, e.g. I32 sums in
 * I64), with the reduced dims permuted to the end when they are not consecutive. Outputs are contiguous,
 * so (outer, inner) is exactly their layout.
 */
final class CpuReduce {
    private CpuReduce() {}

    /** A contiguous (outer, r, inner) view of an array. */
    private record Block(Object array, int offset, int outer, int r, int inner) {}

    static void run(ReduceOp op, Strided x, Strided[] out) {
        Object y = CpuStorage.of(out[0]).array();
        switch (op) {
            case ReduceOp.Reduce r -> {
                DType kt = switch (r.fn()) {
                    case SUM, PROD -> x.dtype().isFloatingPoint() ? x.dtype() : DType.I64;
                    case MAX, MIN -> x.dtype();
                    case ALL, ANY -> DType.BOOL;
                };
                ReduceFn fn = switch (r.fn()) {
                    case SUM -> ReduceFn.SUM;
                    case PROD -> ReduceFn.PROD;
                    case MAX -> kt == DType.BOOL ? ReduceFn.ANY : ReduceFn.MAX;
                    case MIN -> kt == DType.BOOL ? ReduceFn.ALL : ReduceFn.MIN;
                    case ALL -> ReduceFn.ALL;
                    case ANY -> ReduceFn.ANY;
                };
                if (!staged(fn, x, r.dims(), kt, y)) reduce(fn, block(x, r.dims(), kt), y);
            }
            case ReduceOp.ArgReduce a -> {
                DType kt = x.dtype() == DType.BOOL ? DType.I32 : x.dtype();
                Block b = block(x, new int[] {a.dim()}, kt);
                long[] idx = CpuStorage.i64(out[1]);
                Object vals = kt == x.dtype() ? y : CpuStorage.allocate(kt, out[0].numel()).array();
                switch (b.array()) {
                    case float[] v -> Reduce.argReduce(a.max(), v, b.offset(), b.outer(), b.r(), b.inner(), (float[]) vals, 0, idx, 0);
                    case double[] v -> Reduce.argReduce(a.max(), v, b.offset(), b.outer(), b.r(), b.inner(), (double[]) vals, 0, idx, 0);
                    case int[] v -> Reduce.argReduce(a.max(), v, b.offset(), b.outer(), b.r(), b.inner(), (int[]) vals, 0, idx, 0);
                    case long[] v -> Reduce.argReduce(a.max(), v, b.offset(), b.outer(), b.r(), b.inner(), (long[]) vals, 0, idx, 0);
                    default -> throw new IllegalStateException("cpu argreduce: array " + b.array().getClass());
                }
                if (vals != y) {
                    int[] s = out[0].shape();
                    CpuConvert.copy(vals, 0, out[0].stride(), y, 0, out[0].stride(), s);
                }
            }
            case ReduceOp.Var v -> {
                Block b = block(x, v.dims(), x.dtype());
                int n = b.outer() * b.inner();
                switch (b.array()) {
                    case float[] a -> Reduce.meanVar(a, b.offset(), b.outer(), b.r(), b.inner(), v.correction(), new float[n], 0, (float[]) y, 0);
                    case double[] a -> Reduce.meanVar(a, b.offset(), b.outer(), b.r(), b.inner(), v.correction(), new double[n], 0, (double[]) y, 0);
                    default -> throw new IllegalStateException("cpu var: array " + b.array().getClass());
                }
            }
            case ReduceOp.Std v -> {
                Block b = block(x, v.dims(), x.dtype());
                int n = b.outer() * b.inner();
                switch (b.array()) {
                    case float[] a -> Reduce.meanVar(a, b.offset(), b.outer(), b.r(), b.inner(), v.correction(), new float[n], 0, (float[]) y, 0);
                    case double[] a -> Reduce.meanVar(a, b.offset(), b.outer(), b.r(), b.inner(), v.correction(), new double[n], 0, (double[]) y, 0);
                    default -> throw new IllegalStateException("cpu std: array " + b.array().getClass());
                }
                unary(UnaryFn.SQRT, 0, y, 0, y, n);
            }
            case ReduceOp.Norm nm -> norm(nm.p(), x, nm.dims(), y);
            case ReduceOp.Softmax s -> {
                Block b = block(x, new int[] {s.dim()}, x.dtype());
                switch (b.array()) {
                    case float[] a -> Softmax.softmax(a, b.offset(), b.outer(), b.r(), b.inner(), (float[]) y, 0);
                    case double[] a -> Softmax.softmax(a, b.offset(), b.outer(), b.r(), b.inner(), (double[]) y, 0);
                    default -> throw new IllegalStateException("cpu softmax: array " + b.array().getClass());
                }
            }
            case ReduceOp.LogSoftmax s -> {
                Block b = block(x, new int[] {s.dim()}, x.dtype());
                switch (b.array()) {
                    case float[] a -> Softmax.logSoftmax(a, b.offset(), b.outer(), b.r(), b.inner(), (float[]) y, 0);
                    case double[] a -> Softmax.logSoftmax(a, b.offset(), b.outer(), b.r(), b.inner(), (double[]) y, 0);
                    default -> throw new IllegalStateException("cpu log_softmax: array " + b.array().getClass());
                }
            }
            case ReduceOp.LogSumExp l -> {
                Block b = block(x, l.dims(), x.dtype());
                switch (b.array()) {
                    case float[] a -> Softmax.logSumExp(a, b.offset(), b.outer(), b.r(), b.inner(), (float[]) y, 0);
                    case double[] a -> Softmax.logSumExp(a, b.offset(), b.outer(), b.r(), b.inner(), (double[]) y, 0);
                    default -> throw new IllegalStateException("cpu logsumexp: array " + b.array().getClass());
                }
            }
            case ReduceOp.Cumsum c -> scan(true, x, c.dim(), out[0]);
            case ReduceOp.Cumprod c -> scan(false, x, c.dim(), out[0]);
        }
    }

    /**
     * (sum |x|^p)^(1/p) over dims: the kernels of x.abs().pow(p).sum(dims).pow(1 / p), same bits. |x|^p is made in
     * x's logical row-major order, as the composition's elementwise ops make it, and then summed as its sum does
     * (run by run, or one block).
     */
    private static void norm(double p, Strided x, int[] dims, Object y) {
        int m = x.numel();
        Object xa = x.isContiguous() ? CpuStorage.of(x).array() : CpuConvert.contiguous(x, null, x.dtype());
        int xo = x.isContiguous() ? x.storageOffset() : 0;
        CpuStorage ts = CpuStorage.allocate(x.dtype(), m);
        Object t = ts.array();
        if (p == 2) {
            unary(UnaryFn.SQUARE, 0, xa, xo, t, m);
        } else {
            unary(UnaryFn.ABS, 0, xa, xo, t, m);
            unary(UnaryFn.POW_SCALAR, p, t, 0, t, m);
        }
        Strided tv = Strided.contiguous(ts, x.shape());
        if (!staged(ReduceFn.SUM, tv, dims, x.dtype(), y)) reduce(ReduceFn.SUM, block(tv, dims, x.dtype()), y);
        boolean[] red = new boolean[x.dim()];
        for (int d : dims) red[d] = true;
        int n = keptCount(x.shape(), red);
        if (p == 2) unary(UnaryFn.SQRT, 0, y, 0, y, n);
        else unary(UnaryFn.POW_SCALAR, 1 / p, y, 0, y, n);
    }

    /**
     * fn over reduced dims that are not one consecutive run (a bias gradient's (0, 2, 3) of an NCHW tensor) on a
     * contiguous x of the accumulation type: one in-place reduction per run, the last run first, so x is never
     * permuted into a copy (the run's partial results, far smaller, go to a temporary). Returns false, doing
     * nothing, when x needs a converting copy anyway, is empty, or the dims form one run.
     */
    private static boolean staged(ReduceFn fn, Strided x, int[] dims, DType kt, Object y) {
        if (dims.length < 2 || !x.isContiguous() || x.dtype() != kt || x.numel() == 0) return false;
        int runs = 1;
        for (int i = 1; i < dims.length; i++) if (dims[i] != dims[i - 1] + 1) runs++;
        if (runs == 1) return false;
        int[] cur = x.shape().clone();
        Object src = CpuStorage.of(x).array();
        int srcOff = x.storageOffset(), hi = dims.length - 1;
        while (hi >= 0) {
            int lo = hi;
            while (lo > 0 && dims[lo - 1] == dims[lo] - 1) lo--;
            int first = dims[lo], last = dims[hi];
            int outer = prod(cur, 0, first), r = prod(cur, first, last + 1), inner = prod(cur, last + 1, cur.length);
            Object dst = lo == 0 ? y : CpuStorage.allocate(kt, outer * inner).array();
            reduce(fn, new Block(src, srcOff, outer, r, inner), dst);
            for (int d = first; d <= last; d++) cur[d] = 1;
            src = dst;
            srcOff = 0;
            hi = lo - 1;
        }
        return true;
    }

    /** y[0, outer * inner) = fn over r of the block, y an array of the block's type. */
    private static void reduce(ReduceFn fn, Block b, Object y) {
        switch (b.array()) {
            case float[] a -> Reduce.reduce(fn, a, b.offset(), b.outer(), b.r(), b.inner(), (float[]) y, 0);
            case double[] a -> Reduce.reduce(fn, a, b.offset(), b.outer(), b.r(), b.inner(), (double[]) y, 0);
            case int[] a -> Reduce.reduce(fn, a, b.offset(), b.outer(), b.r(), b.inner(), (int[]) y, 0);
            case long[] a -> Reduce.reduce(fn, a, b.offset(), b.outer(), b.r(), b.inner(), (long[]) y, 0);
            case byte[] a -> Reduce.reduce(fn, a, b.offset(), b.outer(), b.r(), b.inner(), (byte[]) y, 0);
            default -> throw new IllegalStateException("cpu reduce: array " + b.array().getClass());
        }
    }

    /** y[0, n) = fn(x[xOff, xOff + n)) on float[] or double[] arrays (contiguous). */
    private static void unary(UnaryFn fn, double p0, Object x, int xOff, Object y, int n) {
        switch (x) {
            case float[] f -> Unary.apply(fn, p0, 0, f, xOff, 1, (float[]) y, 0, 1, n);
            case double[] d -> Unary.apply(fn, p0, 0, d, xOff, 1, (double[]) y, 0, 1, n);
            default -> throw new IllegalStateException("cpu unary: array " + x.getClass());
        }
    }

    private static void scan(boolean sum, Strided x, int dim, Strided out) {
        Block b = block(x, new int[] {dim}, out.dtype());
        Object y = CpuStorage.of(out).array();
        switch (b.array()) {
            case float[] a -> {
                if (sum) Scan.cumsum(a, b.offset(), b.outer(), b.r(), b.inner(), (float[]) y, 0);
                else Scan.cumprod(a, b.offset(), b.outer(), b.r(), b.inner(), (float[]) y, 0);
            }
            case double[] a -> {
                if (sum) Scan.cumsum(a, b.offset(), b.outer(), b.r(), b.inner(), (double[]) y, 0);
                else Scan.cumprod(a, b.offset(), b.outer(), b.r(), b.inner(), (double[]) y, 0);
            }
            case long[] a -> {
                if (sum) Scan.cumsum(a, b.offset(), b.outer(), b.r(), b.inner(), (long[]) y, 0);
                else Scan.cumprod(a, b.offset(), b.outer(), b.r(), b.inner(), (long[]) y, 0);
            }
            default -> throw new IllegalStateException("cpu scan: array " + b.array().getClass());
        }
    }

    /**
     * x as a contiguous (outer, r, inner) block of dtype kt with r = the product of dims (sorted). In place
     * when possible; else one converting copy, permuting the reduced dims last if they are not consecutive.
     */
    private static Block block(Strided x, int[] dims, DType kt) {
        int[] shape = x.shape();
        int rank = shape.length;
        boolean consecutive = true;
        for (int i = 1; i < dims.length; i++) if (dims[i] != dims[i - 1] + 1) consecutive = false;
        if (consecutive) {
            int lo = dims.length == 0 ? rank : dims[0], hi = dims.length == 0 ? rank - 1 : dims[dims.length - 1];
            int outer = prod(shape, 0, lo), r = prod(shape, lo, hi + 1), inner = prod(shape, hi + 1, rank);
            if (x.isContiguous() && x.dtype() == kt) {
                return new Block(CpuStorage.of(x).array(), x.storageOffset(), outer, r, inner);
            }
            return new Block(CpuConvert.contiguous(x, null, kt), 0, outer, r, inner);
        }
        boolean[] red = new boolean[rank];
        for (int d : dims) red[d] = true;
        int[] perm = new int[rank];
        int j = 0;
        for (int d = 0; d < rank; d++) if (!red[d]) perm[j++] = d;
        for (int d : dims) perm[j++] = d;
        int r = 1;
        for (int d : dims) r *= shape[d];
        int outer = x.numel() == 0 ? keptCount(shape, red) : x.numel() / Math.max(r, 1);
        return new Block(CpuConvert.contiguous(x, perm, kt), 0, outer, r, 1);
    }

    private static int keptCount(int[] shape, boolean[] red) {
        int n = 1;
        for (int d = 0; d < shape.length; d++) if (!red[d]) n *= shape[d];
        return n;
    }

    private static int prod(int[] s, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) p *= s[i];
        return p;
    }
}
