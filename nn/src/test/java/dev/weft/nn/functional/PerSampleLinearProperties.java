package dev.weft.nn.functional;

import dev.weft.autograd.Gradcheck;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-sample-weight linear (W: (B, C_out, C_in)) equals a loop of ordinary linears, one per sample. */
class PerSampleLinearProperties {
    @Property(tries = 60)
    void equalsALoopOfLinears(@ForAll @IntRange(min = 1, max = 4) int b, @ForAll @IntRange(min = 0, max = 3) int t,
                              @ForAll @IntRange(min = 1, max = 5) int in, @ForAll @IntRange(min = 1, max = 5) int out,
                              @ForAll boolean bias, @ForAll long seed) {
        Generator g = new Generator(seed);
        // t == 0: x is (B, C_in); else (B, T, C_in)
        Tensor x = t == 0 ? Tensor.randn(g, DType.F64, b, in) : Tensor.randn(g, DType.F64, b, t, in);
        Tensor w = Tensor.randn(g, DType.F64, b, out, in);
        Tensor bb = bias ? Tensor.randn(g, DType.F64, b, out) : null;
        Tensor y = F.linear(x, w, bb);
        for (int i = 0; i < b; i++) {
            Tensor yi = F.linear(x.select(0, i), w.select(0, i), bias ? bb.select(0, i) : null);
            assertTrue(y.select(0, i).allclose(yi, 1e-12, 1e-12), "sample " + i);
        }
    }

    @Property(tries = 5)
    void perSampleGradients(@ForAll long seed) {
        Generator g = new Generator(seed);
        Tensor x = Tensor.randn(g, DType.F64, 2, 3, 2).requiresGrad(true);
        Tensor w = Tensor.randn(g, DType.F64, 2, 2, 2).requiresGrad(true);
        Tensor b = Tensor.randn(g, DType.F64, 2, 2).requiresGrad(true);
        assertTrue(Gradcheck.gradcheck("per-sample linear", v -> F.linear(v[0], v[1], v[2]), x, w, b));
    }
}
