package dev.weft.tensor.fallback;

import dev.weft.tensor.Convolution;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

/**
 * The child JVM of {@link ScalarFallbackTest}: a seeded conv2d (F32, 2 x 3 x 9 x 9 input, 4 filters 3 x 3,
 * stride 1, padding 1) followed by a matmul with a seeded (4 * 81) x 5 matrix; prints every output
 * float's bits in hex, one line, so two runs compare bit for bit.
 */
public final class ScalarFallbackProbe {
    private ScalarFallbackProbe() {}

    public static void main(String[] args) {
        Generator g = new Generator(7);
        Tensor x = Tensor.randn(g, 2, 3, 9, 9);
        Tensor w = Tensor.randn(g, 4, 3, 3, 3);
        Tensor b = Tensor.randn(g, 4);
        Tensor y = Convolution.conv2d(x, w, b, new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1}, 1);
        Tensor m = Tensor.randn(g, 4 * 81, 5);
        Tensor out = y.reshape(2, 4 * 81).matmul(m);
        StringBuilder sb = new StringBuilder("out");
        for (float v : out.toFloatArray()) sb.append(' ').append(Integer.toHexString(Float.floatToRawIntBits(v)));
        System.out.println(sb);
    }
}
