package dev.weft.nn;

import dev.weft.nn.attention.LearnedPositionalEncoding;
import dev.weft.nn.attention.MultiheadAttention;
import dev.weft.nn.attention.SinusoidalPositionalEncoding;
import dev.weft.nn.attention.TransformerEncoder;
import dev.weft.nn.attention.TransformerEncoderLayer;
import dev.weft.nn.init.Init;
import dev.weft.nn.layers.*;
import dev.weft.nn.loss.*;
import dev.weft.nn.rnn.*;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import static dev.weft.nn.Fingerprint.forward;
import static dev.weft.nn.Fingerprint.input;
import static dev.weft.nn.Fingerprint.sequence;
import static dev.weft.nn.Fingerprint.trainTwiceThenEval;

/**
 * Writes options_reference.txt: fingerprints of layers built with the positional constructors that the
 * options builders replace (run once, before they were removed). Each case seeds what it draws from:
 * an explicit Generator, or Init.manualSeed for the short constructors.
 */
public final class OptionsReferenceCapture {
    private record Case(Supplier<Module> build, Fingerprint.Run run) {}

    private static final Map<String, Case> CASES = new LinkedHashMap<>();

    private static void add(String name, Supplier<Module> build, Fingerprint.Run run) {
        CASES.put(name, new Case(build, run));
    }

    private static Supplier<Module> seeded(long seed, Supplier<Module> build) {
        return () -> {
            Init.manualSeed(seed);
            return build.get();
        };
    }

    private static Generator g(long seed) {
        return new Generator(seed);
    }

