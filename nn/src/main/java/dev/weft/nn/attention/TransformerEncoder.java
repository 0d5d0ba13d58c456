package dev.weft.nn.attention;

import dev.weft.nn.Module;
import dev.weft.nn.ModuleList;
import dev.weft.nn.init.Init;
import dev.weft.tensor.Tensor;

import java.util.function.IntFunction;

/**
 * torch.nn.TransformerEncoder: numLayers encoder layers applied in turn, then an optional final norm.
 * State-dict names layers.{i}.… and norm.…, as PyTorch. Built from a factory (each layer its own
 * initialization) or, like PyTorch, from one layer copied numLayers times (identical starting weights).
 * The nested-tensor fast path of PyTorch is not reproduced: padded positions are computed like any other.
 */
public final class TransformerEncoder extends Module {
    private final ModuleList layers;
    private final Module norm;

    /**
     * layers from {@code factory.apply(i)}, i = 0..numLayers-1; {@code norm} may be null.
     *
     * @param factory   builds layer i
     * @param numLayers the number of layers, positive
     * @param norm      applied to the last layer's output, or null
     * @throws IllegalArgumentException if numLayers is not positive
     */
    public TransformerEncoder(IntFunction<TransformerEncoderLayer> factory, int numLayers, Module norm) {
        if (numLayers <= 0) throw new IllegalArgumentException("TransformerEncoder: numLayers must be positive, got " + numLayers);
        this.layers = registerModule("layers", new ModuleList());
        for (int i = 0; i < numLayers; i++) layers.add(factory.apply(i));
        this.norm = registerModule("norm", norm);
    }

    /**
     * numLayers copies of {@code layer} (as PyTorch's deep copies), no final norm.
     *
     * @param layer     the layer to copy
     * @param numLayers the number of layers, positive
     */
    public TransformerEncoder(TransformerEncoderLayer layer, int numLayers) {
        this(layer, numLayers, null);
    }

    /**
     * numLayers copies of {@code layer} (as PyTorch's deep copies); {@code norm} may be null.
     *
     * @param layer     the layer to copy
     * @param numLayers the number of layers, positive
     * @param norm      applied to the last layer's output, or null
     */
    public TransformerEncoder(TransformerEncoderLayer layer, int numLayers, Module norm) {
        this(i -> layer.copy(Init.defaultGenerator().split()), numLayers, norm);
    }

    /** {@return the number of encoder layers} */
    public int numLayers() {
        return layers.size();
    }

    /**
     * The i-th encoder layer.
     *
     * @param i the index, 0..numLayers-1
     * @return layer i
     */
    public TransformerEncoderLayer layer(int i) {
        return layers.get(i, TransformerEncoderLayer.class);
    }

    @Override
    public Tensor forward(Tensor src) {
        return forward(src, null, null, false);
    }

    /**
     * src, mask and padding mask as {@link TransformerEncoderLayer#forward(Tensor, Tensor, Tensor, boolean)}.
     *
     * @param src               (B, T, E) batch-first, (T, B, E) time-major, or (T, E) unbatched
     * @param mask              the attention mask given to every layer, or null
     * @param srcKeyPaddingMask the key padding mask given to every layer, or null
     * @param isCausal          also apply the causal mask in every layer
     * @return the encoded sequence, src's shape
     */
    public Tensor forward(Tensor src, Tensor mask, Tensor srcKeyPaddingMask, boolean isCausal) {
        Tensor x = src;
        for (Module m : layers) x = ((TransformerEncoderLayer) m).forward(x, mask, srcKeyPaddingMask, isCausal);
        return norm == null ? x : norm.forward(x);
    }
}
