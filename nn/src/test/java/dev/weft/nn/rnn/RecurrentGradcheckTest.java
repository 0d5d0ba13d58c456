package dev.weft.nn.rnn;

import dev.weft.autograd.Gradcheck;
import dev.weft.nn.FunctionalCall;
import dev.weft.nn.Module;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * F64 gradchecks (central differences) of every cell and of small stacked bidirectional layers,
 * with respect to the input, the initial states and a few parameters (supplied through
 * FunctionalCall, so the check also covers reading weights through param()).
 */
class RecurrentGradcheckTest {
    private static Tensor rand(long seed, int... shape) {
        return Tensor.randn(new Generator(seed), DType.F64, shape).requiresGrad(true);
    }

    /** A copy of the module's parameter {@code name} as an independent F64 leaf. */
    private static Tensor paramCopy(Module m, String name) {
        return m.namedParameters().get(name).detach().clone().requiresGrad(true);
    }

    /**
     * Gradchecks outputs of {@code run} w.r.t. {@code leading} tensors and the named parameters
     * (supplied through FunctionalCall).
     */
    private static void check(String name, Module m, Tensor[] leading, String[] params,
                              Function<Tensor[], Tensor[]> run) {
        m.to(DType.F64);
        Tensor[] all = new Tensor[leading.length + params.length];
        System.arraycopy(leading, 0, all, 0, leading.length);
        for (int i = 0; i < params.length; i++) all[leading.length + i] = paramCopy(m, params[i]);
        Function<Tensor[], Tensor[]> f = xs -> {
            Map<String, Tensor> bound = new LinkedHashMap<>();
            for (int i = 0; i < params.length; i++) bound.put(params[i], xs[leading.length + i]);
            return FunctionalCall.call(m, bound, mod -> run.apply(xs));
        };
        assertTrue(Gradcheck.gradcheckOutputs(name, f, Gradcheck.Tolerance.DEFAULT, all));
    }

    @Test
    void rnnCellTanhAndRelu() {
        for (Nonlinearity act : Nonlinearity.values()) {
            RNNCell cell = new RNNCell(RNNCell.options(3, 4).nonlinearity(act).generator(new Generator(10)));
            check("RNNCell " + act, cell, new Tensor[] {rand(1, 2, 3), rand(2, 2, 4)},
                    new String[] {"weight_ih", "weight_hh", "bias_hh"},
                    x -> new Tensor[] {cell.forward(x[0], x[1])});
        }
    }

    @Test
    void lstmCell() {
        LSTMCell cell = new LSTMCell(LSTMCell.options(3, 2).generator(new Generator(11)));
        check("LSTMCell", cell, new Tensor[] {rand(3, 2, 3), rand(4, 2, 2), rand(5, 2, 2)},
                new String[] {"weight_ih", "weight_hh", "bias_ih"}, x -> {
                    LSTMState s = cell.forward(x[0], x[1], x[2]);
                    return new Tensor[] {s.h(), s.c()};
                });
    }

    @Test
    void gruCellUnbatched() {
        GRUCell cell = new GRUCell(GRUCell.options(3, 2).generator(new Generator(12)));
        check("GRUCell", cell, new Tensor[] {rand(6, 3), rand(7, 2)},
                new String[] {"weight_hh", "bias_hh", "bias_ih"},
                x -> new Tensor[] {cell.forward(x[0], x[1])});
    }

    @Test
    void twoLayerBidirectionalBatchFirstLstm() {
        LSTM lstm = new LSTM(LSTM.options(3, 2).numLayers(2).batchFirst(true).bidirectional(true)
                .generator(new Generator(13)));
        check("LSTM 2-layer bidirectional", lstm, new Tensor[] {rand(8, 2, 4, 3), rand(9, 4, 2, 2), rand(10, 4, 2, 2)},
                new String[] {"weight_hh_l0", "weight_ih_l1_reverse", "bias_hh_l1"}, x -> {
                    LSTMOutput o = lstm.forward(x[0], x[1], x[2]);
                    return new Tensor[] {o.output(), o.hN(), o.cN()};
                });
    }

