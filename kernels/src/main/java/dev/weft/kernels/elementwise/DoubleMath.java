package dev.weft.kernels.elementwise;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Double vector math for UnarySimdF64 and SoftmaxSimd, the F64 side of {@link FloatMath} and, like it, built from
 * basic lane ops only (bitwise the same in every JIT mode, masked or not): exact rint / floor / ceil; exp, expm1,
 * log, log1p (about 1-2 ulp); an expm1-based tanh and an overflow-free sigmoid. No vector erf: F64 ERF and GELU_ERF run the scalar reference (UnarySimd routes
 * them there), so {@link #erf} and {@link #geluErf} only exist for the generated twin's shape and throw.
 */
public final class DoubleMath {
    private DoubleMath() {}

    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private static final double TWO_52 = 4503599627370496.0;

    private static DoubleVector orSign(DoubleVector r, DoubleVector v) {
        return r.reinterpretAsLongs().or(v.reinterpretAsLongs().and(Long.MIN_VALUE)).reinterpretAsDoubles();
    }

    /** Math.rint, exactly (see FloatMath.rint). */
    static DoubleVector rint(DoubleVector v) {
        DoubleVector a = v.abs();
        DoubleVector r = a.add(TWO_52).sub(TWO_52);
        return orSign(r.blend(a, a.compare(VectorOperators.LT, TWO_52).not()), v);
    }

    static DoubleVector floor(DoubleVector v) {
        DoubleVector r = rint(v);
        r = r.sub(1.0, r.compare(VectorOperators.GT, v));
        return orSign(r.abs(), v).blend(r, r.compare(VectorOperators.NE, 0.0));
    }

    static DoubleVector ceil(DoubleVector v) {
        DoubleVector r = rint(v);
        r = r.add(1.0, r.compare(VectorOperators.LT, v));
        return orSign(r.abs(), v).blend(r, r.compare(VectorOperators.NE, 0.0));
    }

    // ---------------------------------------------------------------- exp / expm1 / log / log1p (see FloatMath)

    private static final double MAGIC = 6755399441055744.0;              // 1.5 * 2^52
    private static final long MAGIC_BITS = 0x4338000000000000L;
    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HI = 6.93147180369123816490e-01;     // 32 significant bits: n * LN2_HI exact
    private static final double LN2_LO = 1.90821492927058770002e-10;     // ln 2 - LN2_HI
    private static final long SQRT_HALF_BITS = 0x3FE6A09E667F3BCDL;      // sqrt(1/2)
    /** 1/k!, k = 2..13 (truncation < 2e-17 relative on |r| <= ln2/2). */
    private static final double[] EXPM1_Q = factorials();
    /** 2/(2k+1), k = 1..10. */
    private static final double[] LOG_R = {2.0 / 3, 2.0 / 5, 2.0 / 7, 2.0 / 9, 2.0 / 11, 2.0 / 13, 2.0 / 15, 2.0 / 17, 2.0 / 19, 2.0 / 21};

    private static double[] factorials() {
        double[] c = new double[12];
        double f = 1;
        for (int k = 2; k <= 13; k++) {
            f *= k;
            c[k - 2] = 1 / f;
        }
        return c;
    }

    private static DoubleVector bc(double c) {
        return DoubleVector.broadcast(S, c);
    }

    private static DoubleVector horner(DoubleVector x, double[] c) {
        DoubleVector acc = bc(c[c.length - 1]);
        for (int i = c.length - 2; i >= 0; i--) acc = acc.fma(x, bc(c[i]));
        return acc;
    }

    /** 2^k for integer lanes k in [-1022, 1023]. */
    private static DoubleVector pow2(LongVector k) {
        return k.add(1023L).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
    }

    private static DoubleVector expm1Poly(DoubleVector r) {
        return r.mul(r).fma(horner(r, EXPM1_Q), r);
    }

    /**
     * e^x as FloatMath.exp; x clamped to [-746, 710] (0 below, +inf above). About 1 ulp.
     *
     * @param x the input array
     * @return e^x per lane
     */
    public static DoubleVector exp(DoubleVector x) {
        DoubleVector c = x.max(-746.0).min(710.0);
        DoubleVector t = c.fma(LOG2E, MAGIC);
        DoubleVector n = t.sub(MAGIC);
        DoubleVector r = n.fma(bc(-LN2_HI), c);
        r = n.fma(bc(-LN2_LO), r);
        DoubleVector p = expm1Poly(r);
        LongVector k = t.reinterpretAsLongs().sub(MAGIC_BITS);
        LongVector k1 = k.lanewise(VectorOperators.ASHR, 1);
        DoubleVector s1 = pow2(k1), s2 = pow2(k.sub(k1));
        return p.fma(s1, s1).mul(s2);
    }

    /**
     * e^x - 1 as FloatMath.expm1; {@code |x| < 2^-54} returns x, {@code x < -40} gives -1. About 1-2 ulp.
     *
     * @param x the input array
     * @return e^x - 1 per lane
     */
    public static DoubleVector expm1(DoubleVector x) {
        DoubleVector c = x.max(-40.0).min(710.0);
        DoubleVector t = c.fma(LOG2E, MAGIC);
        DoubleVector n = t.sub(MAGIC);
        DoubleVector r = n.fma(bc(-LN2_HI), c);
        r = n.fma(bc(-LN2_LO), r);
        DoubleVector p = expm1Poly(r);
        DoubleVector u = pow2(t.reinterpretAsLongs().sub(MAGIC_BITS + 1));
        DoubleVector y = p.fma(u, u.sub(0.5)).mul(2.0);
        return y.blend(x, x.abs().compare(VectorOperators.LT, 0x1p-54));
    }

    /**
     * ln x as FloatMath.log (subnormals scaled by 2^54). About 1 ulp.
     *
     * @param x the input array
     * @return ln x per lane
     */
    public static DoubleVector log(DoubleVector x) {
        return log(x, bc(0.0));
    }

    private static DoubleVector log(DoubleVector x, DoubleVector extra) {
        VectorMask<Double> sub = x.compare(VectorOperators.LT, Double.MIN_NORMAL);
        DoubleVector xn = x.blend(x.mul(0x1p54), sub);
        LongVector bits = xn.reinterpretAsLongs();
        LongVector e = bits.sub(SQRT_HALF_BITS).lanewise(VectorOperators.ASHR, 52);
        DoubleVector m = bits.sub(e.lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
        DoubleVector ef = e.add(MAGIC_BITS).reinterpretAsDoubles().sub(MAGIC).sub(54.0, sub);
        DoubleVector f = m.sub(1.0);
        DoubleVector s = f.div(f.add(2.0));
        DoubleVector z = s.mul(s);
        DoubleVector rz = z.mul(horner(z, LOG_R));
        DoubleVector lm = f.sub(s.mul(f.sub(rz)).sub(extra));
        DoubleVector y = ef.fma(bc(LN2_HI), ef.fma(bc(LN2_LO), lm));
        return y.blend(Double.NEGATIVE_INFINITY, x.compare(VectorOperators.EQ, 0.0))
                .blend(Double.POSITIVE_INFINITY, x.compare(VectorOperators.EQ, Double.POSITIVE_INFINITY))
                .blend(Double.NaN, x.compare(VectorOperators.LT, 0.0))
                .blend(x, x.compare(VectorOperators.NE, x));
    }

    /**
     * ln(1 + x) as FloatMath.log1p; {@code |x| < 2^-54} returns x. About 1-2 ulp.
     *
     * @param x the input array
     * @return ln(1 + x) per lane
     */
    public static DoubleVector log1p(DoubleVector x) {
        DoubleVector u = x.add(1.0);
        DoubleVector corr = x.sub(u.sub(1.0)).div(u).blend(0.0, u.compare(VectorOperators.EQ, Double.POSITIVE_INFINITY));
        return log(u, corr).blend(x, x.abs().compare(VectorOperators.LT, 0x1p-54));
    }

    /**
     * tanh(v) = sign(v) t / (t + 2), t = expm1(2|v|); |v| > 20 gives +-1 directly (t would overflow).
     *
     * @param v the lanes
     * @return tanh(v) per lane
     */
    public static DoubleVector tanh(DoubleVector v) {
        DoubleVector a = v.abs();
        DoubleVector t = expm1(a.mul(2.0));
        DoubleVector r = t.div(t.add(2.0)).blend(1.0, a.compare(VectorOperators.GT, 20.0));
        return orSign(r, v);
    }

    /**
     * sigmoid(z) without overflow: e = exp(-|z|); 1/(1+e) for z >= 0, e/(1+e) below.
     *
     * @param z the lanes
     * @return sigmoid(z) per lane
     */
    public static DoubleVector sigmoid(DoubleVector z) {
        DoubleVector e = exp(z.abs().neg());
        DoubleVector r = DoubleVector.broadcast(S, 1.0).div(e.add(1.0));
        return r.blend(e.mul(r), z.compare(VectorOperators.LT, 0.0));
    }

    static DoubleVector erf(DoubleVector v) {
        throw new IllegalStateException("unary ERF: F64 runs the scalar reference");
    }

    static DoubleVector geluErf(DoubleVector v) {
        throw new IllegalStateException("unary GELU_ERF: F64 runs the scalar reference");
    }
}
