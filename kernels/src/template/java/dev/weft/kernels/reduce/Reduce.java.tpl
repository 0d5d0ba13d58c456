//@class Reduce
package dev.weft.kernels.reduce;

import dev.weft.kernels.KernelImpl;
import dev.weft.kernels.Parallel;
import dev.weft.kernels.elementwise.KernelChecks;

/**
 * Facade of the reductions over contiguous x viewed as (outer, r, inner) -> y (outer, inner):
 * reduce (SUM, PROD, MAX, MIN; ALL/ANY on BOOL), argReduce (values and indices), meanVar.
 * Checks sizes, splits work over the shared pool and runs {@link ReduceSimd} or {@link ReduceScalar}.
 * Rows longer than {@link #R_CHUNK} with inner == 1 are reduced in fixed chunks whose partials are combined in
 * order (in double for F32), whatever the thread count: same inputs, same bits. Only the outputs are modified.
 */
public final class Reduce {
    private Reduce() {}

    /** Chunk length along r for long contiguous rows (inner == 1). */
    public static final int R_CHUNK = 256 * 1024;

    private static boolean simd() {
        return KernelImpl.current() == KernelImpl.SIMD;
    }

    private static void check(String kernel, Object what, int xLen, int xOff, int outer, int r, int inner, int yLen, int yOff) {
        long n = KernelChecks.dims(kernel, what, outer, r, inner);
        KernelChecks.block(kernel, what, "x", xLen, xOff, n);
        KernelChecks.block(kernel, what, "y", yLen, yOff, (long) outer * inner);
    }

    private static void checkFn(ReduceFn fn, String dtype, int outer, int r, int inner) {
        boolean ok = dtype.equals("BOOL") ? !fn.numeric() : fn.numeric();
        if (!ok) {
            throw new IllegalArgumentException("reduce " + fn + ": not defined on " + dtype
                    + (dtype.equals("BOOL") ? " (BOOL takes ALL and ANY)" : " (ALL and ANY take BOOL)"));
        }
        if (r == 0 && (fn == ReduceFn.MAX || fn == ReduceFn.MIN) && (long) outer * inner > 0) {
            throw new IllegalArgumentException("reduce " + fn + ": empty slice (outer, r, inner) = (" + outer + ", 0, " + inner
                    + ") has no " + (fn == ReduceFn.MAX ? "maximum" : "minimum"));
        }
    }

