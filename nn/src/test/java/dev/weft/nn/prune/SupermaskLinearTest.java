package dev.weft.nn.prune;

import dev.weft.autograd.Autograd;
import dev.weft.autograd.Gradcheck;
import dev.weft.nn.functional.F;
import dev.weft.nn.optim.Adam;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SupermaskLinearTest {
    @Test
    void theForwardUsesTheWeightsWithTheLargestScores() {
        SupermaskLinear l = new SupermaskLinear(4, 3, 0.25, new Generator(1));
        l.to(DType.F64);
        assertEquals(3, l.kept());
        double[] s = l.scores().toDoubleArray(), m = l.mask().toDoubleArray();
        double minKept = Double.MAX_VALUE, maxDropped = 0;
        int ones = 0;
        for (int i = 0; i < s.length; i++) {
            if (m[i] == 1) { ones++; minKept = Math.min(minKept, Math.abs(s[i])); } else maxDropped = Math.max(maxDropped, Math.abs(s[i]));
        }
        assertEquals(3, ones);
        assertTrue(maxDropped <= minKept);
        Tensor x = Tensor.randn(new Generator(2), DType.F64, 5, 4);
        Tensor want = x.matmul(l.ownParameters().get("weight").mul(l.mask()).t());
        assertArrayEquals(want.toDoubleArray(), l.forward(x).toDoubleArray(), 1e-15);
    }

    @Test
    void theScoresGetTheStraightThroughGradientAndTheWeightsNone() {
        SupermaskLinear l = new SupermaskLinear(4, 3, 0.5, new Generator(3));
        l.to(DType.F64);
        Tensor x = Tensor.randn(new Generator(4), DType.F64, 6, 4);
        Autograd.backward(l.forward(x).square().sum());
        // dL/ds = dL/dW_eff * W * sign(s), with dL/dW_eff = (2 y)^T x for L = sum(y^2)
        Tensor y = x.matmul(l.ownParameters().get("weight").mul(l.mask()).t());
        Tensor want = y.mul(2).t().matmul(x).mul(l.ownParameters().get("weight")).mul(l.scores().detach().sign());
        assertArrayEquals(want.toDoubleArray(), l.scores().grad().toDoubleArray(), 1e-12);
        assertNull(l.ownParameters().get("weight").grad(), "the random weights are frozen");
        assertTrue(Gradcheck.gradcheck("SupermaskLinear input", t -> l.forward(t[0]).tanh().sum(), x.clone().requiresGrad(true)));
    }

    @Test
    void trainingTheScoresFindsAHiddenSubnetworkOfTheRandomWeights() {
        Generator g = new Generator(5);
        SupermaskLinear l = new SupermaskLinear(16, 1, 0.25, g);
        l.to(DType.F64);
        // the target is the layer itself with another mask of 4 of its 16 frozen weights
        double[] hidden = new double[16];
        for (int i : new int[] {1, 6, 9, 14}) hidden[i] = 1;
        Tensor w = l.ownParameters().get("weight").mul(Tensor.of(hidden, 1, 16));
        Tensor x = Tensor.randn(g, DType.F64, 128, 16), target = x.matmul(w.t());
        double before = F.mseLoss(l.forward(x), target).item();
        Adam opt = new Adam(List.of(l.scores()), 0.01);
        for (int i = 0; i < 300; i++) {
            opt.zeroGrad();
            Autograd.backward(F.mseLoss(l.forward(x), target));
            opt.step();
        }
        assertArrayEquals(hidden, l.mask().toDoubleArray(), 0, "the hidden mask recovered (loss from " + before + ")");
        assertEquals(0, F.mseLoss(l.forward(x), target).item(), 1e-24);
    }

    @Test
    void badOptionsAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new SupermaskLinear(4, 3, 0, new Generator(1)));
        assertTrue(e.getMessage().contains("keep must be in (0, 1], got 0.0"), e.getMessage());
        SupermaskLinear l = new SupermaskLinear(4, 3, 0.5, new Generator(1));
        e = assertThrows(IllegalArgumentException.class, () -> l.forward(Tensor.zeros(2, 5)));
        assertTrue(e.getMessage().contains("input (2, 5) must end in in_features = 4"), e.getMessage());
    }
}
