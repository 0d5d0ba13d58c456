package dev.weft.nn.io;

import dev.weft.nn.Module;
import dev.weft.nn.Sequential;
import dev.weft.nn.layers.Conv2d;
import dev.weft.nn.layers.LayerNorm;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.nn.rnn.LSTM;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Tensor;

/**
 * make_interop.py's Net built from the nn layers, in F64: conv = Conv2d(2, 3, 3, stride 1, padding 1),
 * rows as time, lstm = LSTM(12, 5, 1 layer, bias, batchFirst), norm = LayerNorm(5),
 * mlp = Sequential(Linear(5, 8), ReLU(), Linear(8, 3)). State-dict names match PyTorch's.
 */
final class InteropLayersNet extends Module {
    InteropLayersNet() {
        registerModule("conv", new Conv2d(2, 3, 3, 1, 1));
        registerModule("lstm", new LSTM(LSTM.options(12, 5).batchFirst(true)));
        registerModule("norm", new LayerNorm(5));
        registerModule("mlp", new Sequential(new Linear(5, 8), new ReLU(), new Linear(8, 3)));
        to(DType.F64);
    }

    // x: (B, 2, 4, 4) -> (B, 4, 3)
    @Override
    public Tensor forward(Tensor x) {
        int b = x.size(0);
        Tensor h = child("conv").forward(x);                                       // (B, 3, 4, 4)
        h = h.permute(0, 2, 1, 3).reshape(b, 4, 12);                               // (B, T=4, C=12): row t of every channel
        h = ((LSTM) child("lstm")).forward(h, null, null).output();                // (B, 4, 5), zero initial state
        return child("mlp").forward(child("norm").forward(h));                     // (B, 4, 3)
    }
}