    //@each F32 F64
    /**
     * ${D}: y[o, j] = fn over k of x[o, k, j]. Writes y[yOff .. yOff + outer*inner).
     *
     * @param fn the function to apply
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void reduce(ReduceFn fn, ${s}[] x, int xOff, int outer, int r, int inner, ${s}[] y, int yOff) {
        check("reduce", fn, x.length, xOff, outer, r, inner, y.length, yOff);
        checkFn(fn, "${D}", outer, r, inner);
        boolean simd = simd();
        if (inner == 1 && r > R_CHUNK) {
            int chunks = (r + R_CHUNK - 1) / R_CHUNK;
            ${s}[] part = new ${s}[outer * chunks];
            Parallel.forEach(outer * chunks, t -> {
                int o = t / chunks, c = t % chunks, k0 = c * R_CHUNK;
                run(simd, fn, x, xOff + o * r + k0, 1, Math.min(R_CHUNK, r - k0), 1, 0, 1, part, t);
            });
            for (int o = 0; o < outer; o++) {
                double acc = ReduceScalar.init(fn);
                for (int c = 0; c < chunks; c++) acc = ReduceScalar.step(fn, acc, part[o * chunks + c]);
                y[yOff + o] = (${t}) acc;
            }
            return;
        }
        ReducePlan.run(outer, r, inner, (o0, o1, j0, j1) ->
                run(simd, fn, x, xOff + o0 * r * inner, o1 - o0, r, inner, j0, j1, y, yOff + o0 * inner));
    }

    private static void run(boolean simd, ReduceFn fn, ${s}[] x, int xOff, int outer, int r, int inner, int j0, int j1, ${s}[] y, int yOff) {
        if (simd) ReduceSimd.reduce(fn, x, xOff, outer, r, inner, j0, j1, y, yOff);
        else ReduceScalar.reduce(fn, x, xOff, outer, r, inner, j0, j1, y, yOff);
    }
    //@end

    //@each I32 I64
    /**
     * ${D}: y[o, j] = fn over k of x[o, k, j]. Writes y[yOff .. yOff + outer*inner).
     *
     * @param fn the function to apply
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void reduce(ReduceFn fn, ${s}[] x, int xOff, int outer, int r, int inner, ${s}[] y, int yOff) {
        check("reduce", fn, x.length, xOff, outer, r, inner, y.length, yOff);
        checkFn(fn, "${D}", outer, r, inner);
        boolean simd = simd();
        if (inner == 1 && r > R_CHUNK) {
            int chunks = (r + R_CHUNK - 1) / R_CHUNK;
            ${s}[] part = new ${s}[outer * chunks];
            Parallel.forEach(outer * chunks, t -> {
                int o = t / chunks, c = t % chunks, k0 = c * R_CHUNK;
                run(simd, fn, x, xOff + o * r + k0, 1, Math.min(R_CHUNK, r - k0), 1, 0, 1, part, t);
            });
            for (int o = 0; o < outer; o++) {
                long acc = ReduceScalar.initLong(fn, ${B}.MIN_VALUE, ${B}.MAX_VALUE);
                for (int c = 0; c < chunks; c++) acc = (${t}) ReduceScalar.stepLong(fn, acc, part[o * chunks + c]);
                y[yOff + o] = (${t}) acc;
            }
            return;
        }
        ReducePlan.run(outer, r, inner, (o0, o1, j0, j1) ->
                run(simd, fn, x, xOff + o0 * r * inner, o1 - o0, r, inner, j0, j1, y, yOff + o0 * inner));
    }

    private static void run(boolean simd, ReduceFn fn, ${s}[] x, int xOff, int outer, int r, int inner, int j0, int j1, ${s}[] y, int yOff) {
        if (simd) ReduceSimdInt.reduce(fn, x, xOff, outer, r, inner, j0, j1, y, yOff);
        else ReduceScalar.reduce(fn, x, xOff, outer, r, inner, j0, j1, y, yOff);
    }
    //@end

    /**
     * BOOL: y[o, j] = fn over k of x[o, k, j]. Writes y[yOff .. yOff + outer*inner).
     *
     * @param fn the function to apply
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void reduce(ReduceFn fn, byte[] x, int xOff, int outer, int r, int inner, byte[] y, int yOff) {
        check("reduce", fn, x.length, xOff, outer, r, inner, y.length, yOff);
        checkFn(fn, "BOOL", outer, r, inner);
        boolean simd = simd();
        if (inner == 1 && r > R_CHUNK) {
            int chunks = (r + R_CHUNK - 1) / R_CHUNK;
            byte[] part = new byte[outer * chunks];
            Parallel.forEach(outer * chunks, t -> {
                int o = t / chunks, c = t % chunks, k0 = c * R_CHUNK;
                run(simd, fn, x, xOff + o * r + k0, 1, Math.min(R_CHUNK, r - k0), 1, 0, 1, part, t);
            });
            for (int o = 0; o < outer; o++) {
                boolean all = fn == ReduceFn.ALL, acc = all;
                for (int c = 0; c < chunks && acc == all; c++) acc = part[o * chunks + c] != 0;
                y[yOff + o] = (byte) (acc ? 1 : 0);
            }
            return;
        }
        ReducePlan.run(outer, r, inner, (o0, o1, j0, j1) ->
                run(simd, fn, x, xOff + o0 * r * inner, o1 - o0, r, inner, j0, j1, y, yOff + o0 * inner));
    }

    private static void run(boolean simd, ReduceFn fn, byte[] x, int xOff, int outer, int r, int inner, int j0, int j1, byte[] y, int yOff) {
        if (simd) ReduceSimdInt.reduce(fn, x, xOff, outer, r, inner, j0, j1, y, yOff);
        else ReduceScalar.reduce(fn, x, xOff, outer, r, inner, j0, j1, y, yOff);
    }

    //@each F32 F64 I32 I64
    /**
     * ${D}: y[o, j] = max (or min) over k of x[o, k, j] and idx[o, j] = its k; the first occurrence wins ties
     * and the first NaN wins over everything. Needs r >= 1. Writes y and idx.
     *
     * @param max the upper bound (inclusive)
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param idx the index array
     * @param idxOff index of idx's first element
     */
    public static void argReduce(boolean max, ${s}[] x, int xOff, int outer, int r, int inner, ${s}[] y, int yOff, long[] idx, int idxOff) {
        String k = max ? "argmax" : "argmin";
        check(k, null, x.length, xOff, outer, r, inner, y.length, yOff);
        KernelChecks.block(k, null, "idx", idx.length, idxOff, (long) outer * inner);
        if (r == 0 && (long) outer * inner > 0) {
            throw new IllegalArgumentException(k + ": empty slice (outer, r, inner) = (" + outer + ", 0, " + inner + ") has no " + (max ? "maximum" : "minimum"));
        }
        boolean simd = simd();
        ReducePlan.run(outer, r, inner, (o0, o1, j0, j1) -> {
            if (simd) ArgReduceSimd.argReduce(max, x, xOff + o0 * r * inner, o1 - o0, r, inner, j0, j1, y, yOff + o0 * inner, idx, idxOff + o0 * inner);
            else ReduceScalar.argReduce(max, x, xOff + o0 * r * inner, o1 - o0, r, inner, j0, j1, y, yOff + o0 * inner, idx, idxOff + o0 * inner);
        });
    }
    //@end

    //@each F32 F64
    /**
     * ${D}: mean[o, j] = sum_k x[o, k, j] / r and var[o, j] = sum_k (x[o, k, j] - mean)^2 / max(0, r - correction)
     * (two passes; dof 0 gives NaN or inf, r = 0 gives NaN). Writes mean and var.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param correction subtracted from r in the divisor (1: unbiased)
     * @param mean the means (outer, inner), written
     * @param mOff index of mean's first element
     * @param var the variances (outer, inner), written
     * @param vOff index of var's first element
     */
    public static void meanVar(${s}[] x, int xOff, int outer, int r, int inner, double correction, ${s}[] mean, int mOff, ${s}[] var, int vOff) {
        check("meanVar", null, x.length, xOff, outer, r, inner, mean.length, mOff);
        KernelChecks.block("meanVar", null, "var", var.length, vOff, (long) outer * inner);
        boolean simd = simd();
        ReducePlan.run(outer, r, inner, (o0, o1, j0, j1) -> {
            if (simd) MeanVarSimd.meanVar(x, xOff + o0 * r * inner, o1 - o0, r, inner, j0, j1, correction, mean, mOff + o0 * inner, var, vOff + o0 * inner);
            else ReduceScalar.meanVar(x, xOff + o0 * r * inner, o1 - o0, r, inner, j0, j1, correction, mean, mOff + o0 * inner, var, vOff + o0 * inner);
        });
    }
    //@end
}
