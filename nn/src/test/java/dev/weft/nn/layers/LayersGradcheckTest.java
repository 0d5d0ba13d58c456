package dev.weft.nn.layers;

import dev.weft.autograd.Gradcheck;
import dev.weft.nn.FunctionalCall;
import dev.weft.nn.Module;
import dev.weft.nn.functional.F;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.nn.functional.Padding;
import dev.weft.nn.functional.GeluApproximate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * F64 gradient checks of every layer's forward w.r.t. its input and each parameter: the parameters
 * are supplied through FunctionalCall, so the check also proves that forward reads them via param().
 * A few layers are checked to second order.
 */
class LayersGradcheckTest {
    private static final Generator G = new Generator(21);

    private static Tensor randn(int... shape) {
        return Tensor.randn(G, DType.F64, shape);
    }

    /** Inputs: x (if floating point), then every parameter; returns the function over them. */
    private static void check(String name, Module m, Tensor x, boolean secondOrder) {
        m.to(DType.F64);
        List<String> names = new ArrayList<>(m.namedParameters().keySet());
        boolean fx = x.dtype().isFloatingPoint();
        Tensor[] in = new Tensor[names.size() + 1];
        in[0] = fx ? x.clone().requiresGrad(true) : x;
        for (int i = 0; i < names.size(); i++) in[i + 1] = m.namedParameters().get(names.get(i)).detach().clone().requiresGrad(true);
        Function<Tensor[], Tensor> f = t -> {
            Map<String, Tensor> map = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) map.put(names.get(i), t[i + 1]);
            return FunctionalCall.call(m, map, t[0]);
        };
        assertTrue(Gradcheck.gradcheck(name, f, in));
        if (secondOrder) assertTrue(Gradcheck.gradgradcheck(name, f, in));
    }

    @Test
    void linearAndBilinear() {
        check("Linear", new Linear(4, 3, true, G), randn(2, 4), true);
        check("Linear no bias, 3-d input", new Linear(3, 2, false, G), randn(2, 2, 3), false);
        Bilinear b = new Bilinear(Bilinear.options(3, 2, 2).generator(G));
        b.to(DType.F64);
        Tensor x1 = randn(2, 3).requiresGrad(true), x2 = randn(2, 2).requiresGrad(true);
        Tensor w = b.namedParameters().get("weight").detach().clone().requiresGrad(true);
        Tensor bias = b.namedParameters().get("bias").detach().clone().requiresGrad(true);
        assertTrue(Gradcheck.gradcheck("Bilinear", t -> FunctionalCall.call(b, Map.of("weight", t[2], "bias", t[3]),
                m -> ((Bilinear) m).forward(t[0], t[1])), x1, x2, w, bias));
    }

    @Test
    void convolutions() {
        check("Conv1d", new Conv1d(Conv1d.options(2, 3, 3).stride(2).padding(1).generator(G)), randn(2, 2, 7), false);
        check("Conv1d same replicate", new Conv1d(Conv1d.options(2, 2, 4).padding(Padding.SAME)
                .paddingMode(PaddingMode.REPLICATE).generator(G)), randn(1, 2, 6), false);
        check("Conv2d", new Conv2d(Conv2d.options(2, 4, 3, 2).stride(1, 2).padding(1, 0).groups(2).generator(G)),
                randn(1, 2, 5, 5), true);
        check("Conv2d circular", new Conv2d(Conv2d.options(1, 2, 3).padding(1).bias(false)
                .paddingMode(PaddingMode.CIRCULAR).generator(G)),
                randn(1, 1, 4, 4), false);
        check("ConvTranspose2d", new ConvTranspose2d(ConvTranspose2d.options(2, 4, 3).stride(2).padding(1)
                .outputPadding(1).groups(2).generator(G)), randn(1, 2, 3, 3), false);
    }

    @Test
    void pools() {
        check("MaxPool1d", new MaxPool1d(MaxPool1d.options(3).stride(2).padding(1)), randn(2, 2, 7), false);
        check("MaxPool2d", new MaxPool2d(2), randn(1, 2, 4, 4), false);
        check("AvgPool1d", new AvgPool1d(AvgPool1d.options(3).stride(2).padding(1).ceilMode(true)
                .countIncludePad(false)), randn(2, 2, 6), false);
        check("AvgPool2d", new AvgPool2d(AvgPool2d.options(3).stride(2).padding(1)), randn(1, 2, 5, 5), false);
        check("AdaptiveAvgPool2d", new AdaptiveAvgPool2d(2, 3), randn(1, 2, 5, 4), false);
    }

    @Test
    void norms() {
        BatchNorm2d bn = new BatchNorm2d(2);
        check("BatchNorm2d train", bn, randn(3, 2, 2, 2), true);
        bn.eval();
        check("BatchNorm2d eval", bn, randn(2, 2, 2, 2), false);
        check("BatchNorm1d train 3-d", new BatchNorm1d(3), randn(2, 3, 2), false);
        check("BatchNorm1d no running stats", new BatchNorm1d(BatchNorm1d.options(2).trackRunningStats(false))
                .eval(), randn(4, 2), false);
        check("LayerNorm", new LayerNorm(2, 3), randn(2, 2, 3), true);
        check("GroupNorm", new GroupNorm(2, 4), randn(2, 4, 3), false);
        check("RMSNorm", new RMSNorm(4), randn(3, 4), true);
    }

    @Test
    void embeddingWeight() {
        check("Embedding", new Embedding(Embedding.options(5, 3)
                .generator(G)), Tensor.of(new long[][] {{0, 1, 4}, {4, 2, 1}}), false);
    }

    @Test
    void activations() {
        Tensor x = randn(2, 3);
        Module[] acts = {new ReLU(), new LeakyReLU(0.2), new ELU(0.7), new GELU(), new GELU(GeluApproximate.TANH), new SiLU(), new Mish(),
                new Tanh(), new Sigmoid(), new Softplus(2, 1), new Softmax(1), new LogSoftmax(0)};
        for (Module a : acts) {
            // second order where the curvature is non-trivial
            boolean second = a instanceof GELU || a instanceof Mish || a instanceof Softmax || a instanceof ELU;
            check(a.toString(), a, x, second);
        }
    }

    @Test
    void dropoutWithAFixedMask() {
        Tensor x = randn(4, 5).requiresGrad(true);
        assertTrue(Gradcheck.gradcheck("dropout", t -> F.dropout(t[0], 0.4, true, new Generator(3)), x));
    }
}
