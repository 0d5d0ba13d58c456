package dev.weft.nn.rnn;

import dev.weft.autograd.Autograd;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shapes, names, initialization, layouts, modes and error messages of the recurrent layers. */
class RecurrentShapeTest {
    private static Tensor randn(long seed, int... shape) {
        return Tensor.randn(new Generator(seed), DType.F64, shape);
    }

    private static void assertSameValues(Tensor a, Tensor b) {
        assertArrayEquals(a.shape(), b.shape());
        assertArrayEquals(a.contiguous().toDoubleArray(), b.contiguous().toDoubleArray(), 1e-12);
    }

    @Test
    void stateDictNamesAndShapesAreTorchs() {
        LSTM lstm = new LSTM(LSTM.options(3, 4).numLayers(2).batchFirst(true).bidirectional(true)
                .generator(new Generator(1)));
        // the golden case stores PyTorch's own state dict of the same configuration, in its order
        List<String> torch = new ArrayList<>(SeqGolden.stateDict(SeqGolden.load("lstm")).keySet());
        assertEquals(torch, new ArrayList<>(lstm.stateDict().keySet()));
        SeqGolden.stateDict(SeqGolden.load("lstm")).forEach((k, v) ->
                assertArrayEquals(v.shape(), lstm.stateDict().get(k).shape(), k));
        GRU gru = new GRU(GRU.options(3, 5).numLayers(2).bidirectional(true).generator(new Generator(2)));
        assertEquals(new ArrayList<>(SeqGolden.stateDict(SeqGolden.load("gru")).keySet()),
                new ArrayList<>(gru.stateDict().keySet()));
        RNN noBias = new RNN(RNN.options(2, 3).bias(false).generator(new Generator(3)));
        assertEquals(List.of("weight_ih_l0", "weight_hh_l0"), new ArrayList<>(noBias.stateDict().keySet()));
        assertEquals(List.of("weight_ih", "weight_hh", "bias_ih", "bias_hh"),
                new ArrayList<>(new GRUCell(2, 3).stateDict().keySet()));
        assertArrayEquals(new int[] {12, 2}, new GRUCell(2, 4).stateDict().get("weight_ih").shape());
    }

    private static Tensor first(LSTM m) {
        return m.parameters().get(0);
    }

    @Test
    void initIsUniformWithinOneOverSqrtHidden() {
        LSTM lstm = new LSTM(LSTM.options(5, 16).numLayers(2).bidirectional(true).generator(new Generator(4)));
        double k = 1 / Math.sqrt(16);
        for (var e : lstm.namedParameters().entrySet()) {
            double[] v = e.getValue().to(DType.F64).toDoubleArray();
            double min = Double.MAX_VALUE, max = -Double.MAX_VALUE, mean = 0;
            for (double x : v) { min = Math.min(min, x); max = Math.max(max, x); mean += x / v.length; }
            assertTrue(min >= -k && max <= k, e.getKey() + " outside [-k, k]: " + min + ".." + max);
            // 64+ samples of U(-k, k): the range is nearly covered and the mean is near 0
            assertTrue(max - min > 1.5 * k, e.getKey() + " range too narrow: " + min + ".." + max);
            assertTrue(Math.abs(mean) < 0.3 * k, e.getKey() + " mean " + mean);
        }
        assertFalse(first(lstm).equal(first(new LSTM(LSTM.options(5, 16).numLayers(2).bidirectional(true)
                .generator(new Generator(5))))));
        assertTrue(first(lstm).equal(first(new LSTM(LSTM.options(5, 16).numLayers(2).bidirectional(true)
                .generator(new Generator(4))))));
    }

    @Test
    void outputShapes() {
        LSTM lstm = (LSTM) new LSTM(LSTM.options(3, 4).numLayers(2).batchFirst(true).bidirectional(true)
                .generator(new Generator(6))).to(DType.F64);
        LSTMOutput o = lstm.forward(randn(1, 2, 5, 3), null, null);
        assertArrayEquals(new int[] {2, 5, 8}, o.output().shape());
        assertArrayEquals(new int[] {4, 2, 4}, o.hN().shape());
        assertArrayEquals(new int[] {4, 2, 4}, o.cN().shape());
        GRU gru = (GRU) new GRU(GRU.options(3, 4).numLayers(3).generator(new Generator(7))).to(DType.F64);
        RNNOutput g = gru.forward(randn(2, 6, 2, 3), null);
        assertArrayEquals(new int[] {6, 2, 4}, g.output().shape());
        assertArrayEquals(new int[] {3, 2, 4}, g.hN().shape());
        RNNOutput u = gru.forward(randn(3, 6, 3), randn(4, 3, 4));
        assertArrayEquals(new int[] {6, 4}, u.output().shape());
        assertArrayEquals(new int[] {3, 4}, u.hN().shape());
        assertArrayEquals(new int[] {6, 4}, gru.forward(randn(3, 6, 3)).shape());
        assertArrayEquals(new int[] {4}, ((LSTMCell) new LSTMCell(3, 4).to(DType.F64)).forward(randn(8, 3)).shape());
    }

