package dev.weft.nn.layers;

import dev.weft.autograd.Autograd;
import dev.weft.nn.Module;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
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
        check("conv2d", new Conv2d(3, 4, new int[] {3, 2}, new int[] {2, 1}, new int[] {1, 1}, new int[] {1, 2}, 1, true, "zeros", G));
        check("conv2d_groups", new Conv2d(4, 6, new int[] {3}, new int[] {1}, new int[] {1}, new int[] {1}, 2, false, "zeros", G));
        check("conv2d_reflect", new Conv2d(2, 3, new int[] {3}, new int[] {1}, new int[] {1}, new int[] {1}, 1, true, "reflect", G));
    }

    @Test
    void conv1d() {
        check("conv1d_circular", new Conv1d(2, 3, 3, 1, 2, 1, 1, true, "circular", G));
        check("conv1d", new Conv1d(2, 4, 3, 2, 1, 2, 1, true, "zeros", G));
    }

    @Test
    void convTranspose2d() {
        check("convt2d", new ConvTranspose2d(4, 6, new int[] {3}, new int[] {2}, new int[] {1}, new int[] {1}, 2, true,
                new int[] {1}, G));
        check("convt2d_dil", new ConvTranspose2d(2, 3, new int[] {2, 3}, new int[] {1, 2}, new int[] {0, 1}, new int[] {0}, 1,
                true, new int[] {2, 1}, G));
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
        check("embedding", new Embedding(7, 3, 2, G), true, true);
    }

    @Test
    void pools() {
        check("maxpool2d", new MaxPool2d(3, 2, 1));
        check("avgpool2d", new AvgPool2d(new int[] {3, 2}, new int[] {2, 1}, new int[] {1, 0}, true, false));
        check("maxpool1d", new MaxPool1d(3, 2, 0, 1, false));
        check("avgpool1d", new AvgPool1d(4, 2, 1, false, true));
        check("adaptiveavgpool2d", new AdaptiveAvgPool2d(3, 4));
    }

    @Test
    void gelu() {
        check("gelu_tanh", new GELU("tanh"));
        check("gelu", new GELU());
    }
}
