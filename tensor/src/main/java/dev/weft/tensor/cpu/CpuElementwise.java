package dev.weft.tensor.cpu;

import dev.weft.kernels.elementwise.Binary;
import dev.weft.kernels.elementwise.Compare;
import dev.weft.kernels.elementwise.Unary;
import dev.weft.kernels.elementwise.Where;
import dev.weft.tensor.core.Strided;
import dev.weft.tensor.op.BinaryFn;
import dev.weft.tensor.op.CompareFn;
import dev.weft.tensor.op.ElementwiseOp;
import dev.weft.tensor.op.UnaryFn;

import java.util.Map;

/**
 * CPU execution of elementwise ops: operands are read through broadcast strides (stride 0, nothing
 * materialized), dims are coalesced by {@link StridedLoop}, and each innermost run is one call of the
 * kernels' strided 1-d functions. A fully coalesced op is a single call, which the kernels parallelize.
 */
final class CpuElementwise {
    private CpuElementwise() {}

    static void run(ElementwiseOp op, Strided[] in, Strided out) {
        int[] shape = out.shape();
        if (out.numel() == 0) return;
        Object y = CpuStorage.of(out).array();
        switch (op) {
            case ElementwiseOp.Unary u -> {
                Strided x = in[0];
                Object xa = CpuStorage.of(x).array();
                var fn = unaryFn(u.fn());
                if (out.isContiguous() && sameRun(x, shape)) {
                    unaryRun(fn, u, xa, x.storageOffset(), 1, y, out.storageOffset(), 1, out.numel());
                    return;
                }
                StridedLoop loop = new StridedLoop(shape, new int[] {out.storageOffset(), x.storageOffset()}, out.stride(), x.stride());
                int ys = loop.innerStride(0), xs = loop.innerStride(1);
                each(loop, (o, n) -> unaryRun(fn, u, xa, o[1], xs, y, o[0], ys, n));
            }
            case ElementwiseOp.Binary b -> {
                Strided a = in[0], c = in[1];
                Object aa = CpuStorage.of(a).array(), ca = CpuStorage.of(c).array();
                var fn = binaryFn(b.fn());
                int cs1 = sameRun(c, shape) ? 1 : c.numel() == 1 ? 0 : -1;
                if (cs1 >= 0 && out.isContiguous() && sameRun(a, shape)) {
                    binaryRun(fn, aa, a.storageOffset(), 1, ca, c.storageOffset(), cs1, y, out.storageOffset(), 1, out.numel());
                    return;
                }
                StridedLoop loop = new StridedLoop(shape, new int[] {out.storageOffset(), a.storageOffset(), c.storageOffset()},
                        out.stride(), Broadcast.strides(a, shape), Broadcast.strides(c, shape));
                int ys = loop.innerStride(0), as = loop.innerStride(1), cs = loop.innerStride(2);
                each(loop, (o, n) -> binaryRun(fn, aa, o[1], as, ca, o[2], cs, y, o[0], ys, n));
            }
            case ElementwiseOp.Compare c -> {
                Strided a = in[0], d = in[1];
                Object aa = CpuStorage.of(a).array(), da = CpuStorage.of(d).array();
                var fn = compareFn(c.fn());
                byte[] yy = (byte[]) y;
                StridedLoop loop = new StridedLoop(shape, new int[] {out.storageOffset(), a.storageOffset(), d.storageOffset()},
                        out.stride(), Broadcast.strides(a, shape), Broadcast.strides(d, shape));
                int ys = loop.innerStride(0), as = loop.innerStride(1), ds = loop.innerStride(2);
                each(loop, (o, n) -> {
                    switch (aa) {
                        case float[] x -> Compare.apply(fn, x, o[1], as, (float[]) da, o[2], ds, yy, o[0], ys, n);
                        case double[] x -> Compare.apply(fn, x, o[1], as, (double[]) da, o[2], ds, yy, o[0], ys, n);
                        case int[] x -> Compare.apply(fn, x, o[1], as, (int[]) da, o[2], ds, yy, o[0], ys, n);
                        case long[] x -> Compare.apply(fn, x, o[1], as, (long[]) da, o[2], ds, yy, o[0], ys, n);
                        case byte[] x -> Compare.apply(fn, x, o[1], as, (byte[]) da, o[2], ds, yy, o[0], ys, n);
                        default -> throw new IllegalStateException("cpu compare: array " + aa.getClass());
                    }
                });
            }
            case ElementwiseOp.Where w -> {
                Strided c = in[0], a = in[1], b = in[2];
                byte[] ca = (byte[]) CpuStorage.of(c).array();
                Object aa = CpuStorage.of(a).array(), ba = CpuStorage.of(b).array();
                StridedLoop loop = new StridedLoop(shape, new int[] {out.storageOffset(), c.storageOffset(), a.storageOffset(), b.storageOffset()},
                        out.stride(), Broadcast.strides(c, shape), Broadcast.strides(a, shape), Broadcast.strides(b, shape));
                int ys = loop.innerStride(0), cs = loop.innerStride(1), as = loop.innerStride(2), bs = loop.innerStride(3);
                each(loop, (o, n) -> {
                    switch (aa) {
                        case float[] x -> Where.apply(ca, o[1], cs, x, o[2], as, (float[]) ba, o[3], bs, (float[]) y, o[0], ys, n);
                        case double[] x -> Where.apply(ca, o[1], cs, x, o[2], as, (double[]) ba, o[3], bs, (double[]) y, o[0], ys, n);
                        case int[] x -> Where.apply(ca, o[1], cs, x, o[2], as, (int[]) ba, o[3], bs, (int[]) y, o[0], ys, n);
                        case long[] x -> Where.apply(ca, o[1], cs, x, o[2], as, (long[]) ba, o[3], bs, (long[]) y, o[0], ys, n);
                        case byte[] x -> Where.apply(ca, o[1], cs, x, o[2], as, (byte[]) ba, o[3], bs, (byte[]) y, o[0], ys, n);
                        default -> throw new IllegalStateException("cpu where: array " + aa.getClass());
                    }
                });
            }
            case ElementwiseOp.Cast c -> CpuConvert.copy(in[0], out);
        }
    }