    @Test
    void twoLayerBidirectionalGruOverNineSteps() {
        // T = 9 runs the recursive time split (halves of 4 and 5 steps) under autograd
        GRU gru = new GRU(GRU.options(2, 2).numLayers(2).bidirectional(true).generator(new Generator(14)));
        check("GRU 2-layer bidirectional T=9", gru, new Tensor[] {rand(15, 9, 1, 2), rand(16, 4, 1, 2)},
                new String[] {"weight_hh_l1_reverse", "bias_hh_l0", "weight_ih_l0"}, x -> {
                    RNNOutput o = gru.forward(x[0], x[1]);
                    return new Tensor[] {o.output(), o.hN()};
                });
    }

    @Test
    void twoLayerBidirectionalTanhRnnWithoutBias() {
        RNN rnn = new RNN(RNN.options(3, 3).numLayers(2).bias(false).bidirectional(true).generator(new Generator(17)));
        check("RNN tanh 2-layer bidirectional, no bias", rnn, new Tensor[] {rand(18, 5, 2, 3)},
                new String[] {"weight_hh_l0_reverse", "weight_ih_l1"}, x -> {
                    RNNOutput o = rnn.forward(x[0], null);
                    return new Tensor[] {o.output(), o.hN()};
                });
    }

    @Test
    void lstmWithDropoutBetweenLayersInTraining() {
        // the generator is reset before every evaluation so each one draws the same mask
        LSTM lstm = new LSTM(LSTM.options(2, 2).numLayers(2).dropout(0.4).generator(new Generator(19)));
        lstm.train();
        check("LSTM dropout 0.4 (train)", lstm, new Tensor[] {rand(20, 4, 2, 2)},
                new String[] {"weight_ih_l1"}, x -> {
                    lstm.setGenerator(new Generator(99));
                    LSTMOutput o = lstm.forward(x[0], null, null);
                    return new Tensor[] {o.output(), o.cN()};
                });
    }

    @Test
    void twoLayerBidirectionalLstmWithProjection() {
        LSTM lstm = new LSTM(LSTM.options(2, 3).numLayers(2).bidirectional(true).projSize(2).generator(new Generator(21)));
        check("LSTM proj 2, 2-layer bidirectional", lstm, new Tensor[] {rand(22, 3, 2, 2), rand(23, 4, 2, 2), rand(24, 4, 2, 3)},
                new String[] {"weight_hr_l0", "weight_hr_l1_reverse", "weight_hh_l1"}, x -> {
                    LSTMOutput o = lstm.forward(x[0], x[1], x[2]);
                    return new Tensor[] {o.output(), o.hN(), o.cN()};
                });
    }

    @Test
    void packedUnsortedLengthsThroughBidirectionalLstmAndGru() {
        long[] len = {2, 4, 1};
        LSTM lstm = new LSTM(LSTM.options(2, 2).numLayers(2).batchFirst(true).bidirectional(true)
                .generator(new Generator(25)));
        check("packed LSTM 2-layer bidirectional", lstm, new Tensor[] {rand(26, 3, 4, 2), rand(27, 4, 3, 2), rand(28, 4, 3, 2)},
                new String[] {"weight_hh_l0_reverse", "bias_ih_l1", "weight_ih_l0"}, x -> {
                    PackedLSTMOutput o = lstm.forward(Packing.packPaddedSequence(x[0], len, true, false), x[1], x[2]);
                    return new Tensor[] {Packing.padPackedSequence(o.output(), true, 0, null).output(), o.hN(), o.cN()};
                });
        GRU gru = new GRU(GRU.options(2, 2).bidirectional(true).generator(new Generator(29)));
        check("packed GRU bidirectional", gru, new Tensor[] {rand(30, 4, 3, 2), rand(31, 2, 3, 2)},
                new String[] {"weight_hh_l0", "bias_hh_l0_reverse"}, x -> {
                    PackedRNNOutput o = gru.forward(Packing.packPaddedSequence(x[0], len, false, false), x[1]);
                    return new Tensor[] {o.output().data(), o.hN()};
                });
    }
}
