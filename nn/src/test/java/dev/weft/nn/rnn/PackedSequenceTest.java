package dev.weft.nn.rnn;

import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Packing: the layout of packPaddedSequence (batch sizes, sorted order, rows), pad(pack(x)) = x with zeros
 * past each length, a packed batch through a layer equals running each sequence alone (outputs, final
 * states, both directions, projection), and the errors.
 */
class PackedSequenceTest {
    private static Tensor randn(long seed, int... shape) {
        return Tensor.randn(new Generator(seed), DType.F64, shape);
    }

    private static void same(String what, Tensor want, Tensor got) {
        assertArrayEquals(want.shape(), got.shape(), what + ": shape");
        assertArrayEquals(want.contiguous().toDoubleArray(), got.detach().contiguous().toDoubleArray(), 1e-12, what);
    }

    @Test
    void packLaysOutStepsBySortedLength() {
        Tensor x = Tensor.arange(0, 12, 1).to(DType.F64).reshape(3, 4, 1);   // batch-first (B=3, T=4, 1): x[b, t] = 4b + t
        PackedSequence p = Packing.packPaddedSequence(x, new long[] {2, 4, 1}, true, false);
        assertArrayEquals(new int[] {3, 2, 1, 1}, p.batchSizes());
        assertArrayEquals(new long[] {1, 0, 2}, p.sortedIndices().toLongArray());
        assertArrayEquals(new long[] {1, 0, 2}, p.unsortedIndices().toLongArray());
        // step 0: sequences 1, 0, 2; step 1: 1, 0; steps 2, 3: 1
        assertArrayEquals(new double[] {4, 0, 8, 5, 1, 6, 7}, p.data().toDoubleArray());
        PackedSequence sorted = Packing.packPaddedSequence(x.transpose(0, 1), Tensor.of(3L, 2L, 2L), false, true);
        assertArrayEquals(new int[] {3, 3, 1}, sorted.batchSizes());
        assertNull(sorted.sortedIndices());
        assertArrayEquals(new double[] {0, 4, 8, 1, 5, 9, 2}, sorted.data().toDoubleArray());
    }

    @Test
    void padOfPackIsTheInputWithZerosPastEachLength() {
        Tensor x = randn(1, 5, 3, 2);
        long[] len = {3, 5, 2};
        for (boolean batchFirst : new boolean[] {false, true}) {
            Tensor in = batchFirst ? x.transpose(0, 1) : x;
            Packing.Padded back = Packing.padPackedSequence(Packing.packPaddedSequence(in, len, batchFirst, false), batchFirst, -1, 6);
            assertArrayEquals(len, back.lengths().toLongArray());
            Tensor tm = batchFirst ? back.output().transpose(0, 1) : back.output();
            assertArrayEquals(new int[] {6, 3, 2}, tm.shape());
            for (int b = 0; b < 3; b++) {
                for (int t = 0; t < 6; t++) {
                    Tensor want = t < len[b] ? x.select(0, t).select(0, b) : Tensor.full(-1.0, DType.F64, 2);
                    same("b " + b + " t " + t, want, tm.select(0, t).select(0, b));
                }
            }
        }
    }

    /** Packed through the layer vs each sequence alone (unbatched, its own length). */
    private static void matchesEachSequenceAlone(RNNBase m, boolean lstm) {
        long[] len = {3, 6, 1, 4};
        int B = len.length, T = 6, D = m.numDirections(), L = m.numLayers(), P = m.stateSize();
        Tensor x = randn(2, T, B, m.inputSize()), h0 = randn(3, L * D, B, P), c0 = randn(4, L * D, B, m.hiddenSize());
        PackedSequence p = Packing.packPaddedSequence(x, len, false, false);
        Tensor out, hN, cN = null;
        if (lstm) {
            PackedLSTMOutput o = ((LSTM) m).forward(p, h0, c0);
            out = Packing.padPackedSequence(o.output()).output();
            hN = o.hN();
            cN = o.cN();
        } else {
            PackedRNNOutput o = m instanceof GRU g ? g.forward(p, h0) : ((RNN) m).forward(p, h0);
            out = Packing.padPackedSequence(o.output()).output();
            hN = o.hN();
        }
        for (int b = 0; b < B; b++) {
            int n = (int) len[b];
            Tensor xb = x.narrow(0, 0, n).select(1, b), hb = h0.select(1, b), cb = c0.select(1, b);
            Tensor[] alone = lstm ? m.run(xb, hb, cb) : m.run(xb, hb, null);
            same("output of sequence " + b, alone[0], out.narrow(0, 0, n).select(1, b));
            if (n < T) same("padding of sequence " + b, Tensor.zeros(DType.F64, T - n, D * P), out.narrow(0, n, T - n).select(1, b));
            same("hN of sequence " + b, alone[1], hN.select(1, b));
            if (lstm) same("cN of sequence " + b, alone[2], cN.select(1, b));
        }
    }