    /** True if t is laid out as one contiguous run of {@code shape}'s elements. */
    private static boolean sameRun(Strided t, int[] shape) {
        return t.isContiguous() && java.util.Arrays.equals(t.shape(), shape);
    }

    // One strided run of a unary / binary op over whatever array type the tensors hold. Same-shape
    // contiguous operands (a scalar second operand too) call these once with unit strides and skip the
    // loop set-up, which dominates tiny ops.
    private static void unaryRun(dev.weft.kernels.elementwise.UnaryFn fn, ElementwiseOp.Unary u, Object xa, int xo, int xs,
                                 Object y, int yo, int ys, int n) {
        switch (y) {
            case float[] yy -> Unary.apply(fn, u.p0(), u.p1(), (float[]) xa, xo, xs, yy, yo, ys, n);
            case double[] yy -> Unary.apply(fn, u.p0(), u.p1(), (double[]) xa, xo, xs, yy, yo, ys, n);
            case int[] yy -> Unary.apply(fn, u.p0(), u.p1(), (int[]) xa, xo, xs, yy, yo, ys, n);
            case long[] yy -> Unary.apply(fn, u.p0(), u.p1(), (long[]) xa, xo, xs, yy, yo, ys, n);
            case byte[] yy -> Unary.apply(fn, u.p0(), u.p1(), (byte[]) xa, xo, xs, yy, yo, ys, n);
            default -> throw new IllegalStateException("cpu unary: array " + y.getClass());
        }
    }

    private static void binaryRun(dev.weft.kernels.elementwise.BinaryFn fn, Object aa, int ao, int as, Object ca, int co,
                                  int cs, Object y, int yo, int ys, int n) {
        switch (aa) {
            case float[] x -> Binary.apply(fn, x, ao, as, (float[]) ca, co, cs, (float[]) y, yo, ys, n);
            case double[] x -> Binary.apply(fn, x, ao, as, (double[]) ca, co, cs, (double[]) y, yo, ys, n);
            case int[] x -> Binary.apply(fn, x, ao, as, (int[]) ca, co, cs, (int[]) y, yo, ys, n);
            case long[] x -> Binary.apply(fn, x, ao, as, (long[]) ca, co, cs, (long[]) y, yo, ys, n);
            case byte[] x -> Binary.apply(fn, x, ao, as, (byte[]) ca, co, cs, (byte[]) y, yo, ys, n);
            default -> throw new IllegalStateException("cpu binary: array " + aa.getClass());
        }
    }

    /** One kernel call when the loop is a single run (the kernel parallelizes it), else chunks over the pool. */
    private static void each(StridedLoop loop, StridedLoop.Segment body) {
        if (loop.rank() == 1) loop.runSerial(body);
        else loop.run(body);
    }

    // The op enums carry the kernels' names, but for these three.
    private static final dev.weft.kernels.elementwise.UnaryFn[] UNARY = KernelFns.table(UnaryFn.values(),
            dev.weft.kernels.elementwise.UnaryFn.class, Map.of("GELU", "GELU_ERF", "POW", "POW_SCALAR", "LOGICAL_NOT", "NOT"));
    private static final dev.weft.kernels.elementwise.BinaryFn[] BINARY = KernelFns.table(BinaryFn.values(),
            dev.weft.kernels.elementwise.BinaryFn.class, Map.of());
    private static final dev.weft.kernels.elementwise.CompareFn[] COMPARE = KernelFns.table(CompareFn.values(),
            dev.weft.kernels.elementwise.CompareFn.class, Map.of());

    static dev.weft.kernels.elementwise.UnaryFn unaryFn(UnaryFn fn) {
        return UNARY[fn.ordinal()];
    }

    static dev.weft.kernels.elementwise.BinaryFn binaryFn(BinaryFn fn) {
        return BINARY[fn.ordinal()];
    }

    static dev.weft.kernels.elementwise.CompareFn compareFn(CompareFn fn) {
        return COMPARE[fn.ordinal()];
    }
}
