//@class CrossEntropyGradSimd
package dev.weft.kernels.loss;

import dev.weft.kernels.elementwise.DoubleMath;
import dev.weft.kernels.elementwise.FloatMath;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API version of {@link CrossEntropyGrad}: lanes across the classes of a row, exp by
 * {@link FloatMath#exp} / {@link DoubleMath#exp} (basic lane ops only), the row's tail through a mask so
 * that every element is computed by the same expression wherever the tail falls and in every JIT mode.
 * No checks, no threading.
 */
public final class CrossEntropyGradSimd {
    private CrossEntropyGradSimd() {}

    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;

    //@each F32 F64
    /**
     * ${D}: rows [r0, r1) of dx.
     *
     * @param x the logits (n, c), contiguous
     * @param xOff index of x's first element
     * @param r0 first row to compute (inclusive)
     * @param r1 end of the row range (exclusive)
     * @param c number of classes
     * @param lse log-sum-exp of each row of x (n), from the forward
     * @param a per-row scale a[i] of the softmax term
     * @param m per-row scale m[i] of the label-smoothing term
     * @param t per-row weight t[i] subtracted at the target class
     * @param target the target class of each row (negative: no target term)
     * @param b per-class label-smoothing term b[k], or null
     * @param dx the gradient (n, c), written
     * @param dxOff index of dx's first element
     */
    public static void rows(${t}[] x, int xOff, int r0, int r1, int c, ${t}[] lse, double[] a, double[] m, double[] t,
                            int[] target, double[] b, ${t}[] dx, int dxOff) {
        int len = ${V}.length();
        ${t}[] bt = null;
        if (b != null) {
            bt = new ${t}[c];
            for (int k = 0; k < c; k++) bt[k] = (${t}) b[k];
        }
        for (int i = r0; i < r1; i++) {
            int xi = xOff + i * c, di = dxOff + i * c;
            ${T}Vector lv = ${T}Vector.broadcast(${V}, lse[i]);
            ${T}Vector av = ${T}Vector.broadcast(${V}, (${t}) a[i]);
            ${T}Vector mv = ${T}Vector.broadcast(${V}, (${t}) m[i]);
            for (int k = 0; k < c; k += len) {
                VectorMask<${T}> mask = ${V}.indexInRange(k, c);
                ${T}Vector v = ${T}Math.exp(${T}Vector.fromArray(${V}, x, xi + k, mask).sub(lv)).mul(av);
                if (bt != null) v = v.sub(${T}Vector.fromArray(${V}, bt, k, mask).mul(mv));
                v.intoArray(dx, di + k, mask);
            }
            if (target[i] >= 0) dx[di + target[i]] = (${t}) (dx[di + target[i]] - (${t}) t[i]);
        }
    }
    //@end
}
