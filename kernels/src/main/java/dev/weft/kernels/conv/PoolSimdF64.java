package dev.weft.kernels.conv;

/**
 * Vector API max/avg pooling on F64 (placeholder: delegates to the scalar kernel until vectorized).
 * @twin-source: DtypeTwins generates the F32 twin of this file.
 */
final class PoolSimdF64 {
    private PoolSimdF64() {}

    static void maxPool(double[] x, int xOff, ConvGeom g, double[] y, int yOff, long[] idx, int idxOff) {
        PoolF64.maxPool(x, xOff, g, y, yOff, idx, idxOff);
    }

    static void avgPool(double[] x, int xOff, ConvGeom g, boolean countIncludePad, double[] y, int yOff) {
        PoolF64.avgPool(x, xOff, g, countIncludePad, y, yOff);
    }

    static void avgPoolBackward(double[] gy, int gyOff, ConvGeom g, boolean countIncludePad, double[] gx, int gxOff) {
        PoolF64.avgPoolBackward(gy, gyOff, g, countIncludePad, gx, gxOff);
    }
}
