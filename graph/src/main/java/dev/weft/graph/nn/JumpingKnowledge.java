package dev.weft.graph.nn;

import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.init.Init;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.rnn.LSTM;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;
import java.util.List;
import java.util.Locale;

/**
 * The layer aggregation of Xu et al., "Representation Learning on Graphs with Jumping Knowledge Networks" (PyG's
 * JumpingKnowledge, torch_geometric.nn.JumpingKnowledge), over the per-layer node representations x^(1..L), each
 * (N, C): "cat" [x^(1), ..., x^(L)] (N, L*C); "max" the elementwise max over layers (N, C); "lstm" attention over
 * layers, alpha = softmax_l(att(BiLSTM(x^(1..L))_l)), out = sum_l alpha_l x^(l) (N, C), with PyG's modules: lstm
 * = torch.nn.LSTM(C, (L*C)/2, bidirectional, batch_first) and att = Linear(2 * ((L*C)/2), 1).
 */
public final class JumpingKnowledge extends Module {
    private final String mode;
    private final int channels, numLayers;

    /**
     * "cat" or "max" (no parameters).
     *
     * @param mode "cat" or "max"
     */
    public JumpingKnowledge(String mode) {
        this(mode, -1, -1, Init.defaultGenerator());
    }

    /**
     * mode "lstm" needs channels C and numLayers L (ignored by "cat" and "max").
     *
     * @param mode "cat", "max" or "lstm"
     * @param channels the feature width C, for "lstm"
     * @param numLayers the number of layer representations L, for "lstm"
     * @param g the generator for the LSTM and attention weights
     */
    public JumpingKnowledge(String mode, int channels, int numLayers, Generator g) {
        this.mode = OptionChecks.nonNull("JumpingKnowledge", "mode", mode).toLowerCase(Locale.ROOT);
        if (!this.mode.equals("cat") && !this.mode.equals("max") && !this.mode.equals("lstm")) {
            throw new IllegalArgumentException("JumpingKnowledge: mode must be 'cat', 'max' or 'lstm', got '" + mode + "'");
        }
        if (this.mode.equals("lstm")) {
            this.channels = OptionChecks.atLeast("JumpingKnowledge", "channels", channels, 1);
            this.numLayers = OptionChecks.atLeast("JumpingKnowledge", "num_layers", numLayers, 1);
            int hidden = numLayers * channels / 2;
            if (hidden < 1) throw new IllegalArgumentException("JumpingKnowledge: (num_layers * channels) / 2 must be >= 1, got " + hidden);
            registerModule("lstm", new LSTM(LSTM.options(channels, hidden).bidirectional(true).batchFirst(true).generator(g)));
            registerModule("att", new Linear(2 * hidden, 1, true, g));
        } else {
            this.channels = -1;
            this.numLayers = -1;
        }
    }

    /**
     * The combined representation of xs (each (N, C), same N; same C except for "cat").
     *
     * @param xs the per-layer node representations x^(1..L)
     * @return (N, L*C) for "cat", (N, C) for "max" and "lstm"
     */
    public Tensor forward(List<Tensor> xs) {
        if (xs.isEmpty()) throw new IllegalArgumentException(this + ": needs at least one layer's representation");
        int n = xs.get(0).size(0);
        for (int l = 0; l < xs.size(); l++) {
            Tensor x = xs.get(l);
            boolean widthOk = mode.equals("cat") || x.size(-1) == xs.get(0).size(-1);
            if (x.dim() != 2 || x.size(0) != n || !widthOk) {
                throw new IllegalArgumentException(this + ": xs[" + l + "] is " + Shape.format(x.shape()) + ", xs[0] is " + Shape.format(xs.get(0).shape()));
            }
        }
        return switch (mode) {
            case "cat" -> Tensor.cat(xs, -1);
            case "max" -> Tensor.stack(xs, -1).max(-1).values();
            default -> {
                Tensor x = Tensor.stack(xs, 1);                                             // (N, L, C)
                Tensor h = ((LSTM) child("lstm")).forward(x, null, null).output();          // (N, L, 2H)
                Tensor alpha = child("att").forward(h).squeeze(-1).softmax(-1);             // (N, L)
                yield x.mul(alpha.unsqueeze(-1)).sum(new int[] {1}, false);
            }
        };
    }

    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException(this + ": call forward(List.of(x1, ..., xL))");
    }

    @Override
    protected String extraRepr() {
        return mode.equals("lstm") ? mode + ", channels=" + channels + ", layers=" + numLayers : mode;
    }
}
