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
            for (boolean reverse : new boolean[] {false, true}) {
                Tensor[] layer = {leaf(13, dt, 4, 3, 6), leaf(14, dt, 20, 6), leaf(15, dt, 20, 5), leaf(16, dt, 3, 5), leaf(17, dt, 3, 5),
                        leaf(18, dt, 20)};
                bothPaths("lstm_layer reverse=" + reverse, dt, layer, x -> {
                    Recurrent.LstmLayerOutput o = Recurrent.lstmLayer(x[0], x[1].mul(0.5), x[2].mul(0.5), x[5], x[3], x[4], reverse);
                    return Tensor.cat(new Tensor[] {o.output().flatten(), o.h().flatten(), o.c().flatten()}, 0);
                });
            }
        }
    }

    /** The same steps as lstmLayer, one cell and two products at a time. */
    private static Tensor[] perStep(Tensor x, Tensor wih, Tensor whh, Tensor bias, Tensor h, Tensor c, boolean reverse) {
        int T = x.size(0);
        Tensor[] out = new Tensor[T];
        for (int s = 0; s < T; s++) {
            int t = reverse ? T - 1 - s : s;
            Recurrent.LstmState st = Recurrent.lstmCell(x.select(0, t).matmul(wih.t()), h.matmul(whh.t()), c, bias);
            h = out[t] = st.h();
            c = st.c();
        }
        return new Tensor[] {Tensor.stack(java.util.Arrays.asList(out), 0), h, c};
    }

    @Test
    void theLayerIsItsStepsForwardBitForBitAndBackwardWithinRounding() {
        for (DType dt : new DType[] {DType.F32, DType.F64}) {
            for (boolean reverse : new boolean[] {false, true}) {
                Tensor[] in = {leaf(21, dt, 50, 4, 24), leaf(22, dt, 64, 24), leaf(23, dt, 64, 16), leaf(24, dt, 64), leaf(25, dt, 4, 16),
                        leaf(26, dt, 4, 16)};
                Recurrent.LstmLayerOutput o = Recurrent.lstmLayer(in[0], in[1], in[2], in[3], in[4], in[5], reverse);
                Tensor[] ref = perStep(in[0], in[1], in[2], in[3], in[4], in[5], reverse);
                String what = "lstm_layer " + dt + " reverse=" + reverse;
                assertArrayEquals(ref[0].detach().to(DType.F64).toDoubleArray(), o.output().detach().to(DType.F64).toDoubleArray(), 0, what);
                assertArrayEquals(ref[1].detach().to(DType.F64).toDoubleArray(), o.h().detach().to(DType.F64).toDoubleArray(), 0, what);
                assertArrayEquals(ref[2].detach().to(DType.F64).toDoubleArray(), o.c().detach().to(DType.F64).toDoubleArray(), 0, what);
                Tensor seed = Tensor.randn(new Generator(27), DType.F64, o.output().shape()).to(dt);
                Tensor[] g = Autograd.grad(new Tensor[] {o.output(), o.c()}, in, new Tensor[] {seed, o.c().detach()}, false, false, false);
                Tensor[] gr = Autograd.grad(new Tensor[] {ref[0], ref[2]}, in, new Tensor[] {seed, o.c().detach()}, false, false, false);
                double tol = dt == DType.F32 ? 2e-5 : 1e-12;
                for (int i = 0; i < in.length; i++) {
                    double[] a = gr[i].to(DType.F64).toDoubleArray(), b = g[i].to(DType.F64).toDoubleArray();
                    double scale = 0;
                    for (double v : a) scale = Math.max(scale, Math.abs(v));
                    assertArrayEquals(a, b, tol * Math.max(1, scale), what + ": gradient of input " + i);
                }
            }
        }
    }

    @Test
    void theLayerTakesABatchFirstInputAsATransposeAndRefusesBadShapes() {
        Tensor xBt = leaf(31, DType.F32, 3, 5, 4), wih = leaf(32, DType.F32, 8, 4), whh = leaf(33, DType.F32, 8, 2),
                h = leaf(34, DType.F32, 3, 2);
        Recurrent.LstmLayerOutput a = Recurrent.lstmLayer(xBt.transpose(0, 1), wih, whh, null, h, h, false);
        Recurrent.LstmLayerOutput b = Recurrent.lstmLayer(xBt.transpose(0, 1).contiguous(), wih, whh, null, h, h, false);
        assertArrayEquals(b.output().toDoubleArray(), a.output().toDoubleArray(), 0);
        var e = assertThrows(IllegalArgumentException.class, () -> Recurrent.lstmLayer(xBt, wih, whh, null, h, h, false));
        assertEquals("lstm_layer: x (3, 5, 4), w_ih (8, 4), w_hh (8, 2), h0 (3, 2), c0 (3, 2): x must be (3, 3, 4) for x (T, B, C) = "
                + "(3, 5, 4) and h0 (B, H) = (3, 2)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Recurrent.lstmLayer(xBt.transpose(0, 1), wih.to(DType.F64), whh, null, h, h, false));
        assertTrue(e.getMessage().startsWith("lstm_layer: x (5, 3, 4), w_ih (8, 4), w_hh (8, 2), h0 (3, 2), c0 (3, 2): "
                + "w_ih dtype f64 != x dtype f32"), e.getMessage());
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
        Tensor seq = leaf(13, DType.F64, 2, 2, 3), w = leaf(15, DType.F64, 12, 3);
        Tensor[] l = Recurrent.lstmLayerBackward(false, true, seq, dh, dh, Tensor.rand(new Generator(14), DType.F64, 2, 2, 12), seq, seq,
                c, c, seq, w, w);
        e = assertThrows(NonDifferentiableException.class, () -> Autograd.backward(l[1].sum()));
        assertTrue(e.getMessage().startsWith("lstm_layer_backward is not differentiable"), e.getMessage());
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
