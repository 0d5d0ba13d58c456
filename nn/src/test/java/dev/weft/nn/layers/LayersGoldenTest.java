package dev.weft.nn.layers;

import dev.weft.autograd.Autograd;
import dev.weft.nn.Module;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.nn.functional.GeluApproximate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Layers against PyTorch (made by nn/src/test/python/make_layers_golden.py): each module loads the
 * reference state dict by PyTorch's key names, then output, input and parameter gradients of
 * sum(y * g), and batch norm's running stats after the step, must agree within 1e-8 (F64).
 */
class LayersGoldenTest {
    private static final double TOL = 1e-8;
    private static Golden golden;
    private static final Generator G = new Generator(9);

    @BeforeAll
    static void load() throws Exception {
        golden = new Golden("/golden/layers_golden.txt");
    }

    private static void check(String name, Module m, boolean train, boolean integerInput) {
        m.to(DType.F64);
        m.loadStateDict(golden.under(name + ".state"));
        m.train(train);
        Tensor x = golden.get(name + ".input.x");
        x = integerInput ? x.to(DType.I64) : x.clone().requiresGrad(true);
        m.zeroGrad();
        Tensor y = m.forward(x);
        Golden.assertClose(name + " output", golden.get(name + ".output.y"), y, TOL);
        Autograd.backward(y.mul(golden.get(name + ".input.g")).sum());
        if (!integerInput) Golden.assertClose(name + " grad input", golden.get(name + ".grad.input"), x.grad(), TOL);
        for (var e : m.namedParameters().entrySet()) {
            Golden.assertClose(name + " grad " + e.getKey(), golden.get(name + ".grad." + e.getKey()), e.getValue().grad(), TOL);
        }
        for (var e : m.namedBuffers().entrySet()) {
            Golden.assertClose(name + " buffer after " + e.getKey(), golden.get(name + ".after." + e.getKey()), e.getValue(), TOL);
        }
    }

    private static void check(String name, Module m) {
        check(name, m, true, false);
    }

    @Test
    void linear() {
        check("linear", new Linear(5, 4, true, G));
        check("linear3d", new Linear(5, 4, true, G));
    }

    @Test
    void conv2d() {
        check("conv2d", new Conv2d(Conv2d.options(3, 4, 3, 2).stride(2, 1).padding(1, 1).dilation(1, 2).generator(G)));
        check("conv2d_groups", new Conv2d(Conv2d.options(4, 6, 3).padding(1).groups(2).bias(false).generator(G)));
        check("conv2d_reflect", new Conv2d(Conv2d.options(2, 3, 3).padding(1).paddingMode(PaddingMode.REFLECT)
                .generator(G)));
    }

    @Test
    void conv1d() {
        check("conv1d_circular", new Conv1d(Conv1d.options(2, 3, 3).padding(2).paddingMode(PaddingMode.CIRCULAR)
                .generator(G)));
        check("conv1d", new Conv1d(Conv1d.options(2, 4, 3).stride(2).padding(1).dilation(2).generator(G)));
    }

    @Test
    void convTranspose2d() {
        check("convt2d", new ConvTranspose2d(ConvTranspose2d.options(4, 6, 3).stride(2).padding(1).outputPadding(1)
                .groups(2).generator(G)));
        check("convt2d_dil", new ConvTranspose2d(ConvTranspose2d.options(2, 3, 2, 3).stride(1, 2).padding(0, 1)
                .dilation(2, 1).generator(G)));
    }

    @Test
    void batchNormTrainUpdatesRunningStatsAndEvalUsesThem() {
        check("bn2d_train", new BatchNorm2d(3), true, false);
        check("bn2d_eval", new BatchNorm2d(3), false, false);
        check("bn1d_train", new BatchNorm1d(3), true, false);
    }

    @Test
    void norms() {
        check("layernorm", new LayerNorm(3, 4));
        check("groupnorm", new GroupNorm(2, 6));
    }

    @Test
    void embeddingWithPaddingGivesThePaddingRowNoGradient() {
        check("embedding", new Embedding(Embedding.options(7, 3).paddingIdx(2).generator(G)), true, true);
    }

    @Test
    void pools() {
        check("maxpool2d", new MaxPool2d(3, 2, 1));
        check("avgpool2d", new AvgPool2d(AvgPool2d.options(3, 2).stride(2, 1).padding(1, 0).ceilMode(true)
                .countIncludePad(false)));
        check("maxpool1d", new MaxPool1d(MaxPool1d.options(3).stride(2)));
        check("avgpool1d", new AvgPool1d(AvgPool1d.options(4).stride(2).padding(1)));
        check("adaptiveavgpool2d", new AdaptiveAvgPool2d(3, 4));
    }

    @Test
    void gelu() {
        check("gelu_tanh", new GELU(GeluApproximate.TANH));
        check("gelu", new GELU());
    }
}
