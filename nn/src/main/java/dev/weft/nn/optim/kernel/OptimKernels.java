package dev.weft.nn.optim.kernel;

import dev.weft.kernels.KernelImpl;
import dev.weft.kernels.Parallel;
import dev.weft.kernels.optim.AdamKernelF32;
import dev.weft.kernels.optim.AdamKernelF64;
import dev.weft.kernels.optim.AdamKernelSimdF32;
import dev.weft.kernels.optim.AdamKernelSimdF64;
import dev.weft.kernels.optim.SgdKernelF32;
import dev.weft.kernels.optim.SgdKernelF64;
import dev.weft.kernels.optim.SgdKernelSimdF32;
import dev.weft.kernels.optim.SgdKernelSimdF64;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.DirectAccess;
import dev.weft.tensor.Tensor;

/**
 * Fused optimizer updates: one pass over each parameter's array instead of a chain of tensor ops with
 * temporaries. A method returns false, touching nothing, when the tensors do not allow the fused path
 * (not all on the CPU, not contiguous, dtypes other than one shared F32 or F64, sizes differ); the
 * caller then runs its tensor-op form. Picks the scalar or Vector API kernel by {@link KernelImpl#current()}
 * (both give the same bits) and splits large parameters over {@link Parallel} at fixed boundaries.
 * Bumps the storage version of every tensor written.
 */
public final class OptimKernels {
    private OptimKernels() {}

    /** Elements per parallel chunk; smaller parameters run on the caller's thread. */
    private static final int GRAIN = 1 << 16;

    /**
     * Adam / AdamW on one parameter, elementwise (m, v, vMax: state, written; g: read; p: written):
     * <pre>
     *   g' = (maximize ? -g : g) + l2 p          (Adam's L2 weight decay; l2 = 0 for AdamW)
     *   p' = p decay                             (AdamW's decoupled decay 1 - lr wd; 1 for Adam)
     *   m  = beta1 m + (1 - beta1) g'
     *   v  = beta2 v + (1 - beta2) g'^2
     *   vMax = max(vMax, v)                      (amsgrad only: vMax non-null; its value replaces v below)
     *   p  = p' + negStepSize m / (sqrt(v) / bc2Sqrt + eps)
     * </pre>
     * negStepSize = -lr / (1 - beta1^t), bc2Sqrt = sqrt(1 - beta2^t).
     */
    public static boolean adam(Tensor p, Tensor g, Tensor m, Tensor v, Tensor vMax, double beta1, double beta2,
                               double negStepSize, double bc2Sqrt, double eps, double l2, double decay, boolean maximize) {
        if (!fusable(p, g, m, v, vMax)) return false;
        int n = p.numel();
        boolean simd = KernelImpl.current() == KernelImpl.SIMD;
        int po = p.storageOffset(), go = g.storageOffset(), mo = m.storageOffset(), vo = v.storageOffset();
        int xo = vMax == null ? 0 : vMax.storageOffset();
        if (p.dtype() == DType.F64) {
            double[] pa = DirectAccess.doubles(p), ga = DirectAccess.doubles(g), ma = DirectAccess.doubles(m), va = DirectAccess.doubles(v);
            double[] xa = vMax == null ? null : DirectAccess.doubles(vMax);
            Parallel.forRange(n, GRAIN, (from, to) -> {
                if (simd) AdamKernelSimdF64.step(pa, po, ga, go, ma, mo, va, vo, xa, xo, from, to, beta1, 1 - beta1, beta2,
                        1 - beta2, negStepSize, bc2Sqrt, eps, l2, decay, maximize);
                else AdamKernelF64.step(pa, po, ga, go, ma, mo, va, vo, xa, xo, from, to, beta1, 1 - beta1, beta2,
                        1 - beta2, negStepSize, bc2Sqrt, eps, l2, decay, maximize);
            });
        } else {
            float[] pa = DirectAccess.floats(p), ga = DirectAccess.floats(g), ma = DirectAccess.floats(m), va = DirectAccess.floats(v);
            float[] xa = vMax == null ? null : DirectAccess.floats(vMax);
            float b1 = (float) beta1, b2 = (float) beta2, c1 = (float) (1 - beta1), c2 = (float) (1 - beta2);
            float ns = (float) negStepSize, bc = (float) bc2Sqrt, ep = (float) eps, wd = (float) l2, dc = (float) decay;
            Parallel.forRange(n, GRAIN, (from, to) -> {
                if (simd) AdamKernelSimdF32.step(pa, po, ga, go, ma, mo, va, vo, xa, xo, from, to, b1, c1, b2, c2, ns, bc, ep, wd, dc, maximize);
                else AdamKernelF32.step(pa, po, ga, go, ma, mo, va, vo, xa, xo, from, to, b1, c1, b2, c2, ns, bc, ep, wd, dc, maximize);
            });
        }
        bump(p, m, v, vMax);
        return true;
    }

