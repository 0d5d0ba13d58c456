package dev.weft.nn.rnn;

import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.weft.nn.rnn.SeqGolden.check;
import static dev.weft.nn.rnn.SeqGolden.input;
import static dev.weft.nn.rnn.SeqGolden.load;

/**
 * LSTM proj_size and packed sequences against PyTorch 1.13 in F64 (golden/rnn_golden.txt, made by
 * make_rnn_golden.py): unequal, unsorted lengths through 2-layer bidirectional LSTM and GRU, a sorted batch
 * (enforceSorted) with a projection, a packed tanh RNN; outputs padded back, final states and gradients
 * within 1e-8.
 */
class PackedGoldenTest {
    private static final String FILE = "rnn_golden.txt";

    private static Map<String, Tensor> inputs(String caseName, String... names) {
        Map<String, Tensor> c = load(FILE, caseName);
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (String n : names) m.put(n, input(c, n));
        return m;
    }

    private static long[] lengths(String caseName) {
        double[] d = load(FILE, caseName).get("input.lengths").toDoubleArray();
        long[] l = new long[d.length];
        for (int i = 0; i < d.length; i++) l[i] = (long) d[i];
        return l;
    }

    @Test
    void twoLayerBidirectionalBatchFirstLstmWithProjection() {
        LSTM lstm = new LSTM(LSTM.options(3, 5).numLayers(2).batchFirst(true).bidirectional(true).projSize(2)
                .generator(new Generator(1)));
        check(FILE, "lstm_proj", lstm, inputs("lstm_proj", "x", "h0", "c0"), in -> {
            LSTMOutput o = lstm.forward(in.get("x"), in.get("h0"), in.get("c0"));
            return Map.of("output", o.output(), "hN", o.hN(), "cN", o.cN());
        });
    }

    @Test
    void packedUnsortedLengthsThroughTwoLayerBidirectionalLstm() {
        LSTM lstm = new LSTM(LSTM.options(3, 4).numLayers(2).batchFirst(true).bidirectional(true)
                .generator(new Generator(2)));
        long[] len = lengths("lstm_packed");
        check(FILE, "lstm_packed", lstm, inputs("lstm_packed", "x", "h0", "c0"), in -> {
            PackedSequence p = Packing.packPaddedSequence(in.get("x"), len, true, false);
            PackedLSTMOutput o = lstm.forward(p, in.get("h0"), in.get("c0"));
            return Map.of("output", Packing.padPackedSequence(o.output(), true, 0, null).output(), "hN", o.hN(), "cN", o.cN());
        });
    }

    @Test
    void packedUnsortedLengthsThroughTwoLayerBidirectionalGru() {
        GRU gru = new GRU(GRU.options(3, 4).numLayers(2).bidirectional(true).generator(new Generator(3)));
        long[] len = lengths("gru_packed");
        check(FILE, "gru_packed", gru, inputs("gru_packed", "x", "h0"), in -> {
            PackedRNNOutput o = gru.forward(Packing.packPaddedSequence(in.get("x"), len, false, false), in.get("h0"));
            return Map.of("output", Packing.padPackedSequence(o.output()).output(), "hN", o.hN());
        });
    }

    @Test
    void packedSortedBatchThroughProjectedBidirectionalLstm() {
        LSTM lstm = new LSTM(LSTM.options(2, 4).numLayers(2).bidirectional(true).projSize(3).generator(new Generator(4)));
        long[] len = lengths("lstm_proj_packed_sorted");
        check(FILE, "lstm_proj_packed_sorted", lstm, inputs("lstm_proj_packed_sorted", "x"), in -> {
            PackedLSTMOutput o = lstm.forward(Packing.packPaddedSequence(in.get("x"), len, false, true), null, null);
            return Map.of("output", Packing.padPackedSequence(o.output()).output(), "hN", o.hN(), "cN", o.cN());
        });
    }

    @Test
    void packedBatchFirstBidirectionalTanhRnn() {
        RNN rnn = new RNN(RNN.options(2, 3).batchFirst(true).bidirectional(true).generator(new Generator(5)));
        long[] len = lengths("rnn_packed");
        check(FILE, "rnn_packed", rnn, inputs("rnn_packed", "x"), in -> {
            PackedRNNOutput o = rnn.forward(Packing.packPaddedSequence(in.get("x"), len, true, false), null);
            return Map.of("output", Packing.padPackedSequence(o.output(), true, 0, null).output(), "hN", o.hN());
        });
    }
}
