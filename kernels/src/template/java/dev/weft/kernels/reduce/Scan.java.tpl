//@class Scan
package dev.weft.kernels.reduce;

import dev.weft.kernels.KernelImpl;
import dev.weft.kernels.elementwise.KernelChecks;

/**
 * Facade of the inclusive scans along r of contiguous x (outer, r, inner) -> y of the same shape:
 * cumsum (y[k] = x[0] + ... + x[k]) and cumprod. F32 accumulates in double; integers wrap. y may be x.
 * Runs {@link ScanSimd} or {@link ScanScalar}, split over the shared pool.
 */
public final class Scan {
    private Scan() {}

    private static void check(String kernel, int xLen, int xOff, int outer, int r, int inner, int yLen, int yOff) {
        long n = KernelChecks.dims(kernel, null, outer, r, inner);
        KernelChecks.block(kernel, null, "x", xLen, xOff, n);
        KernelChecks.block(kernel, null, "y", yLen, yOff, n);
    }

    //@each F32 F64 I32 I64
    /**
     * ${D} cumsum along r. Writes y.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void cumsum(${s}[] x, int xOff, int outer, int r, int inner, ${s}[] y, int yOff) {
        check("cumsum", x.length, xOff, outer, r, inner, y.length, yOff);
        boolean simd = KernelImpl.current() == KernelImpl.SIMD;
        ReducePlan.run(outer, r, inner, (o0, o1, j0, j1) -> {
            if (simd) ScanSimd.cumsum(x, xOff + o0 * r * inner, o1 - o0, r, inner, j0, j1, y, yOff + o0 * r * inner);
            else ScanScalar.cumsum(x, xOff + o0 * r * inner, o1 - o0, r, inner, j0, j1, y, yOff + o0 * r * inner);
        });
    }

    /**
     * ${D} cumprod along r. Writes y.
     *
     * @param x the input array
     * @param xOff index of x's first element
     * @param outer number of outer slices (product of the dims before the kernel's dim)
     * @param r length of the dim the kernel runs along
     * @param inner number of inner columns (product of the dims after the kernel's dim)
     * @param y the output array (written)
     * @param yOff index of y's first element
     */
    public static void cumprod(${s}[] x, int xOff, int outer, int r, int inner, ${s}[] y, int yOff) {
        check("cumprod", x.length, xOff, outer, r, inner, y.length, yOff);
        boolean simd = KernelImpl.current() == KernelImpl.SIMD;
        ReducePlan.run(outer, r, inner, (o0, o1, j0, j1) -> {
            if (simd) ScanSimd.cumprod(x, xOff + o0 * r * inner, o1 - o0, r, inner, j0, j1, y, yOff + o0 * r * inner);
            else ScanScalar.cumprod(x, xOff + o0 * r * inner, o1 - o0, r, inner, j0, j1, y, yOff + o0 * r * inner);
        });
    }
    //@end
}