    @Test
    void lastOutputStepsEqualFinalHiddenStates() {
        LSTM lstm = (LSTM) new LSTM(LSTM.options(3, 4).numLayers(2).bidirectional(true).generator(new Generator(8)))
                .to(DType.F64);
        LSTMOutput o = lstm.forward(randn(9, 5, 2, 3), null, null);
        // forward direction ends at t = T-1, reverse at t = 0; hN rows 2, 3 are the top layer
        assertSameValues(o.hN().select(0, 2), o.output().select(0, 4).narrow(1, 0, 4));
        assertSameValues(o.hN().select(0, 3), o.output().select(0, 0).narrow(1, 4, 4));
    }

    @Test
    void batchFirstAndUnbatchedAgreeWithTimeMajor() {
        Generator g = new Generator(10);
        LSTM tm = (LSTM) new LSTM(LSTM.options(3, 4).numLayers(2).bidirectional(true).generator(g.copy())).to(DType.F64);
        LSTM bf = (LSTM) new LSTM(LSTM.options(3, 4).numLayers(2).batchFirst(true).bidirectional(true)
                .generator(g.copy())).to(DType.F64);
        Tensor x = randn(11, 5, 2, 3), h0 = randn(12, 4, 2, 4), c0 = randn(13, 4, 2, 4);
        LSTMOutput a = tm.forward(x, h0, c0);
        LSTMOutput b = bf.forward(x.transpose(0, 1), h0, c0);
        assertSameValues(a.output(), b.output().transpose(0, 1));
        assertSameValues(a.hN(), b.hN());
        assertSameValues(a.cN(), b.cN());
        LSTMOutput u = tm.forward(x.select(1, 1), h0.select(1, 1), c0.select(1, 1));
        assertSameValues(a.output().select(1, 1), u.output());
        assertSameValues(a.cN().select(1, 1), u.cN());
    }

    @Test
    void layerOverOneStepEqualsItsCell() {
        Generator g = new Generator(14);
        GRU layer = (GRU) new GRU(GRU.options(3, 4).generator(g.copy())).to(DType.F64);
        GRUCell cell = (GRUCell) new GRUCell(GRUCell.options(3, 4).generator(g.copy())).to(DType.F64);
        Tensor x = randn(15, 2, 3), h = randn(16, 2, 4);
        assertSameValues(cell.forward(x, h), layer.forward(x.unsqueeze(0), h.unsqueeze(0)).hN().squeeze(0));
        assertSameValues(cell.forward(x), cell.forward(x, Tensor.zeros(DType.F64, 2, 4)));
    }

    @Test
    void noGradRunGivesTheSameValues() {
        RNN rnn = (RNN) new RNN(RNN.options(3, 4).numLayers(2).nonlinearity(Nonlinearity.RELU).bidirectional(true)
                .generator(new Generator(17))).to(DType.F64);
        Tensor x = randn(18, 11, 2, 3);
        Tensor withGrad = rnn.forward(x);
        assertTrue(withGrad.requiresGrad());
        Tensor without;
        try (var s = Autograd.noGrad()) {
            without = rnn.forward(x);
        }
        assertSameValues(withGrad.detach(), without);
    }

    @Test
    void dropoutOnlyInTrainingAndOnlyBetweenLayers() {
        Generator g = new Generator(19);
        LSTM drop = (LSTM) new LSTM(LSTM.options(3, 4).numLayers(2).dropout(0.5).generator(g.copy())).to(DType.F64);
        LSTM plain = (LSTM) new LSTM(LSTM.options(3, 4).numLayers(2).generator(g.copy())).to(DType.F64);
        Tensor x = randn(20, 5, 3, 3);
        drop.eval();
        assertSameValues(plain.forward(x), drop.forward(x));
        drop.train();
        assertFalse(plain.forward(x).allclose(drop.forward(x), 1e-6, 1e-6));
        // one layer: nothing to drop between
        LSTM one = (LSTM) new LSTM(LSTM.options(3, 4).dropout(0.9).generator(g.copy())).to(DType.F64);
        LSTM onePlain = (LSTM) new LSTM(LSTM.options(3, 4).generator(g.copy())).to(DType.F64);
        assertSameValues(onePlain.forward(x), one.forward(x));
    }

