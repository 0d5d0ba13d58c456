package dev.weft.nn.layers;

import dev.weft.tensor.Generator;
import dev.weft.nn.functional.Padding;
import dev.weft.nn.functional.GeluApproximate;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Printed forms: the reference layout with camelCase argument names. */
class LayersReprTest {
    private static final Generator G = new Generator(1);

    @Test
    void layers() {
        assertEquals("Conv2d(3, 16, kernelSize=(3, 3), stride=(1, 1))", new Conv2d(3, 16, 3).toString());
        assertEquals("Conv2d(4, 8, kernelSize=(3, 1), stride=(2, 2), padding=(1, 0), dilation=(2, 1), groups=2, bias=false,"
                + " paddingMode=reflect)", new Conv2d(Conv2d.options(4, 8, 3, 1).stride(2).padding(1, 0).dilation(2, 1)
                        .groups(2).bias(false).paddingMode(PaddingMode.REFLECT).generator(G)).toString());
        assertEquals("Conv2d(3, 3, kernelSize=(3, 3), stride=(1, 1), padding='same')",
                new Conv2d(Conv2d.options(3, 3, 3).padding(Padding.SAME).generator(G)).toString());
        assertEquals("Conv1d(2, 4, kernelSize=(5,), stride=(1,), padding=(2,))", new Conv1d(2, 4, 5, 1, 2).toString());
        assertEquals("ConvTranspose2d(4, 2, kernelSize=(3, 3), stride=(2, 2), padding=(1, 1), outputPadding=(1, 1))",
                new ConvTranspose2d(ConvTranspose2d.options(4, 2, 3).stride(2).padding(1).outputPadding(1)).toString());
        assertEquals("MaxPool2d(kernelSize=2, stride=2, padding=0, dilation=1, ceilMode=false)", new MaxPool2d(2).toString());
        assertEquals("AvgPool2d(kernelSize=3, stride=2, padding=1)", new AvgPool2d(3, 2, 1).toString());
        assertEquals("MaxPool1d(kernelSize=3, stride=3, padding=0, dilation=1, ceilMode=false)", new MaxPool1d(3).toString());
        assertEquals("AvgPool1d(kernelSize=(3,), stride=(3,), padding=(0,))", new AvgPool1d(3).toString());
        assertEquals("AdaptiveAvgPool2d(outputSize=(3, 4))", new AdaptiveAvgPool2d(3, 4).toString());
        assertEquals("BatchNorm2d(8, eps=1e-05, momentum=0.1, affine=true, trackRunningStats=true)", new BatchNorm2d(8).toString());
        assertEquals("GroupNorm(2, 6, eps=1e-05, affine=true)", new GroupNorm(2, 6).toString());
        assertEquals("LayerNorm((3, 4), eps=1e-05, elementwiseAffine=true)", new LayerNorm(3, 4).toString());
        assertEquals("RMSNorm((4,), eps=null, elementwiseAffine=true)", new RMSNorm(4).toString());
        assertEquals("Embedding(10, 3, paddingIdx=0)", new Embedding(Embedding.options(10, 3).paddingIdx(0)
                .generator(G)).toString());
        assertEquals("Bilinear(in1=2, in2=3, out=4, bias=true)", new Bilinear(2, 3, 4).toString());
        assertEquals("Dropout(p=0.1)", new Dropout(0.1).toString());
    }

    @Test
    void activations() {
        assertEquals("ReLU()", new ReLU().toString());
        assertEquals("LeakyReLU(negativeSlope=0.01)", new LeakyReLU().toString());
        assertEquals("ELU(alpha=1.0)", new ELU().toString());
        assertEquals("GELU(approximate='tanh')", new GELU(GeluApproximate.TANH).toString());
        assertEquals("Softplus(beta=1.0, threshold=20.0)", new Softplus().toString());
        assertEquals("Softmax(dim=-1)", new Softmax(-1).toString());
        assertEquals("LogSoftmax(dim=1)", new LogSoftmax(1).toString());
    }

    @Test
    void numbersPrintAsPythonDoes() {
        assertEquals("1e-05", Repr.num(1e-5));
        assertEquals("1.5e-07", Repr.num(1.5e-7));
        assertEquals("0.0001", Repr.num(1e-4));
        assertEquals("0.1", Repr.num(0.1));
        assertEquals("20.0", Repr.num(20));
        assertEquals("-0.5", Repr.num(-0.5));
        assertEquals("1e+16", Repr.num(1e16));
    }
}
