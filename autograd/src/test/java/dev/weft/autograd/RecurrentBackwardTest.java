package dev.weft.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tensor.Generator;
import dev.weft.tensor.Recurrent;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The two backward paths of the fused cells agree: the fused kernel (plain backward) and the rule composed
 * from tensor ops (createGraph) give the same gradients within rounding, in F32 and F64; the composed one
 * carries a graph, the fused one none; and the backward primitives refuse to be differentiated, naming why.
 */
class RecurrentBackwardTest {
    static {
        Autograd.install();
    }

    private static Tensor leaf(long seed, DType dt, int... shape) {
        return Tensor.randn(new Generator(seed), DType.F64, shape).to(dt).requiresGrad(true);
    }

    private static void bothPaths(String name, DType dt, Tensor[] in, Function<Tensor[], Tensor> f) {
        Tensor y = f.apply(in);
        Tensor seed = Tensor.randn(new Generator(99), DType.F64, y.shape()).to(dt);
        Tensor[] fused = Autograd.grad(new Tensor[] {y}, in, new Tensor[] {seed}, false, true, false);
        Tensor[] composed = Autograd.grad(new Tensor[] {f.apply(in)}, in, new Tensor[] {seed}, true, false, false);
        double tol = dt == DType.F32 ? 1e-6 : 1e-14;
        for (int i = 0; i < in.length; i++) {
            assertTrue(fused[i].gradNode() == null, name + ": the fused backward records no graph");
            assertTrue(composed[i].requiresGrad(), name + ": the composed backward is differentiable");
            assertArrayEquals(composed[i].detach().to(DType.F64).toDoubleArray(), fused[i].to(DType.F64).toDoubleArray(), tol,
                    name + " " + dt + ": gradient of input " + i);
        }
    }

    @Test
    void fusedAndComposedBackwardAgree() {
        for (DType dt : new DType[] {DType.F32, DType.F64}) {
            Tensor[] lstm = {leaf(1, dt, 3, 20), leaf(2, dt, 3, 20), leaf(3, dt, 3, 5), leaf(4, dt, 20)};
            bothPaths("lstm_cell", dt, lstm, x -> {
                Recurrent.LstmState s = Recurrent.lstmCell(x[0], x[1], x[2], x[3]);
                return s.h().mul(2.0).add(s.c());
            });
            Tensor[] gru = {leaf(5, dt, 3, 15), leaf(6, dt, 3, 15), leaf(7, dt, 3, 5), leaf(8, dt, 15)};
            bothPaths("gru_cell", dt, gru, x -> Recurrent.gruCell(x[0], x[1], x[2], x[3]));
        }
    }

    @Test
    void theBackwardPrimitivesAreNotDifferentiable() {
        Tensor dh = leaf(9, DType.F64, 2, 3), gates = Tensor.rand(new Generator(10), DType.F64, 2, 12), c = leaf(11, DType.F64, 2, 3);
        Tensor[] r = Recurrent.lstmCellBackward(dh, dh, gates, c, c);
        var e = assertThrows(NonDifferentiableException.class, () -> Autograd.backward(r[0].sum()));
        assertEquals("lstm_cell_backward is not differentiable (a backward kernel; double backward through lstm_cell composes its "
                + "gradient from tensor ops): no gradient flows through it", e.getMessage());
        Tensor[] g = Recurrent.gruCellBackward(dh, Tensor.rand(new Generator(12), DType.F64, 2, 12), c);
        e = assertThrows(NonDifferentiableException.class, () -> Autograd.backward(g[2].sum()));
        assertTrue(e.getMessage().startsWith("gru_cell_backward is not differentiable"), e.getMessage());
    }

    @Test
    void badShapesNameTheOpAndEveryOperand() {
        Tensor gx = Tensor.zeros(DType.F64, 2, 8), c = Tensor.zeros(DType.F64, 2, 2);
        var e = assertThrows(IllegalArgumentException.class, () -> Recurrent.lstmCell(gx, Tensor.zeros(DType.F64, 2, 6), c, null));
        assertEquals("lstm_cell: gx (2, 8), gh (2, 6), c (2, 2): gh must be (2, 8) for c (B, H) = (2, 2)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Recurrent.gruCell(Tensor.zeros(DType.F64, 2, 6), Tensor.zeros(2, 6), c, null));
        assertTrue(e.getMessage().startsWith("gru_cell: gx (2, 6), gh (2, 6), h (2, 2): gh dtype f32 != gx dtype f64"), e.getMessage());
    }
}
