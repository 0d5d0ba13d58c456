package dev.weft.nn.kan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.autograd.Autograd;
import dev.weft.nn.Module;
import dev.weft.nn.optim.Adam;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The selectable KAN layer: its output is the per-node softmax mixture of its candidates' outputs, after select()
 * each node's output is its chosen candidate's alone, it gradchecks in F64 in the input, the logits and every
 * candidate parameter, training moves the weights towards the candidate that fits, and bad candidates are refused.
 */
class SelectableKanTest {
    private static SelectableKANLayer layer(long seed) {
        Generator g = new Generator(seed);
        SelectableKANLayer l = new SelectableKANLayer(new ChebyKANLayer(3, 2, 3, g), new FastKANLayer(FastKANLayer.options(3, 2).generator(g)),
                new KANLayer(KANLayer.options(3, 2).num(4).generator(g)));
        l.to(DType.F64);
        return l;
    }

    @Test
    void theOutputIsThePerNodeMixtureOfTheCandidates() {
        SelectableKANLayer l = layer(1);
        Tensor x = KanVariantsTest.uniform(new Generator(2), -1, 1, 5, 3);
        try (var ng = Autograd.noGrad()) {
            l.selectLogits().copy_(Tensor.of(new double[] {0.3, -1, 2, 1.5, 0, -0.5}).reshape(2, 3));
        }
        double[] y = l.forward(x).toDoubleArray(), w = l.weights().toDoubleArray();
        double[][] c = new double[3][];
        for (int m = 0; m < 3; m++) c[m] = l.candidate(m).forward(x).toDoubleArray();
        for (int o = 0; o < 2; o++) {
            double z = 0;
            double[] e = new double[3];
            double[] logit = {o == 0 ? 0.3 : 1.5, o == 0 ? -1 : 0, o == 0 ? 2 : -0.5};
            for (int m = 0; m < 3; m++) z += e[m] = Math.exp(logit[m]);
            for (int m = 0; m < 3; m++) assertEquals(e[m] / z, w[o * 3 + m], 1e-15, "weight " + o + "," + m);
            for (int b = 0; b < 5; b++) {
                double want = 0;
                for (int m = 0; m < 3; m++) want += e[m] / z * c[m][b * 2 + o];
                assertEquals(want, y[b * 2 + o], 1e-12, "y[" + b + "][" + o + "]");
            }
        }
        assertArrayEquals(new long[] {2, 0}, l.select(), "each node keeps its heaviest candidate");
        double[] ys = l.forward(x).toDoubleArray();
        for (int b = 0; b < 5; b++) {
            assertEquals(c[2][b * 2], ys[b * 2], 1e-15);
            assertEquals(c[0][b * 2 + 1], ys[b * 2 + 1], 1e-15);
        }
        assertThrows(IllegalStateException.class, l::select);
        assertEquals(List.of("select_logits", "selected", "candidates.0.cheby_coeffs", "candidates.0.arange"),
                l.stateDict().keySet().stream().limit(4).toList());
    }

    @Test
    void gradchecksInF64() {
        SelectableKANLayer l = layer(3);
        try (var ng = Autograd.noGrad()) {
            l.selectLogits().copy_(Tensor.randn(new Generator(4), 2, 3).to(DType.F64));
        }
        KanVariantsTest.gradcheck("SelectableKANLayer", l, KanVariantsTest.uniform(new Generator(5), -0.9, 0.9, 4, 3));
    }

    @Test
    void trainingWeightsTheCandidateThatFits() {
        // a target only the Chebyshev candidate represents exactly: T_2(tanh x_0) per node
        Generator g = new Generator(6);
        SelectableKANLayer l = new SelectableKANLayer(new ChebyKANLayer(1, 1, 2, g), new FANLayer(FANLayer.options(1, 1).generator(g)));
        l.to(DType.F64);
        Tensor x = KanVariantsTest.uniform(new Generator(7), -2, 2, 256, 1);
        Tensor t = x.tanh();
        Tensor target = t.mul(t).mul(2).sub(1);
        Adam opt = new Adam(l.parameters(), Adam.options().lr(0.05));
        for (int step = 0; step < 300; step++) {
            opt.zeroGrad();
            Autograd.backward(l.forward(x).sub(target).square().mean());
            opt.step();
        }
        double[] w = l.weights().toDoubleArray();
        assertTrue(w[0] > w[1], "the Chebyshev candidate should carry more weight: " + w[0] + " vs " + w[1]);
    }

    @Test
    void badCandidatesAreRefused() {
        Generator g = new Generator(8);
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class, () -> new SelectableKANLayer(new ChebyKANLayer(2, 2, 3, g)));
        assertTrue(one.getMessage().contains("at least 2"), one.getMessage());
        IllegalArgumentException dims = assertThrows(IllegalArgumentException.class,
                () -> new SelectableKANLayer(new ChebyKANLayer(2, 2, 3, g), new ChebyKANLayer(2, 3, 3, g)));
        assertTrue(dims.getMessage().contains("2 -> 3"), dims.getMessage());
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
                () -> new SelectableKANLayer(new ChebyKANLayer(2, 2, 3, g), new dev.weft.nn.layers.Linear(2, 2)));
        assertTrue(kind.getMessage().contains("not a KAN-family EdgeLayer"), kind.getMessage());
        SelectableKANLayer std = SelectableKANLayer.standard(4, 3, g);
        assertEquals(4, std.numCandidates());
        assertArrayEquals(new int[] {5, 3}, std.forward(Tensor.randn(g, 5, 4)).shape());
    }
}
