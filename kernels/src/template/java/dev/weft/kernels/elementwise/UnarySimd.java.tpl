//@twins UnarySimd${D} F32 F64 literals
package dev.weft.kernels.elementwise;

import jdk.incubator.vector.${T}Vector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The ${D} unary kernels behind {@link UnarySimd}: one vector loop per function (whole vectors plus one masked
 * tail), a broadcast input computed once, other strides staged through a small tile. The math that differs
 * between the dtypes lives in {@link ${T}Math} (FloatMath in the twin). {@link UnarySimd} decides what runs here.
 */
final class UnarySimd${D} {
    private UnarySimd${D}() {}

    private static final VectorSpecies<${T}> S = ${T}Vector.SPECIES_PREFERRED;
    private static final int TILE = 256;
    private static final ${t} SQRT_2_OVER_PI = (${t}) Math.sqrt(2 / Math.PI);

    /** y = fn(x) for any strides: unit strides run the loops directly, stride 0 computes once, others are staged. Writes y. */
    static void run(UnaryFn fn, ${t} p0, ${t} p1, ${t}[] x, int xOff, int xStride, ${t}[] y, int yOff, int yStride, int n) {
        if (xStride == 1 && yStride == 1) {
            contiguous(fn, p0, p1, x, xOff, y, yOff, n);
        } else if (xStride == 0) {
            ${t}[] t = {x[xOff]};
            contiguous(fn, p0, p1, t, 0, t, 0, 1);
            for (int i = 0, yi = yOff; i < n; i++, yi += yStride) y[yi] = t[0];
        } else {
            ${t}[] tx = new ${t}[Math.min(n, TILE)], ty = new ${t}[tx.length];
            for (int i0 = 0; i0 < n; i0 += TILE) {
                int m = Math.min(TILE, n - i0);
                for (int i = 0, xi = xOff + i0 * xStride; i < m; i++, xi += xStride) tx[i] = x[xi];
                contiguous(fn, p0, p1, tx, 0, ty, 0, m);
                for (int i = 0, yi = yOff + i0 * yStride; i < m; i++, yi += yStride) y[yi] = ty[i];
            }
        }
    }

    // NOTE: one loop per function, each its own JIT unit. A shared loop taking a lambda (or a switch inside
    // the loop) gets OSR-compiled with a polluted profile and boxes every vector: 10-20x slower.
    private static void contiguous(UnaryFn fn, ${t} p0, ${t} p1, ${t}[] x, int xOff, ${t}[] y, int yOff, int n) {
        switch (fn) {
            case NEG -> neg(x, xOff, y, yOff, n);
            case ABS -> abs(x, xOff, y, yOff, n);
            case EXP -> exp(x, xOff, y, yOff, n);
            case LOG -> log(x, xOff, y, yOff, n);
            case LOG1P -> log1p(x, xOff, y, yOff, n);
            case EXPM1 -> expm1(x, xOff, y, yOff, n);
            case SQRT -> sqrt(x, xOff, y, yOff, n);
            case RSQRT -> rsqrt(x, xOff, y, yOff, n);
            case SQUARE -> square(x, xOff, y, yOff, n);
            case TANH -> tanh(x, xOff, y, yOff, n);
            case SIGMOID -> sigmoid(x, xOff, y, yOff, n);
            case RELU -> relu(x, xOff, y, yOff, n);
            case LEAKY_RELU -> leakyRelu(p0, x, xOff, y, yOff, n);
            case ELU -> elu(p0, x, xOff, y, yOff, n);
            case GELU_ERF -> geluErf(x, xOff, y, yOff, n);
            case GELU_TANH -> geluTanh(x, xOff, y, yOff, n);
            case SILU -> silu(x, xOff, y, yOff, n);
            case SOFTPLUS -> softplus(p0, p1, x, xOff, y, yOff, n);
            case SIGN -> sign(x, xOff, y, yOff, n);
            case FLOOR -> floor(x, xOff, y, yOff, n);
            case CEIL -> ceil(x, xOff, y, yOff, n);
            case ROUND -> round(x, xOff, y, yOff, n);
            case CLAMP -> clamp(p0, p1, x, xOff, y, yOff, n);
            case POW_SCALAR -> {
                if (p0 == 2.0) square(x, xOff, y, yOff, n);
                else if (p0 == 1.0) System.arraycopy(x, xOff, y, yOff, n);
                else throw new IllegalStateException("unary POW_SCALAR " + p0 + ": runs the scalar reference");
            }
            case SIN, COS -> throw new IllegalStateException("unary " + fn + ": runs the scalar reference");
            case RECIPROCAL -> reciprocal(x, xOff, y, yOff, n);
            case ERF -> erf(x, xOff, y, yOff, n);
            case NOT -> not(x, xOff, y, yOff, n);
        }
    }

