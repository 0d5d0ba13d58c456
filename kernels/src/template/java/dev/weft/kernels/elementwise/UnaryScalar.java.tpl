//@class UnaryScalar
package dev.weft.kernels.elementwise;

/**
 * Scalar reference for {@link Unary}: y[yOff + i*yStride] = fn(x[xOff + i*xStride]) for {@code i < n} with exactly the
 * formulas of {@link UnaryFn#apply} (F32: input and parameters widened from float, result rounded once; NEG,
 * ABS, SQUARE and RELU compute in the storage type, which equals the double formula rounded once).
 * F32/F64 run one plain loop per function (a shared loop calling apply() per element was 10x slower);
 * integer and BOOL kernels go through {@link UnaryFn#applyLong}. No argument checks and no threading.
 */
public final class UnaryScalar {
    private UnaryScalar() {}

    //@each F32 F64
    /**
     * ${D}; p0/p1 are rounded to ${t} first so the SIMD kernel sees the same parameters. Writes y.
     *
     * @param fn the function to apply
     * @param p0 the function's first scalar parameter (unused by most functions)
     * @param p1 the function's second scalar parameter (unused by most functions)
     * @param x the input array
     * @param xOff index of x's first element
     * @param xStride step between consecutive elements of x
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     * @param n number of elements
     */
    public static void apply(UnaryFn fn, double p0, double p1, ${t}[] x, int xOff, int xStride, ${t}[] y, int yOff, int yStride, int n) {
        double q0 = (${t}) p0, q1 = (${t}) p1;
        switch (fn) {
            case NEG -> neg(q0, q1, x, xOff, xStride, y, yOff, yStride, n);
            case ABS -> abs(q0, q1, x, xOff, xStride, y, yOff, yStride, n);
            case EXP -> exp(q0, q1, x, xOff, xStride, y, yOff, yStride, n);
            case LOG -> log(q0, q1, x, xOff, xStride, y, yOff, yStride, n);
            case LOG1P -> log1p(q0, q1, x, xOff, xStride, y, yOff, yStride, n);
            case EXPM1 -> expm1(q0, q1, x, xOff, xStride, y, yOff, yStride, n);
            case SQRT -> sqrt(q0, q1, x, xOff, xStride, y, yOff, yStride, n);
            case RSQRT -> rsqrt(q0, q1, x, xOff, xStride, y, yOff, yStride, n);
            case SQUARE -> square(q0, q1, x, xOff, xStride, y, yOff, yStride, n);
            case SIN -> sin(q0, q1, x, xOff, xStride, y, yOff, yStride, n);
            case COS -> cos(q0, q1, x, xOff, xStride, y, yOff, yStride, n);
            case TANH -> tanh(q0, q1, x, xOff, xStride, y, yOff, yStride, n);
            case SIGMOID -> sigmoid(q0, q1, x, xOff, xStride, y, yOff, yStride, n);
            case RELU -> relu(q0, q1, x, xOff, xStride, y, yOff, yStride, n);
            case LEAKY_RELU -> leakyRelu(q0, q1, x, xOff, xStride, y, yOff, yStride, n);
            case ELU -> elu(q0, q1, x, xOff, xStride, y, yOff, yStride, n);
            case GELU_ERF -> geluErf(q0, q1, x, xOff, xStride, y, yOff, yStride, n);
            case GELU_TANH -> geluTanh(q0, q1, x, xOff, xStride, y, yOff, yStride, n);
            case SILU -> silu(q0, q1, x, xOff, xStride, y, yOff, yStride, n);
            case SOFTPLUS -> softplus(q0, q1, x, xOff, xStride, y, yOff, yStride, n);
            case SIGN -> sign(q0, q1, x, xOff, xStride, y, yOff, yStride, n);
            case FLOOR -> floor(q0, q1, x, xOff, xStride, y, yOff, yStride, n);
            case CEIL -> ceil(q0, q1, x, xOff, xStride, y, yOff, yStride, n);
            case ROUND -> round(q0, q1, x, xOff, xStride, y, yOff, yStride, n);
            case CLAMP -> clamp(q0, q1, x, xOff, xStride, y, yOff, yStride, n);
            case POW_SCALAR -> powScalar(q0, q1, x, xOff, xStride, y, yOff, yStride, n);
            case RECIPROCAL -> reciprocal(q0, q1, x, xOff, xStride, y, yOff, yStride, n);
            case ERF -> erf(q0, q1, x, xOff, xStride, y, yOff, yStride, n);
            case NOT -> not(q0, q1, x, xOff, xStride, y, yOff, yStride, n);
        }
    }

