package dev.weft.kernels.elementwise;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Double vector math for UnarySimdF64, the F64 side of {@link FloatMath}: exact rint / floor / ceil, an expm1-based
 * tanh and an overflow-free sigmoid. No vector erf: F64 ERF and GELU_ERF run the scalar reference (UnarySimd routes
 * them there), so {@link #erf} and {@link #geluErf} only exist for the generated twin's shape and throw.
 */
final class DoubleMath {
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

    /**
     * tanh(v) = sign(v) t / (t + 2), t = expm1(2|v|): the JDK's vector TANH for doubles is not intrinsified
     * here (30x slower than this); |v| > 20 gives +-1 directly (t would overflow).
     */
    static DoubleVector tanh(DoubleVector v) {
        DoubleVector a = v.abs();
        DoubleVector t = a.mul(2.0).lanewise(VectorOperators.EXPM1);
        DoubleVector r = t.div(t.add(2.0)).blend(1.0, a.compare(VectorOperators.GT, 20.0));
        return orSign(r, v);
    }

    /** sigmoid(z) without overflow: e = exp(-|z|); 1/(1+e) for z >= 0, e/(1+e) below. */
    static DoubleVector sigmoid(DoubleVector z) {
        DoubleVector e = z.abs().neg().lanewise(VectorOperators.EXP);
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
