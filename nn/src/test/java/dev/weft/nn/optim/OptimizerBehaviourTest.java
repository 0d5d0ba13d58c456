package dev.weft.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.autograd.Autograd;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Option checking, errors, zeroGrad, parameters without gradients, in-place semantics. */
class OptimizerBehaviourTest {
    private static Tensor param(double... v) {
        return Tensor.of(v).requiresGrad(true);
    }

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void typedOptionsAreTheGroupsOptionsAndTheirChecksNameTheOptimizer() {
        List<Tensor> ps = List.of(param(1, 2));
        var adam = new Adam(ps, Adam.options().lr(0.01).betas(0.8, 0.95).amsgrad(true));
        var o = adam.paramGroups().get(0).options();
        assertEquals(0.01, o.get("lr"));
        assertArrayEquals(new double[] {0.8, 0.95}, (double[]) o.get("betas"));
        assertEquals(true, o.get("amsgrad"));
        assertEquals(1e-8, o.get("eps"));                                      // untouched options keep their defaults
        assertEquals("AdamOptions(lr=0.01, betas=[0.8, 0.95], amsgrad=true)", Adam.options().lr(0.01).betas(0.8, 0.95).amsgrad(true).toString());
        assertTrue(message(() -> new SGD(ps, SGD.options().momentum(0.9))).contains("SGD: option 'lr' is required"));
        assertTrue(message(() -> new AdamW(ps, AdamW.options().betas(0.9, 1.5))).contains("invalid beta parameter at index 1: 1.5"));
        Tensor a = param(1), b = param(2);
        var sgd = new SGD(List.of(new ParamGroup(List.of(a)), new ParamGroup(List.of(b), SGD.options().lr(0.5))),
                SGD.options().lr(0.1).momentum(0.9));
        assertEquals(0.1, sgd.paramGroups().get(0).lr());
        assertEquals(0.5, sgd.paramGroups().get(1).lr());
        assertEquals(0.9, sgd.paramGroups().get(1).getDouble("momentum"));
        assertEquals(10, new LBFGS(ps, LBFGS.options().historySize(10).strongWolfe()).paramGroups().get(0).getInt("historySize"));
    }

    @Test
    void invalidOptionsAreNamed() {
        List<Tensor> ps = List.of(param(1, 2));
        assertTrue(message(() -> new SGD(ps, -0.1)).contains("SGD: invalid learning rate: -0.1"));
        assertTrue(message(() -> new SGD(ps, Map.of("momentum", 0.9))).contains("option 'lr' is required"));
        assertTrue(message(() -> new SGD(ps, Map.of("lr", 0.1, "nesterov", true))).contains("Nesterov momentum requires a momentum and zero dampening"));
        String m = message(() -> new Adam(ps, Map.of("beta", 0.5)));
        assertTrue(m.contains("Adam: unknown option 'beta'") && m.contains("betas"), m);
        assertTrue(message(() -> new Adam(ps, Map.of("betas", new double[] {1.0, 0.9}))).contains("invalid beta parameter at index 0: 1.0"));
        assertTrue(message(() -> new Adam(ps, Map.of("lr", "fast"))).contains("option 'lr' must be a Double"));
        assertTrue(message(() -> new LBFGS(ps, Map.of("lineSearchFn", "armijo"))).contains("only 'strong_wolfe'"));
        assertTrue(message(() -> new Adam(List.<Tensor>of(), Map.of())).contains("empty parameter list"));
        Tensor p = param(1);
        assertTrue(message(() -> new Adam(List.of(new ParamGroup(List.of(p)), new ParamGroup(List.of(p))), Map.of()))
                .contains("more than one parameter group"));
        Tensor leaf = param(1, 2);
        assertTrue(message(() -> new Adam(List.of(leaf.mul(2.0)), Map.of())).contains("non-leaf"));
        assertTrue(message(() -> new Adam(List.of(Tensor.of(1L, 2L)), Map.of())).contains("floating-point"));
    }