    @Test
    void toStringLikeTorch() {
        assertEquals("LSTM(3, 4, numLayers=2, batchFirst=true, bidirectional=true)",
                new LSTM(LSTM.options(3, 4).numLayers(2).batchFirst(true).bidirectional(true)).toString());
        assertEquals("RNN(3, 4, nonlinearity=relu)", new RNN(RNN.options(3, 4).nonlinearity(Nonlinearity.RELU)).toString());
        assertEquals("GRU(3, 4, bias=false, dropout=0.2)", new GRU(GRU.options(3, 4).bias(false).dropout(0.2)).toString());
        assertEquals("LSTMCell(3, 4)", new LSTMCell(3, 4).toString());
    }

    @Test
    void errorsNameTheLayerAndTheShapes() {
        LSTM lstm = new LSTM(LSTM.options(3, 4).numLayers(2).batchFirst(true).bidirectional(true)
                .generator(new Generator(21)));
        var e = assertThrows(IllegalArgumentException.class, () -> lstm.forward(Tensor.zeros(2, 5, 7)));
        assertEquals("LSTM(3, 4, numLayers=2, batchFirst=true, bidirectional=true): input (2, 5, 7): last dim 7 != inputSize 3",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> lstm.forward(Tensor.zeros(2, 5, 3, 1)));
        assertTrue(e.getMessage().contains("expected input of 2 (unbatched) or 3 dims, got (2, 5, 3, 1)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> lstm.forward(Tensor.zeros(2, 5, 3), Tensor.zeros(2, 2, 4), Tensor.zeros(4, 2, 4)));
        assertTrue(e.getMessage().startsWith("LSTM(3, 4, numLayers=2, batchFirst=true, bidirectional=true): h0 (2, 2, 4): expected (4, 2, 4)"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> lstm.forward(Tensor.zeros(2, 5, 3), Tensor.zeros(4, 2, 4), null));
        assertTrue(e.getMessage().contains("give both h0 and c0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> lstm.forward(Tensor.zeros(DType.F64, 2, 5, 3)));
        assertTrue(e.getMessage().contains("input dtype f64 != parameter dtype f32"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> lstm.forward(Tensor.zeros(2, 0, 3)));
        assertTrue(e.getMessage().endsWith("input (2, 0, 3): sequence length must be > 0"), e.getMessage());
        GRUCell cell = new GRUCell(3, 4);
        e = assertThrows(IllegalArgumentException.class, () -> cell.forward(Tensor.zeros(2, 5)));
        assertEquals("GRUCell(3, 4): input (2, 5): last dim 5 != inputSize 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> cell.forward(Tensor.zeros(2, 3), Tensor.zeros(3, 4)));
        assertEquals("GRUCell(3, 4): hx (3, 4): expected (2, 4) for input (2, 3)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Nonlinearity.of("sigmoid"));
        assertEquals("Nonlinearity.of('sigmoid'): expected one of 'tanh', 'relu'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new GRU(GRU.options(3, 4).dropout(1.5)));
        assertTrue(e.getMessage().contains("dropout must be a probability in [0, 1], got 1.5"), e.getMessage());
    }

    @Test
    void projectionNamesShapesAndErrorsAreTorchs() {
        LSTM lstm = new LSTM(LSTM.options(3, 5).numLayers(2).batchFirst(true).bidirectional(true).projSize(2)
                .generator(new Generator(11)));
        Map<String, Tensor> torch = SeqGolden.stateDict(SeqGolden.load("rnn_golden.txt", "lstm_proj"));
        assertEquals(new ArrayList<>(torch.keySet()), new ArrayList<>(lstm.stateDict().keySet()));
        torch.forEach((k, v) -> assertArrayEquals(v.shape(), lstm.stateDict().get(k).shape(), k));
        lstm.to(DType.F64);
        LSTMOutput o = lstm.forward(randn(12, 4, 6, 3), null, null);
        assertArrayEquals(new int[] {4, 6, 4}, o.output().shape());
        assertArrayEquals(new int[] {4, 4, 2}, o.hN().shape());
        assertArrayEquals(new int[] {4, 4, 5}, o.cN().shape());
        assertEquals("LSTM(3, 5, numLayers=2, batchFirst=true, bidirectional=true, projSize=2)", lstm.toString());
        var e = assertThrows(IllegalArgumentException.class, () -> new LSTM(LSTM.options(3, 4).projSize(4)
                .generator(new Generator(1))));
        assertEquals("LSTM: projSize 4 must be smaller than hiddenSize 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LSTM(LSTM.options(3, 4).projSize(-1)
                .generator(new Generator(1))));
        assertEquals("LSTM: projSize must be >= 0 (0 disables the projection), got -1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> lstm.forward(randn(13, 4, 6, 3), randn(14, 4, 4, 5), randn(15, 4, 4, 5)));
        assertTrue(e.getMessage().endsWith("h0 (4, 4, 5): expected (4, 4, 2) = (numLayers*numDirections, B, projSize)"), e.getMessage());
    }
}
