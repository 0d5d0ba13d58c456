package dev.weft.kernels.elementwise;

/**
 * Scalar reference for {@link Binary}: y[i] = fn(a[i], b[i]) one element at a time through {@link BinaryFn#apply}
 * (F32 widened to double, rounded once: for + - * / this equals the float operation exactly) or
 * {@link BinaryFn#applyLong}; axpy uses a fused multiply-add. No checks, no threading.
 */
public final class BinaryScalar {
    private BinaryScalar() {}

    /** F32; one plain loop per function (a shared loop calling apply() per element was 5-10x slower). Writes y. */
    public static void apply(BinaryFn fn, float[] a, int aOff, int aStride, float[] b, int bOff, int bStride, float[] y, int yOff, int yStride, int n) {
        switch (fn) {
            case ADD -> add(a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            case SUB -> sub(a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            case MUL -> mul(a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            case DIV -> div(a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            case POW -> pow(a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            case MAXIMUM -> maximum(a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            case MINIMUM -> minimum(a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            case ATAN2 -> atan2(a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            case REMAINDER -> remainder(a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            case FMOD -> fmod(a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            case LOGICAL_AND -> logicalAnd(a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            case LOGICAL_OR -> logicalOr(a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            case LOGICAL_XOR -> logicalXor(a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            default -> {
                for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
                    y[yi] = (float) fn.apply(a[ai], b[bi]);
                }
            }
        }
    }

    private static void add(float[] as, int aOff, int aStride, float[] bs, int bOff, int bStride, float[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            float a = as[ai], b = bs[bi];   // float arithmetic: equal to the double formula rounded once
            y[yi] = a + b;
        }
    }

    private static void sub(float[] as, int aOff, int aStride, float[] bs, int bOff, int bStride, float[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            float a = as[ai], b = bs[bi];   // float arithmetic: equal to the double formula rounded once
            y[yi] = a - b;
        }
    }

    private static void mul(float[] as, int aOff, int aStride, float[] bs, int bOff, int bStride, float[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            float a = as[ai], b = bs[bi];   // float arithmetic: equal to the double formula rounded once
            y[yi] = a * b;
        }
    }

    private static void div(float[] as, int aOff, int aStride, float[] bs, int bOff, int bStride, float[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            float a = as[ai], b = bs[bi];   // float arithmetic: equal to the double formula rounded once
            y[yi] = a / b;
        }
    }

    private static void pow(float[] as, int aOff, int aStride, float[] bs, int bOff, int bStride, float[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            double a = as[ai], b = bs[bi];
            y[yi] = (float) (Math.pow(a, b));
        }
    }

    private static void maximum(float[] as, int aOff, int aStride, float[] bs, int bOff, int bStride, float[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            float a = as[ai], b = bs[bi];   // float arithmetic: equal to the double formula rounded once
            y[yi] = Math.max(a, b);
        }
    }

    private static void minimum(float[] as, int aOff, int aStride, float[] bs, int bOff, int bStride, float[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            float a = as[ai], b = bs[bi];   // float arithmetic: equal to the double formula rounded once
            y[yi] = Math.min(a, b);
        }
    }

    private static void atan2(float[] as, int aOff, int aStride, float[] bs, int bOff, int bStride, float[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            double a = as[ai], b = bs[bi];
            y[yi] = (float) (Math.atan2(a, b));
        }
    }

    private static void remainder(float[] as, int aOff, int aStride, float[] bs, int bOff, int bStride, float[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            double a = as[ai], b = bs[bi];
            y[yi] = (float) (BinaryFn.remainder(a, b));
        }
    }

    private static void fmod(float[] as, int aOff, int aStride, float[] bs, int bOff, int bStride, float[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            double a = as[ai], b = bs[bi];
            y[yi] = (float) (a % b);
        }
    }

    private static void logicalAnd(float[] as, int aOff, int aStride, float[] bs, int bOff, int bStride, float[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            double a = as[ai], b = bs[bi];
            y[yi] = (float) (a != 0 && b != 0 ? 1.0 : 0.0);
        }
    }

    private static void logicalOr(float[] as, int aOff, int aStride, float[] bs, int bOff, int bStride, float[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            double a = as[ai], b = bs[bi];
            y[yi] = (float) (a != 0 || b != 0 ? 1.0 : 0.0);
        }
    }

    private static void logicalXor(float[] as, int aOff, int aStride, float[] bs, int bOff, int bStride, float[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            double a = as[ai], b = bs[bi];
            y[yi] = (float) ((a != 0) != (b != 0) ? 1.0 : 0.0);
        }
    }

    /** F64; one plain loop per function (a shared loop calling apply() per element was 5-10x slower). Writes y. */
    public static void apply(BinaryFn fn, double[] a, int aOff, int aStride, double[] b, int bOff, int bStride, double[] y, int yOff, int yStride, int n) {
        switch (fn) {
            case ADD -> add(a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            case SUB -> sub(a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            case MUL -> mul(a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            case DIV -> div(a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            case POW -> pow(a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            case MAXIMUM -> maximum(a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            case MINIMUM -> minimum(a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            case ATAN2 -> atan2(a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            case REMAINDER -> remainder(a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            case FMOD -> fmod(a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            case LOGICAL_AND -> logicalAnd(a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            case LOGICAL_OR -> logicalOr(a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            case LOGICAL_XOR -> logicalXor(a, aOff, aStride, b, bOff, bStride, y, yOff, yStride, n);
            default -> {
                for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
                    y[yi] = fn.apply(a[ai], b[bi]);
                }
            }
        }
    }

    private static void add(double[] as, int aOff, int aStride, double[] bs, int bOff, int bStride, double[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            double a = as[ai], b = bs[bi];
            y[yi] = (a + b);
        }
    }

    private static void sub(double[] as, int aOff, int aStride, double[] bs, int bOff, int bStride, double[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            double a = as[ai], b = bs[bi];
            y[yi] = (a - b);
        }
    }

    private static void mul(double[] as, int aOff, int aStride, double[] bs, int bOff, int bStride, double[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            double a = as[ai], b = bs[bi];
            y[yi] = (a * b);
        }
    }

    private static void div(double[] as, int aOff, int aStride, double[] bs, int bOff, int bStride, double[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            double a = as[ai], b = bs[bi];
            y[yi] = (a / b);
        }
    }

    private static void pow(double[] as, int aOff, int aStride, double[] bs, int bOff, int bStride, double[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            double a = as[ai], b = bs[bi];
            y[yi] = (Math.pow(a, b));
        }
    }

    private static void maximum(double[] as, int aOff, int aStride, double[] bs, int bOff, int bStride, double[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            double a = as[ai], b = bs[bi];
            y[yi] = (Math.max(a, b));
        }
    }

    private static void minimum(double[] as, int aOff, int aStride, double[] bs, int bOff, int bStride, double[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            double a = as[ai], b = bs[bi];
            y[yi] = (Math.min(a, b));
        }
    }

    private static void atan2(double[] as, int aOff, int aStride, double[] bs, int bOff, int bStride, double[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            double a = as[ai], b = bs[bi];
            y[yi] = (Math.atan2(a, b));
        }
    }

    private static void remainder(double[] as, int aOff, int aStride, double[] bs, int bOff, int bStride, double[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            double a = as[ai], b = bs[bi];
            y[yi] = (BinaryFn.remainder(a, b));
        }
    }

    private static void fmod(double[] as, int aOff, int aStride, double[] bs, int bOff, int bStride, double[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            double a = as[ai], b = bs[bi];
            y[yi] = (a % b);
        }
    }

    private static void logicalAnd(double[] as, int aOff, int aStride, double[] bs, int bOff, int bStride, double[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            double a = as[ai], b = bs[bi];
            y[yi] = (a != 0 && b != 0 ? 1.0 : 0.0);
        }
    }

    private static void logicalOr(double[] as, int aOff, int aStride, double[] bs, int bOff, int bStride, double[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            double a = as[ai], b = bs[bi];
            y[yi] = (a != 0 || b != 0 ? 1.0 : 0.0);
        }
    }

    private static void logicalXor(double[] as, int aOff, int aStride, double[] bs, int bOff, int bStride, double[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            double a = as[ai], b = bs[bi];
            y[yi] = ((a != 0) != (b != 0) ? 1.0 : 0.0);
        }
    }

    /** I32 (wrapping). Writes y. */
    public static void apply(BinaryFn fn, int[] a, int aOff, int aStride, int[] b, int bOff, int bStride, int[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            y[yi] = (int) fn.applyLong(a[ai], b[bi]);
        }
    }

    /** I64 (wrapping). Writes y. */
    public static void apply(BinaryFn fn, long[] a, int aOff, int aStride, long[] b, int bOff, int bStride, long[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            y[yi] = fn.applyLong(a[ai], b[bi]);
        }
    }

    /** BOOL (logical/bitwise/MAXIMUM/MINIMUM on the raw bytes). Writes y. */
    public static void apply(BinaryFn fn, byte[] a, int aOff, int aStride, byte[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            y[yi] = (byte) fn.applyLong(a[ai], b[bi]);
        }
    }

    /** y[i] = fma(alpha, x[i], y[i]) (F32). Modifies y. */
    public static void axpy(int n, float alpha, float[] x, int xOff, int xStride, float[] y, int yOff, int yStride) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) y[yi] = Math.fma(alpha, x[xi], y[yi]);
    }

    /** y[i] = fma(alpha, x[i], y[i]) (F64). Modifies y. */
    public static void axpy(int n, double alpha, double[] x, int xOff, int xStride, double[] y, int yOff, int yStride) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) y[yi] = Math.fma(alpha, x[xi], y[yi]);
    }

    /** y[i] = alpha * x[i] (F32). Writes y. */
    public static void scale(int n, float alpha, float[] x, int xOff, int xStride, float[] y, int yOff, int yStride) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) y[yi] = alpha * x[xi];
    }

    /** y[i] = alpha * x[i] (F64). Writes y. */
    public static void scale(int n, double alpha, double[] x, int xOff, int xStride, double[] y, int yOff, int yStride) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) y[yi] = alpha * x[xi];
    }
}