    @Test
    void zeroGradDropsOrZeroesGradients() {
        Tensor p = param(1, 2);
        SGD opt = new SGD(List.of(p), 0.1);
        p.setGrad(Tensor.of(3.0, 4.0));
        opt.zeroGrad(false);
        assertEquals(0.0, p.grad().get(1), 0.0);
        opt.zeroGrad();
        assertNull(p.grad());
    }

    @Test
    void parametersWithoutGradientsAreSkipped() {
        Tensor a = param(1, 2), b = param(3, 4);
        Adam opt = new Adam(List.of(a, b), 0.1);
        a.setGrad(Tensor.of(1.0, -1.0));
        opt.step();
        assertEquals(4.0, b.get(1), 0.0);
        assertTrue(opt.state(b).isEmpty());
        assertEquals(0.9, a.get(0), 1e-7);                        // Adam's first step moves by lr (eps aside)
        assertEquals(2.1, a.get(1), 1e-7);
    }

    @Test
    void stepUpdatesInPlaceUnderNoGradAndReturnsTheClosureLoss() {
        Tensor p = param(2.0);
        SGD opt = new SGD(List.of(p), 0.25);
        Tensor l = opt.step(() -> {
            opt.zeroGrad();
            Tensor loss = p.square().sum();
            Autograd.backward(loss);
            return loss;
        });
        assertEquals(4.0, l.item(), 0.0);
        assertEquals(1.0, p.get(0), 0.0);                          // 2 - 0.25 * 4
        assertTrue(p.requiresGrad() && Autograd.isLeaf(p));
        assertEquals(1, opt.stepCount());
    }

    @Test
    void groupOptionsCanChangeBetweenSteps() {
        Tensor p = param(1.0);
        SGD opt = new SGD(List.of(p), 0.5);
        opt.paramGroups().get(0).setLr(0.1);
        p.setGrad(Tensor.of(1.0));
        opt.step();
        assertEquals(0.9, p.get(0), 1e-15);
        assertTrue(opt.toString().startsWith("SGD (\nParameter Group 0\n    lr: 0.1"), opt.toString());
    }

    @Test
    void addParamGroupFillsDefaults() {
        Tensor a = param(1), b = param(2);
        Adam opt = new Adam(List.of(a), Map.of("lr", 0.01, "eps", 1e-6));
        opt.addParamGroup(new ParamGroup(List.of(b), Map.of("lr", 0.1)));
        assertEquals(0.1, opt.paramGroups().get(1).lr());
        assertEquals(1e-6, opt.paramGroups().get(1).getDouble("eps"));
        assertThrows(IllegalArgumentException.class, () -> opt.addParamGroup(new ParamGroup(List.of(a))));
    }

    @Test
    void lbfgsNeedsAClosureAndOneGroup() {
        Tensor p = param(1, 2);
        LBFGS opt = new LBFGS(List.of(p));
        assertThrows(IllegalStateException.class, opt::step);
        assertThrows(IllegalArgumentException.class, () -> opt.addParamGroup(new ParamGroup(List.of(param(3)))));
        assertEquals(25, opt.paramGroups().get(0).getInt("maxEval"));
    }

    @Test
    void lbfgsMinimizesAQuadraticInOneStep() {
        Tensor p = Tensor.of(3.0, -2.0, 1.0).requiresGrad(true);
        Tensor scale = Tensor.of(1.0, 10.0, 100.0);
        LBFGS opt = new LBFGS(List.of(p), Map.of("maxIter", 50, "lineSearchFn", "strong_wolfe"));
        opt.step(() -> {
            opt.zeroGrad();
            Tensor l = p.square().mul(scale).sum();
            Autograd.backward(l);
            return l;
        });
        for (double v : p.toDoubleArray()) assertEquals(0.0, v, 1e-6);
    }

    @Test
    void f32ParametersKeepTheirDtype() {
        Tensor p = Tensor.ones(DType.F32, 5).requiresGrad(true);
        AdamW opt = new AdamW(List.of(p), 0.1, 0.01);
        p.setGrad(Tensor.ones(5));
        opt.step();
        assertEquals(DType.F32, p.dtype());
        assertEquals(DType.F32, ((Tensor) opt.state(p).get("expAvg")).dtype());
    }
}
