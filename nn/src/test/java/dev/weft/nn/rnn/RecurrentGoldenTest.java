package dev.weft.nn.rnn;

import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.weft.nn.rnn.SeqGolden.check;
import static dev.weft.nn.rnn.SeqGolden.input;
import static dev.weft.nn.rnn.SeqGolden.load;

/** Recurrent layers against PyTorch 1.13 in F64: weights loaded by PyTorch names, outputs and gradients within 1e-8. */
class RecurrentGoldenTest {
    private static Map<String, Tensor> inputs(String caseName, String... names) {
        Map<String, Tensor> c = load(caseName);
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (String n : names) m.put(n, input(c, n));
        return m;
    }

    @Test
    void twoLayerBidirectionalBatchFirstLstmWithInitialState() {
        LSTM lstm = new LSTM(LSTM.options(3, 4).numLayers(2).batchFirst(true).bidirectional(true)
                .generator(new Generator(1)));
        check("lstm", lstm, inputs("lstm", "x", "h0", "c0"), in -> {
            LSTMOutput o = lstm.forward(in.get("x"), in.get("h0"), in.get("c0"));
            return Map.of("output", o.output(), "hN", o.hN(), "cN", o.cN());
        });
    }

    @Test
    void twoLayerBidirectionalTimeMajorGru() {
        GRU gru = new GRU(GRU.options(3, 5).numLayers(2).bidirectional(true).generator(new Generator(2)));
        check("gru", gru, inputs("gru", "x", "h0"), in -> {
            RNNOutput o = gru.forward(in.get("x"), in.get("h0"));
            return Map.of("output", o.output(), "hN", o.hN());
        });
    }

    @Test
    void twoLayerReluRnnBatchFirstWithoutInitialState() {
        RNN rnn = new RNN(RNN.options(4, 3).numLayers(2).nonlinearity(Nonlinearity.RELU).batchFirst(true)
                .generator(new Generator(3)));
        check("rnn_relu", rnn, inputs("rnn_relu", "x"), in -> {
            RNNOutput o = rnn.forward(in.get("x"), null);
            return Map.of("output", o.output(), "hN", o.hN());
        });
    }

    @Test
    void unbatchedTanhRnn() {
        RNN rnn = new RNN(RNN.options(2, 3).generator(new Generator(4)));
        check("rnn_tanh_unbatched", rnn, inputs("rnn_tanh_unbatched", "x", "h0"), in -> {
            RNNOutput o = rnn.forward(in.get("x"), in.get("h0"));
            return Map.of("output", o.output(), "hN", o.hN());
        });
    }

    @Test
    void lstmCell() {
        LSTMCell cell = new LSTMCell(LSTMCell.options(3, 4).generator(new Generator(5)));
        check("lstm_cell", cell, inputs("lstm_cell", "x", "h", "c"), in -> {
            LSTMState s = cell.forward(in.get("x"), in.get("h"), in.get("c"));
            return Map.of("h", s.h(), "c", s.c());
        });
    }

    @Test
    void gruCell() {
        GRUCell cell = new GRUCell(GRUCell.options(3, 4).generator(new Generator(6)));
        check("gru_cell", cell, inputs("gru_cell", "x", "h"),
                in -> Map.of("h", cell.forward(in.get("x"), in.get("h"))));
    }
}
