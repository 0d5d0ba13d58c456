package dev.weft.nn;

import dev.weft.nn.attention.MultiheadAttention;
import dev.weft.nn.attention.TransformerEncoderLayer;
import dev.weft.nn.functional.Padding;
import dev.weft.nn.layers.*;
import dev.weft.nn.loss.CrossEntropyLoss;
import dev.weft.nn.loss.TripletMarginLoss;
import dev.weft.nn.rnn.GRU;
import dev.weft.nn.rnn.LSTM;
import dev.weft.nn.rnn.LSTMCell;
import dev.weft.nn.rnn.RNNCell;
import dev.weft.tensor.Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Bad option values fail when the layer is built, naming the layer, the option and the value; options are copied. */
class OptionsBehaviourTest {
    private static void fails(String message, Executable build) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, build).getMessage());
    }

    @Test
    void convolutionErrorsNameTheLayerAndTheOption() {
        fails("Conv2d: stride must be >= 1, got 0", () -> new Conv2d(Conv2d.options(3, 8, 3).stride(0)));
        fails("Conv2d: padding must be >= 0, got (1, -1)", () -> new Conv2d(Conv2d.options(3, 8, 3).padding(1, -1)));
        fails("Conv1d: dilation must be >= 1, got 0", () -> new Conv1d(Conv1d.options(3, 8, 3).dilation(0)));
        fails("Conv1d: kernelSize must be >= 1, got 0", () -> new Conv1d(3, 8, 0));
        fails("Conv2d: groups must be >= 1, got 0", () -> new Conv2d(Conv2d.options(3, 8, 3).groups(0)));
        fails("Conv2d: inChannels 3 must be divisible by groups 2", () -> new Conv2d(Conv2d.options(3, 8, 3).groups(2)));
        fails("Conv2d: padding SAME is not supported for strided convolutions (stride (2, 2))",
                () -> new Conv2d(Conv2d.options(3, 8, 3).stride(2).padding(Padding.SAME)));
        fails("ConvTranspose2d: outputPadding (2, 2) must be smaller than either stride (2, 2) or dilation (1, 1)",
                () -> new ConvTranspose2d(ConvTranspose2d.options(3, 8, 3).stride(2).outputPadding(2)));
        fails("Conv2d: generator must not be null", () -> Conv2d.options(3, 8, 3).generator(null));
        fails("Conv1d: paddingMode must not be null", () -> Conv1d.options(3, 8, 3).paddingMode(null));
    }

    @Test
    void normAndPoolErrorsNameTheLayerAndTheOption() {
        fails("BatchNorm1d: momentum must be a probability in [0, 1], got 1.5",
                () -> new BatchNorm1d(BatchNorm1d.options(4).momentum(1.5)));
        fails("BatchNorm2d: eps must be >= 0, got -1.0", () -> new BatchNorm2d(BatchNorm2d.options(4).eps(-1)));
        fails("BatchNorm2d: numFeatures must be >= 1, got 0", () -> new BatchNorm2d(0));
        fails("LayerNorm: eps must be >= 0, got -0.1", () -> new LayerNorm(LayerNorm.options(4).eps(-0.1)));
        fails("GroupNorm: numChannels 6 must be divisible by numGroups 4", () -> new GroupNorm(4, 6));
        fails("RMSNorm: eps must be >= 0, got -1.0E-6", () -> new RMSNorm(RMSNorm.options(4).eps(-1e-6)));
        fails("Embedding: paddingIdx must be within numEmbeddings 5 (in [-5, 5)), got 5",
                () -> new Embedding(Embedding.options(5, 2).paddingIdx(5)));
        fails("Dropout: p must be a probability in [0, 1], got 1.5", () -> new Dropout(1.5));
        fails("MaxPool2d: stride must be >= 1, got (2, 0)", () -> new MaxPool2d(MaxPool2d.options(2).stride(2, 0)));
        fails("MaxPool1d: stride must be >= 1, got 0", () -> MaxPool1d.options(2).stride(0));
        fails("AvgPool2d: padding must be >= 0, got -1", () -> new AvgPool2d(AvgPool2d.options(3).padding(-1)));
    }

    @Test
    void sequenceLayerErrorsNameTheLayerAndTheOption() {
        fails("MultiheadAttention: dropout must be a probability in [0, 1], got -0.1",
                () -> new MultiheadAttention(MultiheadAttention.options(8, 2).dropout(-0.1)));
        fails("MultiheadAttention: kdim must be >= 1, got 0", () -> MultiheadAttention.options(8, 2).kdim(0));
        fails("MultiheadAttention: embedDim 10 must be divisible by numHeads 3", () -> new MultiheadAttention(10, 3));
        fails("TransformerEncoderLayer: dimFeedforward must be >= 1, got 0",
                () -> new TransformerEncoderLayer(TransformerEncoderLayer.options(8, 2).dimFeedforward(0)));
        fails("LSTM: numLayers must be >= 1, got 0", () -> new LSTM(LSTM.options(3, 4).numLayers(0)));
        fails("GRU: hiddenSize must be >= 1, got 0", () -> new GRU(3, 0));
        fails("LSTMCell: inputSize must be >= 1, got 0", () -> new LSTMCell(0, 4));
        fails("RNNCell: nonlinearity must not be null", () -> RNNCell.options(3, 4).nonlinearity(null));
        fails("CrossEntropyLoss: labelSmoothing must be between 0.0 and 1.0, got 1.5",
                () -> new CrossEntropyLoss(CrossEntropyLoss.options().labelSmoothing(1.5)));
        fails("TripletMarginLoss: p must be > 0, got 0.0", () -> new TripletMarginLoss(TripletMarginLoss.options().p(0)));
    }

    @Test
    void aLayerKeepsItsOwnCopyOfTheOptions() {
        Conv2d.Options o = Conv2d.options(2, 4, 3).stride(2).generator(new Generator(1));
        Conv2d a = new Conv2d(o);
        o.stride(1).padding(1);
        Conv2d b = new Conv2d(o);
        assertArrayEquals(new int[] {2, 2}, a.stride());
        assertArrayEquals(new int[] {0, 0}, a.padding());
        assertArrayEquals(new int[] {1, 1}, b.padding());
        // one generator in the options: the second layer continues its stream
        assertEquals(false, a.weight().equal(b.weight()));
    }
}
