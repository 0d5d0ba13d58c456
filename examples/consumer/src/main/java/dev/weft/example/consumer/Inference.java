package dev.weft.example.consumer;

import dev.weft.autograd.Autograd;
import dev.weft.nn.Module;
import dev.weft.nn.Sequential;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

/**
 * Inference with Weft from another project: a seeded MLP 4-16-3, one batch of 5 seeded inputs, no tape.
 * Prints the kernel path, the output rows and a checksum (the sum of the outputs' float bits as ints,
 * so a change in any bit shows).
 */
public final class Inference {
    private Inference() {}

    public static void main(String[] args) {
        Generator g = new Generator(2024);
        Module mlp = new Sequential(new Linear(4, 16, true, g), new ReLU(), new Linear(16, 3, true, g));
        Tensor x = Tensor.randn(g, 5, 4);
        Tensor y;
        try (var scope = Autograd.noGrad()) {
            y = mlp.forward(x);
        }
        float[] out = y.toFloatArray();
        System.out.println("kernels " + dev.weft.kernels.KernelImpl.current());
        long checksum = 0;
        for (int r = 0; r < 5; r++) {
            StringBuilder row = new StringBuilder("row " + r + ":");
            for (int c = 0; c < 3; c++) {
                float v = out[r * 3 + c];
                row.append(' ').append(v);
                checksum += Float.floatToRawIntBits(v);
            }
            System.out.println(row);
        }
        System.out.println("checksum " + checksum);
    }
}
