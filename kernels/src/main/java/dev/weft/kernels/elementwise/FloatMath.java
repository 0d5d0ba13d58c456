package dev.weft.kernels.elementwise;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Float vector math from basic lane ops only (add, mul, fma, div, compare, blend, integer bit ops), so a lane's
 * result never depends on JIT state, masking or its position: the Vector API's transcendental operators
 * (lanewise EXP, LOG, TANH, ...) run an intrinsic stub in C2-compiled code but per-lane java.lang.Math in masked
 * tails and in interpreted or C1 code, which gives other bits. Here: exact round-half-even / floor / ceil; exp,
 * expm1, log, log1p (about 1-2 ulp, see {@link #exp} and {@link #log}); tanh, sigmoid built on them; erf / erfc
 * from our own fit.
 * erf: {@code |z| < 0.5} odd Taylor polynomial (truncation error {@code < 1e-9}); {@code |z| >= 0.5}: erfc(z) = t * exp(-z^2 + P(t)),
 * t = 1 / (1 + z/2), P a degree-9 polynomial interpolated at Chebyshev nodes on z in [0.5, 10] (relative error
 * of the fit 2.3e-9). In float the exp argument carries z^2's rounding, so erfc's relative error grows like
 * z^2 * 6e-8 (about 6e-6 at z = 10, where erfc is 2e-45); erf itself stays within a few ulp.
 */
public final class FloatMath {
    private FloatMath() {}

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private static final float TWO_23 = 8388608f;

    /** Taylor coefficients of erf(z)/z in z^2: (2/sqrt(pi)) (-1)^n / (n! (2n+1)), n = 0..7. */
    private static final float[] ERF_SMALL = taylor();

    /** P(t) for erfc, t-monomial coefficients (ascending). */
    private static final float[] ERFC_P = {
        -1.2655415298184378f, 1.0008396649261488f, 0.36455266459838576f, 0.1578199489665713f, -0.4218325801417737f,
        0.8496498505679528f, -2.008541655878298f, 2.306919776150729f, -1.2507577570551789f, 0.2669348971519823f};

    private static float[] taylor() {
        float[] c = new float[8];
        double f = 1;
        for (int n = 0; n < c.length; n++) {
            if (n > 0) f *= n;
            c[n] = (float) (2.0 / Math.sqrt(Math.PI) * ((n & 1) == 0 ? 1 : -1) / (f * (2 * n + 1)));
        }
        return c;
    }

    private static FloatVector horner(FloatVector x, float[] c) {
        FloatVector acc = FloatVector.broadcast(S, c[c.length - 1]);
        for (int i = c.length - 2; i >= 0; i--) acc = acc.fma(x, FloatVector.broadcast(S, c[i]));
        return acc;
    }

    /** Sets the sign bit of r where v's is set (r's own sign must be + there or already match). */
    private static FloatVector orSign(FloatVector r, FloatVector v) {
        return r.reinterpretAsInts().or(v.reinterpretAsInts().and(0x80000000)).reinterpretAsFloats();
    }

    /** Math.rint: nearest integer, ties to even; |v| >= 2^23, inf and NaN unchanged; keeps the sign of zero. */
    static FloatVector rint(FloatVector v) {
        FloatVector a = v.abs();
        FloatVector r = a.add(TWO_23).sub(TWO_23);
        return orSign(r.blend(a, a.compare(VectorOperators.LT, TWO_23).not()), v);
    }

    /** Math.floor, exactly. */
    static FloatVector floor(FloatVector v) {
        FloatVector r = rint(v);
        r = r.sub(1f, r.compare(VectorOperators.GT, v));
        return orSign(r.abs(), v).blend(r, r.compare(VectorOperators.NE, 0f));
    }

    /** Math.ceil, exactly. */
    static FloatVector ceil(FloatVector v) {
        FloatVector r = rint(v);
        r = r.add(1f, r.compare(VectorOperators.LT, v));
        return orSign(r.abs(), v).blend(r, r.compare(VectorOperators.NE, 0f));
    }

    // ---------------------------------------------------------------- exp / expm1 / log / log1p

    private static final float MAGIC = 12582912f;          // 1.5 * 2^23: x + MAGIC rounds x to an integer kept in the low bits
    private static final int MAGIC_BITS = 0x4B400000;       // Float.floatToRawIntBits(MAGIC)
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;       // 9 significant bits: n * LN2_HI is exact for |n| < 2^15
    private static final float LN2_LO = -2.12194440e-4f;    // ln 2 - LN2_HI
    private static final int SQRT_HALF_BITS = 0x3F3504F3;   // sqrt(1/2)
    /** Taylor coefficients of (expm1(r) - r) / r^2: 1/k!, k = 2..8 (truncation < 1e-9 relative on |r| <= ln2/2). */
    private static final float[] EXPM1_Q = {1f / 2, 1f / 6, 1f / 24, 1f / 120, 1f / 720, 1f / 5040, 1f / 40320};
    /** log((1+s)/(1-s)) = 2s + s R(s^2), R = sum_k 2 s^2k / (2k+1): coefficients 2/(2k+1), k = 1..5. */
    private static final float[] LOG_R = {2f / 3, 2f / 5, 2f / 7, 2f / 9, 2f / 11};

    private static FloatVector bc(float c) {
        return FloatVector.broadcast(S, c);
    }

    /** 2^k for integer lanes k in [-126, 127], built in the exponent field. */
    private static FloatVector pow2(IntVector k) {
        return k.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    }

    /** expm1(r) for |r| <= ln2/2: r + r^2 Q(r) (Horner with fma; about 0.5 ulp). */
    private static FloatVector expm1Poly(FloatVector r) {
        return r.mul(r).fma(horner(r, EXPM1_Q), r);
    }

    /**
     * e^x. Cody-Waite: n = round(x log2 e), r = x - n ln2 (two parts, {@code |r| <= ln2/2}), e^x = 2^n (1 + expm1(r)),
     * the scale applied as two powers of two so results near overflow and the gradual underflow come out right.
     * x is clamped to [-104, 89] first: below, the result rounds to 0; above, it overflows to +inf. NaN gives NaN.
     * Error about 1 ulp (subnormal results: one rounding of the scaled value).
     *
     * @param x the input array
     * @return e^x per lane
     */
    public static FloatVector exp(FloatVector x) {
        FloatVector c = x.max(-104f).min(89f);                   // NaN lanes stay NaN
        FloatVector t = c.fma(LOG2E, MAGIC);                      // MAGIC + n, n = rint(c log2 e)
        FloatVector n = t.sub(MAGIC);
        FloatVector r = n.fma(bc(-LN2_HI), c);
        r = n.fma(bc(-LN2_LO), r);
        FloatVector p = expm1Poly(r);
        IntVector k = t.reinterpretAsInts().sub(MAGIC_BITS);
        IntVector k1 = k.lanewise(VectorOperators.ASHR, 1);
        FloatVector s1 = pow2(k1), s2 = pow2(k.sub(k1));
        return p.fma(s1, s1).mul(s2);
    }

    /**
     * e^x - 1: with n, r as in {@link #exp} and u = 2^(n-1), expm1(x) = 2 (u expm1(r) + (u - 1/2)), where u - 1/2
     * is exact for the n that matter and the doubling is exact, so near 0 (n = 0) it is expm1(r) itself.
     * {@code |x| < 2^-25} returns x (keeps -0 and subnormals); {@code x < -20} gives -1, x > 88.7 +inf. About 1-2 ulp.
     *
     * @param x the input array
     * @return e^x - 1 per lane
     */
    public static FloatVector expm1(FloatVector x) {
        FloatVector c = x.max(-20f).min(89f);
        FloatVector t = c.fma(LOG2E, MAGIC);
        FloatVector n = t.sub(MAGIC);
        FloatVector r = n.fma(bc(-LN2_HI), c);
        r = n.fma(bc(-LN2_LO), r);
        FloatVector p = expm1Poly(r);
        FloatVector u = pow2(t.reinterpretAsInts().sub(MAGIC_BITS + 1));
        FloatVector y = p.fma(u, u.sub(0.5f)).mul(2f);
        return y.blend(x, x.abs().compare(VectorOperators.LT, 0x1p-25f));
    }

    /**
     * ln x (see {@link #log(FloatVector, FloatVector)}).
     *
     * @param x the input array
     * @return ln x per lane
     */
    public static FloatVector log(FloatVector x) {
        return log(x, bc(0f));
    }

    /**
     * ln x + extra, extra a tiny correction (0 for log; log1p's rounding of 1 + x). x = 2^e m with m in
     * [sqrt(1/2), sqrt 2) (subnormals scaled by 2^24 first); f = m - 1 (exact), s = f / (2 + f),
     * ln m = f - s (f - R(s^2)), ln x = e LN2_HI + (e LN2_LO + ln m). About 1 ulp.
     * Specials as Math.log: 0 -> -inf, negative -> NaN, +inf -> +inf, NaN -> NaN.
     */
    private static FloatVector log(FloatVector x, FloatVector extra) {
        VectorMask<Float> sub = x.compare(VectorOperators.LT, Float.MIN_NORMAL);
        FloatVector xn = x.blend(x.mul(0x1p24f), sub);
        IntVector bits = xn.reinterpretAsInts();
        IntVector e = bits.sub(SQRT_HALF_BITS).lanewise(VectorOperators.ASHR, 23);
        FloatVector m = bits.sub(e.lanewise(VectorOperators.LSHL, 23)).reinterpretAsFloats();
        FloatVector ef = e.add(MAGIC_BITS).reinterpretAsFloats().sub(MAGIC).sub(24f, sub);
        FloatVector f = m.sub(1f);
        FloatVector s = f.div(f.add(2f));
        FloatVector z = s.mul(s);
        FloatVector rz = z.mul(horner(z, LOG_R));
        FloatVector lm = f.sub(s.mul(f.sub(rz)).sub(extra));
        FloatVector y = ef.fma(bc(LN2_HI), ef.fma(bc(LN2_LO), lm));
        return y.blend(Float.NEGATIVE_INFINITY, x.compare(VectorOperators.EQ, 0f))
                .blend(Float.POSITIVE_INFINITY, x.compare(VectorOperators.EQ, Float.POSITIVE_INFINITY))
                .blend(Float.NaN, x.compare(VectorOperators.LT, 0f))
                .blend(x, x.compare(VectorOperators.NE, x));
    }

    /**
     * ln(1 + x): u = 1 + x rounded, ln u plus the correction (x - (u - 1)) / u for that rounding.
     * {@code |x| < 2^-25} returns x (keeps -0 and subnormals). About 1-2 ulp.
     *
     * @param x the input array
     * @return ln(1 + x) per lane
     */
    public static FloatVector log1p(FloatVector x) {
        FloatVector u = x.add(1f);
        FloatVector corr = x.sub(u.sub(1f)).div(u).blend(0f, u.compare(VectorOperators.EQ, Float.POSITIVE_INFINITY));
        return log(u, corr).blend(x, x.abs().compare(VectorOperators.LT, 0x1p-25f));
    }

    /**
     * tanh(v) = sign(v) t / (t + 2), t = expm1(2|v|); |v| > 10 gives +-1 (tanh(10) rounds to 1 in float).
     *
     * @param v the lanes
     * @return tanh(v) per lane
     */
    public static FloatVector tanh(FloatVector v) {
        FloatVector a = v.abs();
        FloatVector t = expm1(a.mul(2f));
        FloatVector r = t.div(t.add(2f)).blend(1f, a.compare(VectorOperators.GT, 10f));
        return orSign(r, v);
    }

    /**
     * sigmoid(z) = 1 / (1 + e^-z), evaluated with e = exp(-|z|) as 1/(1+e) for z >= 0 and e/(1+e) for {@code z < 0},
     * so it neither overflows nor loses the tiny values of the far negative tail.
     *
     * @param z the lanes
     * @return sigmoid(z) per lane
     */
    public static FloatVector sigmoid(FloatVector z) {
        FloatVector e = exp(z.abs().neg());
        FloatVector r = FloatVector.broadcast(S, 1f).div(e.add(1f));
        return r.blend(e.mul(r), z.compare(VectorOperators.LT, 0f));
    }

    /** erf of a >= 0 for a < 0.5 (any a computes, only that range is accurate). */
    private static FloatVector erfSmall(FloatVector a) {
        return a.mul(horner(a.mul(a), ERF_SMALL));
    }

    /** erfc of a >= 0 for a >= 0.5; 0 above 10 (erfc(10) = 2e-45 is at float's smallest subnormal). */
    private static FloatVector erfcLarge(FloatVector a) {
        FloatVector z = a.min(10f);
        FloatVector t = FloatVector.broadcast(S, 1f).div(z.fma(0.5f, 1f));
        FloatVector p = horner(t, ERFC_P);
        return t.mul(exp(z.mul(z).neg().add(p))).blend(0f, a.compare(VectorOperators.GT, 10f));
    }

    /** erf(v). */
    static FloatVector erf(FloatVector v) {
        FloatVector a = v.abs();
        VectorMask<Float> small = a.compare(VectorOperators.LT, 0.5f);
        FloatVector r = FloatVector.broadcast(S, 1f).sub(erfcLarge(a)).blend(erfSmall(a), small);
        return orSign(r, v);
    }

    /** GELU with the exact erf: x/2 * (1 + erf(x/sqrt 2)); for x < 0 computed as x/2 * erfc(|x|/sqrt 2). */
    static FloatVector geluErf(FloatVector x) {
        FloatVector a = x.abs().mul((float) Math.sqrt(0.5));
        VectorMask<Float> small = a.compare(VectorOperators.LT, 0.5f);
        FloatVector one = FloatVector.broadcast(S, 1f);
        FloatVector es = erfSmall(a), ec = erfcLarge(a);
        FloatVector erfA = one.sub(ec).blend(es, small);          // erf(|z|)
        FloatVector erfcA = ec.blend(one.sub(es), small);         // erfc(|z|)
        FloatVector phi = erfcA.blend(one.add(erfA), x.compare(VectorOperators.GE, 0f));
        return x.mul(0.5f).mul(phi);
    }
}
