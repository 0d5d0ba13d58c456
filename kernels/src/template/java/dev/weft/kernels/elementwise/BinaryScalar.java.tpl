//@class BinaryScalar
package dev.weft.kernels.elementwise;

/**
 * Scalar reference for {@link Binary}: y[i] = fn(a[i], b[i]) one element at a time through {@link BinaryFn#apply}
 * (F32 widened to double, rounded once: for + - * /, MAXIMUM and MINIMUM this equals the float operation
 * exactly, so those loops compute in the storage type) or
 * {@link BinaryFn#applyLong}; axpy uses a fused multiply-add. No checks, no threading.
 */
public final class BinaryScalar {
    private BinaryScalar() {}

    //@each F32 F64
    /**
     * ${D}; one plain loop per function (a shared loop calling apply() per element was 5-10x slower). Writes y.
     *
     * @param fn the function to apply
     * @param a the first operand
     * @param aOff index of a's first element
     * @param aStride step between consecutive elements of a
     * @param b the second operand
     * @param bOff index of b's first element
     * @param bStride step between consecutive elements of b
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     * @param n number of elements
     */
    public static void apply(BinaryFn fn, ${t}[] a, int aOff, int aStride, ${t}[] b, int bOff, int bStride, ${t}[] y, int yOff, int yStride, int n) {
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
                    y[yi] = (${t}) fn.apply(a[ai], b[bi]);
                }
            }
        }
    }

    private static void add(${t}[] as, int aOff, int aStride, ${t}[] bs, int bOff, int bStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            ${t} a = as[ai], b = bs[bi];
            y[yi] = a + b;
        }
    }

    private static void sub(${t}[] as, int aOff, int aStride, ${t}[] bs, int bOff, int bStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            ${t} a = as[ai], b = bs[bi];
            y[yi] = a - b;
        }
    }

    private static void mul(${t}[] as, int aOff, int aStride, ${t}[] bs, int bOff, int bStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            ${t} a = as[ai], b = bs[bi];
            y[yi] = a * b;
        }
    }

    private static void div(${t}[] as, int aOff, int aStride, ${t}[] bs, int bOff, int bStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            ${t} a = as[ai], b = bs[bi];
            y[yi] = a / b;
        }
    }

    private static void pow(${t}[] as, int aOff, int aStride, ${t}[] bs, int bOff, int bStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            double a = as[ai], b = bs[bi];
            y[yi] = (${t}) (Math.pow(a, b));
        }
    }

    private static void maximum(${t}[] as, int aOff, int aStride, ${t}[] bs, int bOff, int bStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            ${t} a = as[ai], b = bs[bi];
            y[yi] = Math.max(a, b);
        }
    }

    private static void minimum(${t}[] as, int aOff, int aStride, ${t}[] bs, int bOff, int bStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            ${t} a = as[ai], b = bs[bi];
            y[yi] = Math.min(a, b);
        }
    }

    private static void atan2(${t}[] as, int aOff, int aStride, ${t}[] bs, int bOff, int bStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            double a = as[ai], b = bs[bi];
            y[yi] = (${t}) (Math.atan2(a, b));
        }
    }

    private static void remainder(${t}[] as, int aOff, int aStride, ${t}[] bs, int bOff, int bStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            double a = as[ai], b = bs[bi];
            y[yi] = (${t}) (BinaryFn.remainder(a, b));
        }
    }

    private static void fmod(${t}[] as, int aOff, int aStride, ${t}[] bs, int bOff, int bStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            double a = as[ai], b = bs[bi];
            y[yi] = (${t}) (a % b);
        }
    }

    private static void logicalAnd(${t}[] as, int aOff, int aStride, ${t}[] bs, int bOff, int bStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            double a = as[ai], b = bs[bi];
            y[yi] = (${t}) (a != 0 && b != 0 ? 1.0 : 0.0);
        }
    }

    private static void logicalOr(${t}[] as, int aOff, int aStride, ${t}[] bs, int bOff, int bStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            double a = as[ai], b = bs[bi];
            y[yi] = (${t}) (a != 0 || b != 0 ? 1.0 : 0.0);
        }
    }

    private static void logicalXor(${t}[] as, int aOff, int aStride, ${t}[] bs, int bOff, int bStride, ${t}[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            double a = as[ai], b = bs[bi];
            y[yi] = (${t}) ((a != 0) != (b != 0) ? 1.0 : 0.0);
        }
    }
    //@end

    /**
     * I32 (wrapping). Writes y.
     *
     * @param fn the function to apply
     * @param a the first operand
     * @param aOff index of a's first element
     * @param aStride step between consecutive elements of a
     * @param b the second operand
     * @param bOff index of b's first element
     * @param bStride step between consecutive elements of b
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     * @param n number of elements
     */
    public static void apply(BinaryFn fn, int[] a, int aOff, int aStride, int[] b, int bOff, int bStride, int[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            y[yi] = (int) fn.applyLong(a[ai], b[bi]);
        }
    }

    /**
     * I64 (wrapping). Writes y.
     *
     * @param fn the function to apply
     * @param a the first operand
     * @param aOff index of a's first element
     * @param aStride step between consecutive elements of a
     * @param b the second operand
     * @param bOff index of b's first element
     * @param bStride step between consecutive elements of b
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     * @param n number of elements
     */
    public static void apply(BinaryFn fn, long[] a, int aOff, int aStride, long[] b, int bOff, int bStride, long[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            y[yi] = fn.applyLong(a[ai], b[bi]);
        }
    }

    /**
     * BOOL (logical/bitwise/MAXIMUM/MINIMUM on the raw bytes). Writes y.
     *
     * @param fn the function to apply
     * @param a the first operand
     * @param aOff index of a's first element
     * @param aStride step between consecutive elements of a
     * @param b the second operand
     * @param bOff index of b's first element
     * @param bStride step between consecutive elements of b
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     * @param n number of elements
     */
    public static void apply(BinaryFn fn, byte[] a, int aOff, int aStride, byte[] b, int bOff, int bStride, byte[] y, int yOff, int yStride, int n) {
        for (int i = 0, ai = aOff, bi = bOff, yi = yOff; i < n; i++, ai += aStride, bi += bStride, yi += yStride) {
            y[yi] = (byte) fn.applyLong(a[ai], b[bi]);
        }
    }

    /**
     * y[i] = fma(alpha, x[i], y[i]) (F32). Modifies y.
     *
     * @param n number of elements
     * @param alpha scale applied to the product
     * @param x the input array
     * @param xOff index of x's first element
     * @param xStride step between consecutive elements of x
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     */
    public static void axpy(int n, float alpha, float[] x, int xOff, int xStride, float[] y, int yOff, int yStride) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) y[yi] = Math.fma(alpha, x[xi], y[yi]);
    }

    /**
     * y[i] = fma(alpha, x[i], y[i]) (F64). Modifies y.
     *
     * @param n number of elements
     * @param alpha scale applied to the product
     * @param x the input array
     * @param xOff index of x's first element
     * @param xStride step between consecutive elements of x
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     */
    public static void axpy(int n, double alpha, double[] x, int xOff, int xStride, double[] y, int yOff, int yStride) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) y[yi] = Math.fma(alpha, x[xi], y[yi]);
    }

    /**
     * y[i] = alpha * x[i] (F32). Writes y.
     *
     * @param n number of elements
     * @param alpha scale applied to the product
     * @param x the input array
     * @param xOff index of x's first element
     * @param xStride step between consecutive elements of x
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     */
    public static void scale(int n, float alpha, float[] x, int xOff, int xStride, float[] y, int yOff, int yStride) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) y[yi] = alpha * x[xi];
    }

    /**
     * y[i] = alpha * x[i] (F64). Writes y.
     *
     * @param n number of elements
     * @param alpha scale applied to the product
     * @param x the input array
     * @param xOff index of x's first element
     * @param xStride step between consecutive elements of x
     * @param y the output array (written)
     * @param yOff index of y's first element
     * @param yStride step between consecutive elements of y
     */
    public static void scale(int n, double alpha, double[] x, int xOff, int xStride, double[] y, int yOff, int yStride) {
        for (int i = 0, xi = xOff, yi = yOff; i < n; i++, xi += xStride, yi += yStride) y[yi] = alpha * x[xi];
    }
}