    @Test
    void aPackedBatchEqualsEachSequenceRunAlone() {
        matchesEachSequenceAlone((LSTM) new LSTM(LSTM.options(3, 4).numLayers(2).bidirectional(true)
                .generator(new Generator(5))).to(DType.F64), true);
        matchesEachSequenceAlone((LSTM) new LSTM(LSTM.options(2, 5).numLayers(2).bias(false).batchFirst(true)
                .bidirectional(true).projSize(3).generator(new Generator(6))).to(DType.F64), true);
        matchesEachSequenceAlone((GRU) new GRU(GRU.options(3, 4).numLayers(2).bidirectional(true)
                .generator(new Generator(7))).to(DType.F64), false);
        matchesEachSequenceAlone((RNN) new RNN(RNN.options(3, 2).nonlinearity(Nonlinearity.RELU).bidirectional(true)
                .generator(new Generator(8))).to(DType.F64), false);
    }

    @Test
    void equalLengthsPackedEqualThePaddedRun() {
        LSTM lstm = (LSTM) new LSTM(LSTM.options(3, 4).numLayers(2).batchFirst(true).bidirectional(true)
                .generator(new Generator(9))).to(DType.F64);
        Tensor x = randn(10, 2, 5, 3);
        LSTMOutput padded = lstm.forward(x, null, null);
        PackedLSTMOutput packed = lstm.forward(Packing.packPaddedSequence(x, new long[] {5, 5}, true, true), null, null);
        same("output", padded.output(), Packing.padPackedSequence(packed.output(), true, 0, null).output());
        same("hN", padded.hN(), packed.hN());
        same("cN", padded.cN(), packed.cN());
    }

    @Test
    void errorsNameTheCallAndTheValues() {
        Tensor x = Tensor.zeros(DType.F64, 4, 2, 3);
        var e = assertThrows(IllegalArgumentException.class, () -> Packing.packPaddedSequence(x, new long[] {2, 3}, false, true));
        assertTrue(e.getMessage().contains("must be sorted in decreasing order when enforceSorted is true"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Packing.packPaddedSequence(x, new long[] {0, 3}, false, false));
        assertTrue(e.getMessage().contains("every length must be in 1..4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Packing.packPaddedSequence(x, new long[] {5, 3}, false, false));
        assertTrue(e.getMessage().contains("every length must be in 1..4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Packing.packPaddedSequence(x, new long[] {3}, false, false));
        assertEquals("packPaddedSequence: input (4, 2, 3) has batch size 2 but 1 lengths were given", e.getMessage());
        PackedSequence p = Packing.packPaddedSequence(x, new long[] {4, 2}, false, true);
        e = assertThrows(IllegalArgumentException.class, () -> Packing.padPackedSequence(p, false, 0, 3));
        assertTrue(e.getMessage().contains("totalLength 3 is shorter than the longest sequence (4 steps)"), e.getMessage());
        LSTM lstm = (LSTM) new LSTM(3, 4).to(DType.F64);
        e = assertThrows(IllegalArgumentException.class, () -> lstm.forward(p, Tensor.zeros(DType.F64, 1, 3, 4), Tensor.zeros(DType.F64, 1, 3, 4)));
        assertTrue(e.getMessage().contains("h0 (1, 3, 4): expected (1, 2, 4)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LSTM(2, 4).forward(p, null, null));
        assertTrue(e.getMessage().contains("last dim 3 != inputSize 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new PackedSequence(Tensor.zeros(5, 3), new int[] {2, 3}, null, null));
        assertTrue(e.getMessage().contains("must be positive and non-increasing"), e.getMessage());
    }
}