    private static void neg(double p0, double p1, ${t}[] xs, int xOff, int xStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            ${t} x = xs[xi];
            y[yi] = -x;
        }
    }

    private static void abs(double p0, double p1, ${t}[] xs, int xOff, int xStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            ${t} x = xs[xi];
            y[yi] = Math.abs(x);
        }
    }

    private static void exp(double p0, double p1, ${t}[] xs, int xOff, int xStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            double x = xs[xi];
            y[yi] = (${t}) (Math.exp(x));
        }
    }

    private static void log(double p0, double p1, ${t}[] xs, int xOff, int xStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            double x = xs[xi];
            y[yi] = (${t}) (Math.log(x));
        }
    }

    private static void log1p(double p0, double p1, ${t}[] xs, int xOff, int xStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            double x = xs[xi];
            y[yi] = (${t}) (Math.log1p(x));
        }
    }

    private static void expm1(double p0, double p1, ${t}[] xs, int xOff, int xStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            double x = xs[xi];
            y[yi] = (${t}) (Math.expm1(x));
        }
    }

    private static void sqrt(double p0, double p1, ${t}[] xs, int xOff, int xStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            double x = xs[xi];
            y[yi] = (${t}) (Math.sqrt(x));
        }
    }

    private static void rsqrt(double p0, double p1, ${t}[] xs, int xOff, int xStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            double x = xs[xi];
            y[yi] = (${t}) (1.0 / Math.sqrt(x));
        }
    }

    private static void square(double p0, double p1, ${t}[] xs, int xOff, int xStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            ${t} x = xs[xi];
            y[yi] = x * x;
        }
    }

    private static void sin(double p0, double p1, ${t}[] xs, int xOff, int xStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            double x = xs[xi];
            y[yi] = (${t}) (Math.sin(x));
        }
    }

    private static void cos(double p0, double p1, ${t}[] xs, int xOff, int xStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            double x = xs[xi];
            y[yi] = (${t}) (Math.cos(x));
        }
    }

    private static void tanh(double p0, double p1, ${t}[] xs, int xOff, int xStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            double x = xs[xi];
            y[yi] = (${t}) (Math.tanh(x));
        }
    }

    private static void sigmoid(double p0, double p1, ${t}[] xs, int xOff, int xStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            double x = xs[xi];
            y[yi] = (${t}) (UnaryFn.sigmoid(x));
        }
    }

    private static void relu(double p0, double p1, ${t}[] xs, int xOff, int xStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            ${t} x = xs[xi];
            y[yi] = Math.max(x, 0f);
        }
    }

    private static void leakyRelu(double p0, double p1, ${t}[] xs, int xOff, int xStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            double x = xs[xi];
            y[yi] = (${t}) (x > 0 ? x : p0 * x);
        }
    }

    private static void elu(double p0, double p1, ${t}[] xs, int xOff, int xStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            double x = xs[xi];
            y[yi] = (${t}) (x > 0 ? x : p0 * Math.expm1(x));
        }
    }

    private static void geluErf(double p0, double p1, ${t}[] xs, int xOff, int xStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            double x = xs[xi];
            y[yi] = (${t}) (UnaryFn.geluErf(x));
        }
    }

    private static void geluTanh(double p0, double p1, ${t}[] xs, int xOff, int xStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            double x = xs[xi];
            y[yi] = (${t}) (UnaryFn.geluTanh(x));
        }
    }

    private static void silu(double p0, double p1, ${t}[] xs, int xOff, int xStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            double x = xs[xi];
            y[yi] = (${t}) (x * UnaryFn.sigmoid(x));
        }
    }

    private static void softplus(double p0, double p1, ${t}[] xs, int xOff, int xStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            double x = xs[xi];
            y[yi] = (${t}) (UnaryFn.softplus(x, p0, p1));
        }
    }

    private static void sign(double p0, double p1, ${t}[] xs, int xOff, int xStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            double x = xs[xi];
            y[yi] = (${t}) (Math.signum(x));
        }
    }

    private static void floor(double p0, double p1, ${t}[] xs, int xOff, int xStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            double x = xs[xi];
            y[yi] = (${t}) (Math.floor(x));
        }
    }

    private static void ceil(double p0, double p1, ${t}[] xs, int xOff, int xStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            double x = xs[xi];
            y[yi] = (${t}) (Math.ceil(x));
        }
    }

    private static void round(double p0, double p1, ${t}[] xs, int xOff, int xStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            double x = xs[xi];
            y[yi] = (${t}) (Math.rint(x));
        }
    }

    private static void clamp(double p0, double p1, ${t}[] xs, int xOff, int xStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            double x = xs[xi];
            y[yi] = (${t}) (UnaryFn.clamp(x, p0, p1));
        }
    }

    private static void powScalar(double p0, double p1, ${t}[] xs, int xOff, int xStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            double x = xs[xi];
            y[yi] = (${t}) (Math.pow(x, p0));
        }
    }

    private static void reciprocal(double p0, double p1, ${t}[] xs, int xOff, int xStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            double x = xs[xi];
            y[yi] = (${t}) (1.0 / x);
        }
    }

    private static void erf(double p0, double p1, ${t}[] xs, int xOff, int xStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            double x = xs[xi];
            y[yi] = (${t}) (SpecialFns.erf(x));
        }
    }

    private static void not(double p0, double p1, ${t}[] xs, int xOff, int xStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            double x = xs[xi];
            y[yi] = (${t}) (x == 0 ? 1.0 : 0.0);
        }
    }
    //@end

    /**
     * I32 (integer-safe fns only); CLAMP bounds are first limited to the int range. Writes y.
     *
     * @param fn the function to apply
     * @param p0 the function's first scalar parameter (unused by most functions)
     * @param p1 the function's second scalar parameter (unused by most functions)
     * @param x the input array
     * @param xOff index of x's first element
     * @param xStride step between consecutive elements of x
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     * @param n number of elements
     */
    public static void apply(UnaryFn fn, double p0, double p1, int[] x, int xOff, int xStride, int[] y, int yOff, int yStride, int n) {
        double q0 = Math.max(p0, Integer.MIN_VALUE), q1 = Math.min(p1, Integer.MAX_VALUE);
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            y[yi] = (int) fn.applyLong(x[xi], q0, q1);
        }
    }

    /**
     * I64 (integer-safe fns only). Writes y.
     *
     * @param fn the function to apply
     * @param p0 the function's first scalar parameter (unused by most functions)
     * @param p1 the function's second scalar parameter (unused by most functions)
     * @param x the input array
     * @param xOff index of x's first element
     * @param xStride step between consecutive elements of x
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     * @param n number of elements
     */
    public static void apply(UnaryFn fn, double p0, double p1, long[] x, int xOff, int xStride, long[] y, int yOff, int yStride, int n) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            y[yi] = fn.applyLong(x[xi], p0, p1);
        }
    }

    /**
     * BOOL: NOT only (y = x == 0 ? 1 : 0). Writes y.
     *
     * @param fn the function to apply
     * @param p0 the function's first scalar parameter (unused by most functions)
     * @param p1 the function's second scalar parameter (unused by most functions)
     * @param x the input array
     * @param xOff index of x's first element
     * @param xStride step between consecutive elements of x
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     * @param n number of elements
     */
    public static void apply(UnaryFn fn, double p0, double p1, byte[] x, int xOff, int xStride, byte[] y, int yOff, int yStride, int n) {
        if (fn != UnaryFn.NOT) throw new IllegalArgumentException("unary " + fn + ": not defined on BOOL (only NOT is)");
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) {
            y[yi] = (byte) (x[xi] == 0 ? 1 : 0);
        }
    }
}
