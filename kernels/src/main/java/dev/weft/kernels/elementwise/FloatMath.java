package dev.weft.kernels.elementwise;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Float vector math the Vector API lacks: exact round-half-even / floor / ceil, and erf / erfc from our own fit.
 * erf: |z| < 0.5 odd Taylor polynomial (truncation error < 1e-9); |z| >= 0.5: erfc(z) = t * exp(-z^2 + P(t)),
 * t = 1 / (1 + z/2), P a degree-9 polynomial interpolated at Chebyshev nodes on z in [0.5, 10] (relative error
 * of the fit 2.3e-9). In float the exp argument carries z^2's rounding, so erfc's relative error grows like
 * z^2 * 6e-8 (about 6e-6 at z = 10, where erfc is 2e-45); erf itself stays within a few ulp.
 */
final class FloatMath {
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

    /** tanh: the JDK's vector TANH (intrinsified for floats; DoubleMath has its own). */
    static FloatVector tanh(FloatVector v) {
        return v.lanewise(VectorOperators.TANH);
    }

    /**
     * sigmoid(z) = 1 / (1 + e^-z), evaluated with e = exp(-|z|) as 1/(1+e) for z >= 0 and e/(1+e) for z < 0,
     * so it neither overflows nor loses the tiny values of the far negative tail.
     */
    static FloatVector sigmoid(FloatVector z) {
        FloatVector e = z.abs().neg().lanewise(VectorOperators.EXP);
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
        return t.mul(z.mul(z).neg().add(p).lanewise(VectorOperators.EXP)).blend(0f, a.compare(VectorOperators.GT, 10f));
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
