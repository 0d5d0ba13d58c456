package dev.weft.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import org.junit.jupiter.api.Test;

/**
 * Gradients where sqrt and pow compositions would give 0 * inf = NaN: PyTorch 1.13's values (norm at a zero
 * vector or row: 0; std of constant values: 0; p < 1 at zero entries: 0), and the forward values of the
 * norm and std primitives bit-identical to the compositions they replace.
 */
class SingularPointGradTest {
    static {
        Autograd.install();
    }

    private static double[] grad(Tensor x, java.util.function.Function<Tensor, Tensor> f) {
        Autograd.zeroGrad(x);
        Autograd.backward(f.apply(x).sum());
        return x.grad().toDoubleArray();
    }

    @Test
    void normOfAZeroVectorHasZeroGradientForEveryP() {
        Tensor x = Tensor.of(0.0, 0.0).requiresGrad(true);
        assertArrayEquals(new double[] {0, 0}, grad(x, Tensor::norm));
        for (double p : new double[] {3, 1.5, 0.5, -1}) {
            assertArrayEquals(new double[] {0, 0}, grad(x, t -> t.norm(p)), "p = " + p);
        }
    }

    @Test
    void aZeroRowGetsZeroAndTheOtherRowsXOverTheirNorm() {
        Tensor x = Tensor.of(new double[] {0, 0, 3, 4}, 2, 2).requiresGrad(true);
        assertArrayEquals(new double[] {0, 0, 0.6, 0.8}, grad(x, t -> t.norm(2, new int[] {1}, false)), 1e-15);
        // keepdim and p = 3: x |x| / ||x||_3^2 on the second row, 0 on the first
        double n3 = Math.cbrt(27 + 64);
        assertArrayEquals(new double[] {0, 0, 9 / (n3 * n3), 16 / (n3 * n3)},
                grad(x, t -> t.norm(3, new int[] {1}, true)), 1e-15);
    }

    @Test
    void pBelowOneGivesZeroAtZeroEntries() {
        // ||[0, 2]||_0.5 = 2; d/dx2 = |x2|^-0.5 * 2^0.5 = 1, and 0 at the zero entry (PyTorch's masked value)
        Tensor x = Tensor.of(0.0, 2.0).requiresGrad(true);
        assertArrayEquals(new double[] {0, 1}, grad(x, t -> t.norm(0.5)), 1e-15);
    }

    @Test
    void stdOfConstantValuesHasZeroGradient() {
        Tensor x = Tensor.of(3.0, 3.0, 3.0).requiresGrad(true);
        assertArrayEquals(new double[] {0, 0, 0}, grad(x, Tensor::std));
        // one constant row, one varying: the varying row gets (x - mean) / ((n - 1) std)
        Tensor y = Tensor.of(new double[] {5, 5, 1, 3}, 2, 2).requiresGrad(true);
        double sd = Math.sqrt(2);
        assertArrayEquals(new double[] {0, 0, -1 / sd, 1 / sd}, grad(y, t -> t.std(1)), 1e-15);
    }

    @Test
    void forwardValuesAreTheBitsOfTheCompositions() {
        Generator g = new Generator(11);
        for (DType dt : new DType[] {DType.F32, DType.F64}) {
            Tensor x = Tensor.randn(g, dt, 3, 4, 5);
            Tensor t = x.permute(2, 0, 1);   // a strided input too
            for (Tensor in : new Tensor[] {x, t}) {
                int[][] dimSets = {null, {1}, {0, 2}};
                for (int[] dims : dimSets) {
                    int[] d = dims == null ? new int[] {0, 1, 2} : dims;
                    assertArrayEquals(in.square().sum(d, false).sqrt().toDoubleArray(), in.norm(2, dims, false).toDoubleArray(),
                            dt + " norm2 " + java.util.Arrays.toString(dims));
                    assertArrayEquals(in.abs().pow(3).sum(d, true).pow(1 / 3.0).toDoubleArray(), in.norm(3, dims, true).toDoubleArray(),
                            dt + " norm3 " + java.util.Arrays.toString(dims));
                    assertArrayEquals(in.var(d, 1, false).sqrt().toDoubleArray(), in.std(d, 1, false).toDoubleArray(),
                            dt + " std " + java.util.Arrays.toString(dims));
                }
            }
            assertEquals(dt, x.norm(1.5).dtype());
        }
    }
}