    private static void neg(${t}[] x, int xOff, ${t}[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i);
            v.neg().intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i, m);
            v.neg().intoArray(y, yOff + i, m);
        }
    }

    private static void abs(${t}[] x, int xOff, ${t}[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i);
            v.abs().intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i, m);
            v.abs().intoArray(y, yOff + i, m);
        }
    }

    private static void exp(${t}[] x, int xOff, ${t}[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i);
            ${T}Math.exp(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i, m);
            ${T}Math.exp(v).intoArray(y, yOff + i, m);
        }
    }

    private static void log(${t}[] x, int xOff, ${t}[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i);
            ${T}Math.log(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i, m);
            ${T}Math.log(v).intoArray(y, yOff + i, m);
        }
    }

    private static void log1p(${t}[] x, int xOff, ${t}[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i);
            ${T}Math.log1p(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i, m);
            ${T}Math.log1p(v).intoArray(y, yOff + i, m);
        }
    }

    private static void expm1(${t}[] x, int xOff, ${t}[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i);
            ${T}Math.expm1(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i, m);
            ${T}Math.expm1(v).intoArray(y, yOff + i, m);
        }
    }

    private static void sqrt(${t}[] x, int xOff, ${t}[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i);
            v.sqrt().intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i, m);
            v.sqrt().intoArray(y, yOff + i, m);
        }
    }

    private static void rsqrt(${t}[] x, int xOff, ${t}[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i);
            ${T}Vector.broadcast(S, 1.0).div(v.sqrt()).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i, m);
            ${T}Vector.broadcast(S, 1.0).div(v.sqrt()).intoArray(y, yOff + i, m);
        }
    }

    private static void square(${t}[] x, int xOff, ${t}[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i);
            v.mul(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i, m);
            v.mul(v).intoArray(y, yOff + i, m);
        }
    }



    private static void tanh(${t}[] x, int xOff, ${t}[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i);
            ${T}Math.tanh(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i, m);
            ${T}Math.tanh(v).intoArray(y, yOff + i, m);
        }
    }

    private static void sigmoid(${t}[] x, int xOff, ${t}[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i);
            ${T}Math.sigmoid(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i, m);
            ${T}Math.sigmoid(v).intoArray(y, yOff + i, m);
        }
    }

    private static void relu(${t}[] x, int xOff, ${t}[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i);
            v.blend(0.0, v.compare(VectorOperators.LE, 0.0)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i, m);
            v.blend(0.0, v.compare(VectorOperators.LE, 0.0)).intoArray(y, yOff + i, m);
        }
    }

    private static void leakyRelu(${t} p0, ${t}[] x, int xOff, ${t}[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i);
            v.mul(p0).blend(v, v.compare(VectorOperators.GT, 0.0)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i, m);
            v.mul(p0).blend(v, v.compare(VectorOperators.GT, 0.0)).intoArray(y, yOff + i, m);
        }
    }

    private static void elu(${t} p0, ${t}[] x, int xOff, ${t}[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i);
            ${T}Math.expm1(v).mul(p0).blend(v, v.compare(VectorOperators.GT, 0.0)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i, m);
            ${T}Math.expm1(v).mul(p0).blend(v, v.compare(VectorOperators.GT, 0.0)).intoArray(y, yOff + i, m);
        }
    }

    private static void geluErf(${t}[] x, int xOff, ${t}[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i);
            ${T}Math.geluErf(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i, m);
            ${T}Math.geluErf(v).intoArray(y, yOff + i, m);
        }
    }

    private static void geluTanh(${t}[] x, int xOff, ${t}[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i);
            v.mul(${T}Math.sigmoid(v.mul(v).fma(0.044715, 1.0).mul(v).mul(2.0 * SQRT_2_OVER_PI))).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i, m);
            v.mul(${T}Math.sigmoid(v.mul(v).fma(0.044715, 1.0).mul(v).mul(2.0 * SQRT_2_OVER_PI))).intoArray(y, yOff + i, m);
        }
    }

    private static void silu(${t}[] x, int xOff, ${t}[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i);
            v.mul(${T}Math.sigmoid(v)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i, m);
            v.mul(${T}Math.sigmoid(v)).intoArray(y, yOff + i, m);
        }
    }

    private static void softplus(${t} p0, ${t} p1, ${t}[] x, int xOff, ${t}[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i);
            softplus(v, p0, p1).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i, m);
            softplus(v, p0, p1).intoArray(y, yOff + i, m);
        }
    }

    private static void sign(${t}[] x, int xOff, ${t}[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i);
            v.blend(1.0, v.compare(VectorOperators.GT, 0.0)).blend(-1.0, v.compare(VectorOperators.LT, 0.0)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i, m);
            v.blend(1.0, v.compare(VectorOperators.GT, 0.0)).blend(-1.0, v.compare(VectorOperators.LT, 0.0)).intoArray(y, yOff + i, m);
        }
    }

    private static void floor(${t}[] x, int xOff, ${t}[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i);
            ${T}Math.floor(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i, m);
            ${T}Math.floor(v).intoArray(y, yOff + i, m);
        }
    }

    private static void ceil(${t}[] x, int xOff, ${t}[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i);
            ${T}Math.ceil(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i, m);
            ${T}Math.ceil(v).intoArray(y, yOff + i, m);
        }
    }

    private static void round(${t}[] x, int xOff, ${t}[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i);
            ${T}Math.rint(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i, m);
            ${T}Math.rint(v).intoArray(y, yOff + i, m);
        }
    }

    private static void clamp(${t} p0, ${t} p1, ${t}[] x, int xOff, ${t}[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i);
            clamp(v, p0, p1).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i, m);
            clamp(v, p0, p1).intoArray(y, yOff + i, m);
        }
    }


    private static void reciprocal(${t}[] x, int xOff, ${t}[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i);
            ${T}Vector.broadcast(S, 1.0).div(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i, m);
            ${T}Vector.broadcast(S, 1.0).div(v).intoArray(y, yOff + i, m);
        }
    }

    private static void erf(${t}[] x, int xOff, ${t}[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i);
            ${T}Math.erf(v).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i, m);
            ${T}Math.erf(v).intoArray(y, yOff + i, m);
        }
    }

    private static void not(${t}[] x, int xOff, ${t}[] y, int yOff, int n) {
        int i = 0, bound = S.loopBound(n), len = S.length();
        for (; i < bound; i += len) {
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i);
            ${T}Vector.zero(S).blend(1.0, v.compare(VectorOperators.EQ, 0.0)).intoArray(y, yOff + i);
        }
        if (i < n) {
            VectorMask<${T}> m = S.indexInRange(i, n);
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + i, m);
            ${T}Vector.zero(S).blend(1.0, v.compare(VectorOperators.EQ, 0.0)).intoArray(y, yOff + i, m);
        }
    }

    /** min(max(v, lo), hi) keeping NaN lanes; a NaN bound compares false everywhere, i.e. no bound. */
    private static ${T}Vector clamp(${T}Vector v, ${t} lo, ${t} hi) {
        ${T}Vector r = v.blend(lo, v.compare(VectorOperators.LT, lo));
        return r.blend(hi, r.compare(VectorOperators.GT, hi));
    }

    private static ${T}Vector softplus(${T}Vector v, ${t} beta, ${t} threshold) {
        ${T}Vector bx = v.mul(beta);
        return ${T}Math.log1p(${T}Math.exp(bx)).div(beta).blend(v, bx.compare(VectorOperators.GT, threshold));
    }
}