    public static void main(String[] args) {
        Tensor x1d = input(100, 2, 4, 9), x2d = input(101, 2, 4, 7, 6), xt = input(102, 2, 4, 5, 4);
        // convolutions
        add("conv1d.defaults", () -> new Conv1d(4, 6, 3, 1, 0, 1, 1, true, "zeros", g(1)), forward(x1d, true));
        add("conv1d.all", () -> new Conv1d(4, 6, 3, 2, 1, 2, 2, false, "reflect", g(2)), forward(x1d, true));
        add("conv1d.same", () -> new Conv1d(4, 2, 4, 1, "same", 1, 1, true, "replicate", g(3)), forward(x1d, true));
        add("conv1d.valid", () -> new Conv1d(4, 2, 4, 1, "valid", 2, 2, true, "zeros", g(3)), forward(x1d, true));
        add("conv1d.short3", seeded(4, () -> new Conv1d(4, 6, 3)), forward(x1d, true));
        add("conv1d.short5", seeded(5, () -> new Conv1d(4, 6, 5, 1, 2)), forward(x1d, true));
        add("conv2d.defaults", () -> new Conv2d(4, 6, new int[] {3}, new int[] {1}, new int[] {0}, new int[] {1}, 1, true,
                "zeros", g(6)), forward(x2d, true));
        add("conv2d.all", () -> new Conv2d(4, 6, new int[] {3, 2}, new int[] {2, 1}, new int[] {1, 0}, new int[] {1, 2}, 2,
                false, "circular", g(7)), forward(x2d, true));
        add("conv2d.same", () -> new Conv2d(4, 2, new int[] {3}, new int[] {1}, "same", new int[] {2, 1}, 1, true,
                "reflect", g(8)), forward(x2d, true));
        add("conv2d.valid", () -> new Conv2d(4, 2, new int[] {3}, new int[] {1}, "valid", new int[] {1}, 2, true,
                "zeros", g(8)), forward(x2d, true));
        add("conv2d.short3", seeded(9, () -> new Conv2d(4, 6, 3)), forward(x2d, true));
        add("conv2d.short5", seeded(10, () -> new Conv2d(4, 6, 3, 2, 1)), forward(x2d, true));
        add("conv2d.eight", seeded(11, () -> new Conv2d(4, 6, 3, 1, 1, 2, 2, false)), forward(x2d, true));
        add("convt2d.defaults", () -> new ConvTranspose2d(4, 6, new int[] {3}, new int[] {1}, new int[] {0}, new int[] {0}, 1,
                true, new int[] {1}, g(12)), forward(xt, true));
        add("convt2d.all", () -> new ConvTranspose2d(4, 6, new int[] {3, 2}, new int[] {2, 3}, new int[] {1, 0},
                new int[] {1, 2}, 2, false, new int[] {2, 1}, g(13)), forward(xt, true));
        add("convt2d.short3", seeded(14, () -> new ConvTranspose2d(4, 6, 3)), forward(xt, true));
        add("convt2d.short6", seeded(15, () -> new ConvTranspose2d(4, 6, 3, 2, 1, 1)), forward(xt, true));
        // linear-like and embedding
        Tensor b1 = input(103, 3, 2), b2 = input(104, 3, 3);
        Fingerprint.Run bil = sequence(m -> Map.of("y", ((Bilinear) m).forward(b1, b2)), true);
        add("bilinear.defaults", () -> new Bilinear(2, 3, 4, true, g(16)), bil);
        add("bilinear.nobias", () -> new Bilinear(2, 3, 4, false, g(17)), bil);
        add("bilinear.short", seeded(18, () -> new Bilinear(2, 3, 4)), bil);
        Tensor idx = Tensor.of(new long[][] {{0, 2, 6}, {1, 2, 3}});
        add("embedding.defaults", () -> new Embedding(7, 3, null, g(19)), forward(idx, true));
        add("embedding.padding", () -> new Embedding(7, 3, 2, g(20)), forward(idx, true));
        add("embedding.negpadding", () -> new Embedding(7, 3, -1, g(21)), forward(idx, true));
        add("embedding.short", seeded(22, () -> new Embedding(7, 3)), forward(idx, true));
        add("embedding.shortpadding", seeded(23, () -> new Embedding(7, 3, 2)), forward(idx, true));
        Tensor table = input(105, 7, 3);
        add("embedding.pretrained", () -> Embedding.fromPretrained(table, true, null), forward(idx, true));
        add("embedding.pretrainedpad", () -> Embedding.fromPretrained(table, false, 1), forward(idx, true));
        // norms
        Tensor xb1 = input(106, 5, 3, 4), xb2 = input(107, 4, 3, 2, 2), xn = input(108, 2, 3, 4);
        add("bn1d.defaults", () -> new BatchNorm1d(3, 1e-5, 0.1, true, true), trainTwiceThenEval(xb1));
        add("bn1d.cumulative", () -> new BatchNorm1d(3, 1e-3, null, false, true), trainTwiceThenEval(xb1));
        add("bn1d.untracked", () -> new BatchNorm1d(3, 1e-5, 0.3, true, false), trainTwiceThenEval(xb1));
        add("bn1d.short", () -> new BatchNorm1d(3), trainTwiceThenEval(xb1));
        add("bn2d.defaults", () -> new BatchNorm2d(3, 1e-5, 0.1, true, true), trainTwiceThenEval(xb2));
        add("bn2d.all", () -> new BatchNorm2d(3, 1e-2, 0.5, false, false), trainTwiceThenEval(xb2));
        add("layernorm.defaults", () -> new LayerNorm(new int[] {3, 4}, 1e-5, true), forward(xn, true));
        add("layernorm.all", () -> new LayerNorm(new int[] {4}, 1e-1, false), forward(xn, true));
        add("layernorm.nobias", () -> new LayerNorm(new int[] {4}, 1e-2, true, false), forward(xn, true));
        add("layernorm.short", () -> new LayerNorm(3, 4), forward(xn, true));
        Tensor xg = input(109, 2, 6, 5);
        add("groupnorm.defaults", () -> new GroupNorm(2, 6, 1e-5, true), forward(xg, true));
        add("groupnorm.all", () -> new GroupNorm(3, 6, 1e-1, false), forward(xg, true));
        add("groupnorm.short", () -> new GroupNorm(2, 6), forward(xg, true));
        add("rmsnorm.defaults", () -> new RMSNorm(new int[] {4}, null, true), forward(xn, true));
        add("rmsnorm.all", () -> new RMSNorm(new int[] {3, 4}, 1e-1, false), forward(xn, true));
        add("rmsnorm.short", () -> new RMSNorm(4), forward(xn, true));
        // dropout, activations, pooling
        Tensor xd = input(110, 4, 16);
        add("dropout.generator", () -> new Dropout(0.3, g(24)), forward(xd, true));
        add("dropout.short", seeded(25, () -> new Dropout(0.3)), forward(xd, true));
        add("dropout.default", seeded(26, Dropout::new), forward(xd, true));
        add("gelu.tanh", () -> new GELU("tanh"), forward(xd, true));
        add("gelu.none", () -> new GELU("none"), forward(xd, true));
        Tensor xp1 = input(111, 2, 3, 11), xp2 = input(112, 2, 3, 9, 8);
        add("maxpool1d.all", () -> new MaxPool1d(3, 2, 1, 2, true), forward(xp1, true));
        add("maxpool1d.short", () -> new MaxPool1d(3), forward(xp1, true));
        add("avgpool1d.all", () -> new AvgPool1d(4, 3, 2, true, false), forward(xp1, true));
        add("avgpool1d.short", () -> new AvgPool1d(3), forward(xp1, true));
        add("maxpool2d.all", () -> new MaxPool2d(new int[] {3, 2}, new int[] {2, 1}, new int[] {1, 0}, new int[] {2, 1}, true),
                forward(xp2, true));
        add("maxpool2d.nullstride", () -> new MaxPool2d(new int[] {2}, null, new int[] {0}, new int[] {1}, false),
                forward(xp2, true));
        add("maxpool2d.short3", () -> new MaxPool2d(3, 2, 1), forward(xp2, true));
        add("avgpool2d.all", () -> new AvgPool2d(new int[] {3, 2}, new int[] {2, 1}, new int[] {1, 0}, true, false),
                forward(xp2, true));
        add("avgpool2d.nullstride", () -> new AvgPool2d(new int[] {2}, null, new int[] {0}, false, true), forward(xp2, true));
        add("avgpool2d.short3", () -> new AvgPool2d(3, 2, 1), forward(xp2, true));
        // attention
        Tensor xa = input(113, 3, 2, 8), ka = input(114, 4, 2, 5), va = input(115, 4, 2, 4), qa = input(116, 3, 2, 6);
        add("mha.defaults", () -> new MultiheadAttention(8, 2, 0.0, true, false, null, null, g(27)), forward(xa, true));
        add("mha.all", () -> new MultiheadAttention(8, 2, 0.25, false, true, null, null, g(28)), forward(xa, true));
        add("mha.kv", () -> new MultiheadAttention(6, 3, 0.0, true, false, 5, 4, g(29)),
                sequence(m -> Map.of("y", ((MultiheadAttention) m).forward(qa, ka, va).output()), true));
        add("mha.short", seeded(30, () -> new MultiheadAttention(8, 2)), forward(xa, true));
        add("mha.five", seeded(31, () -> new MultiheadAttention(8, 2, 0.2, true, true)), forward(xa, true));
        add("tel.short", seeded(32, () -> new TransformerEncoderLayer(8, 2)), forward(xa, true));
        add("tel.all", () -> new TransformerEncoderLayer(8, 2, 16, 0.2, "gelu", 1e-3, true, true, false, g(33)),
                forward(xa, true));
        add("tel.defaultsgen", () -> new TransformerEncoderLayer(8, 2, 2048, 0.1, "relu", 1e-5, false, false, true, g(34)),
                forward(xa, true));
        add("tel.seven", seeded(35, () -> new TransformerEncoderLayer(8, 2, 16, 0.1, "gelu", true, false)), forward(xa, true));
        add("encoder.copies", seeded(36, () -> new TransformerEncoder(new TransformerEncoderLayer(8, 2, 16, 0.1, "relu",
                1e-5, false, true, true, g(37)), 2, new LayerNorm(8))), forward(xa, true));
        add("learnedpe.all", () -> new LearnedPositionalEncoding(6, 8, 0.2, true, g(38)), forward(xa, true));
        add("learnedpe.short", seeded(39, () -> new LearnedPositionalEncoding(6, 8)), forward(xa, true));
        add("sinpe.all", () -> new SinusoidalPositionalEncoding(8, 10, 0.3, true, g(40)), forward(xa, true));
        add("sinpe.short", seeded(41, () -> new SinusoidalPositionalEncoding(8)), forward(xa, true));
        // recurrent
        Tensor xr = input(117, 5, 2, 3), xc = input(118, 2, 3);
        Fingerprint.Run lstm = sequence(m -> {
            LSTMOutput o = ((LSTM) m).forward(xr, null, null);
            return Map.of("y", o.output(), "h", o.hN(), "c", o.cN());
        }, true);
        Fingerprint.Run gru = sequence(m -> {
            RNNOutput o = ((GRU) m).forward(xr, null);
            return Map.of("y", o.output(), "h", o.hN());
        }, true);
        Fingerprint.Run rnn = sequence(m -> {
            RNNOutput o = ((RNN) m).forward(xr, null);
            return Map.of("y", o.output(), "h", o.hN());
        }, true);
        add("lstm.short", seeded(42, () -> new LSTM(3, 4)), lstm);
        add("lstm.seven", seeded(43, () -> new LSTM(3, 4, 2, true, true, 0.0, true)), lstm);
        add("lstm.all", () -> new LSTM(3, 4, 2, false, false, 0.3, true, g(44)), lstm);
        add("lstm.proj", () -> new LSTM(3, 5, 2, true, true, 0.0, true, 2, g(45)), lstm);
        add("gru.all", () -> new GRU(3, 4, 2, true, false, 0.2, true, g(46)), gru);
        add("gru.seven", seeded(47, () -> new GRU(3, 4, 1, false, true, 0.0, false)), gru);
        add("gru.short", seeded(48, () -> new GRU(3, 4)), gru);
        add("rnn.all", () -> new RNN(3, 4, 2, "relu", true, true, 0.1, true, g(49)), rnn);
        add("rnn.eight", seeded(50, () -> new RNN(3, 4, 1, "tanh", false, false, 0.0, false)), rnn);
        add("rnn.short", seeded(51, () -> new RNN(3, 4)), rnn);
        Fingerprint.Run lstmCell = sequence(m -> {
            LSTMState s = ((LSTMCell) m).forward(xc, (LSTMState) null);
            return Map.of("h", s.h(), "c", s.c());
        }, true);
        add("rnncell.all", () -> new RNNCell(3, 4, false, "relu", g(52)), forward(xc, true));
        add("rnncell.four", seeded(53, () -> new RNNCell(3, 4, true, "relu")), forward(xc, true));
        add("rnncell.short", seeded(54, () -> new RNNCell(3, 4)), forward(xc, true));
        add("lstmcell.all", () -> new LSTMCell(3, 4, false, g(55)), lstmCell);
        add("lstmcell.bias", seeded(56, () -> new LSTMCell(3, 4, false)), lstmCell);
        add("lstmcell.short", seeded(57, () -> new LSTMCell(3, 4)), lstmCell);
        add("grucell.all", () -> new GRUCell(3, 4, false, g(58)), forward(xc, true));
        add("grucell.bias", seeded(59, () -> new GRUCell(3, 4, false)), forward(xc, true));
        // losses
        Tensor logits = input(119, 4, 3), w = Tensor.of(0.5f, 1.0f, 2.0f), labels = Tensor.of(0L, 2L, 1L, 2L);
        Tensor probs = logits.sigmoid(), targets = input(120, 4, 3).sigmoid(), pw = Tensor.of(2.0f, 0.5f, 1.0f);
        Tensor anchor = input(121, 4, 5), pos = input(122, 4, 5), neg = input(123, 4, 5);
        add("ce.all", () -> new CrossEntropyLoss(w, 1, Reduction.SUM, 0.1),
                sequence(m -> Map.of("y", ((CrossEntropyLoss) m).forward(logits, labels)), true));
        add("ce.smoothing", () -> new CrossEntropyLoss(null, -100, Reduction.MEAN, 0.05),
                sequence(m -> Map.of("y", ((CrossEntropyLoss) m).forward(logits, labels)), true));
        add("nll.all", () -> new NLLLoss(w, 2, Reduction.NONE),
                sequence(m -> Map.of("y", ((NLLLoss) m).forward(logits.logSoftmax(1), labels)), true));
        add("bce.all", () -> new BCELoss(w, Reduction.SUM),
                sequence(m -> Map.of("y", ((BCELoss) m).forward(probs, targets)), true));
        add("bcelogits.all", () -> new BCEWithLogitsLoss(w, Reduction.NONE, pw),
                sequence(m -> Map.of("y", ((BCEWithLogitsLoss) m).forward(logits, targets)), true));
        add("bcelogits.pos", () -> new BCEWithLogitsLoss(null, Reduction.MEAN, pw),
                sequence(m -> Map.of("y", ((BCEWithLogitsLoss) m).forward(logits, targets)), true));
        add("triplet.all", () -> new TripletMarginLoss(0.5, 1.0, 1e-4, true, Reduction.SUM),
                sequence(m -> Map.of("y", ((TripletMarginLoss) m).forward(anchor, pos, neg)), true));

        System.out.println("# options_reference.txt: fingerprints (Fingerprint.java) of layers built with the positional");
        System.out.println("# constructors the options builders replaced, written by OptionsReferenceCapture.java at the");
        System.out.println("# commit that added this file (the capture class was removed with those constructors).");
        CASES.forEach((name, c) -> {
            Module m = c.build.get();
            Fingerprint.of(name, m, c.run.apply(m)).forEach(System.out::println);
        });
    }
}