    /**
     * SGD on one parameter, elementwise (buf: momentum buffer, written, null without momentum):
     * <pre>
     *   d = (maximize ? -g : g) + weightDecay p
     *   buf = first ? d : momentum buf + (1 - dampening) d ;  d = nesterov ? d + momentum buf : buf
     *   p = p - lr d
     * </pre>
     */
    public static boolean sgd(Tensor p, Tensor g, Tensor buf, double lr, double weightDecay, double momentum,
                              double dampening, boolean nesterov, boolean maximize, boolean first) {
        if (!fusable(p, g, buf, null, null)) return false;
        int n = p.numel();
        boolean simd = KernelImpl.current() == KernelImpl.SIMD;
        int po = p.storageOffset(), go = g.storageOffset(), bo = buf == null ? 0 : buf.storageOffset();
        if (p.dtype() == DType.F64) {
            double[] pa = DirectAccess.doubles(p), ga = DirectAccess.doubles(g), ba = buf == null ? null : DirectAccess.doubles(buf);
            Parallel.forRange(n, GRAIN, (from, to) -> {
                if (simd) SgdKernelSimdF64.step(pa, po, ga, go, ba, bo, from, to, -lr, weightDecay, momentum, 1 - dampening, nesterov, maximize, first);
                else SgdKernelF64.step(pa, po, ga, go, ba, bo, from, to, -lr, weightDecay, momentum, 1 - dampening, nesterov, maximize, first);
            });
        } else {
            float[] pa = DirectAccess.floats(p), ga = DirectAccess.floats(g), ba = buf == null ? null : DirectAccess.floats(buf);
            float nl = (float) -lr, wd = (float) weightDecay, mu = (float) momentum, od = (float) (1 - dampening);
            Parallel.forRange(n, GRAIN, (from, to) -> {
                if (simd) SgdKernelSimdF32.step(pa, po, ga, go, ba, bo, from, to, nl, wd, mu, od, nesterov, maximize, first);
                else SgdKernelF32.step(pa, po, ga, go, ba, bo, from, to, nl, wd, mu, od, nesterov, maximize, first);
            });
        }
        bump(p, buf, null, null);
        return true;
    }

    /** p and every non-null other tensor: CPU, contiguous, p's dtype (F32 or F64), p's element count. */
    private static boolean fusable(Tensor p, Tensor... others) {
        DType dt = p.dtype();
        if ((dt != DType.F32 && dt != DType.F64) || !ok(p, dt, p.numel())) return false;
        for (Tensor t : others) if (t != null && !ok(t, dt, p.numel())) return false;
        return true;
    }

    private static boolean ok(Tensor t, DType dt, int n) {
        return DirectAccess.available(t, dt) && t.numel() == n;
    }

    private static void bump(Tensor... ts) {
        for (Tensor t : ts) if (t != null) DirectAccess.written(t);
    }
}
