package dev.weft.nn.kan;

import dev.weft.tensor.Tensor;

/**
 * The contract every layer of the KAN family keeps ({@link KANLayer}, {@link FastKANLayer}, {@link ChebyKANLayer},
 * {@link FANLayer}, {@link SelectableKANLayer}): a module from in features to out features over the last dim, {@code x (..., in) -> (..., out)},
 * of one floating dtype with its parameters, so the variants stack and swap in a model alike.
 */
public interface EdgeLayer {
    /** {@return the number of input features (the last dim of the input)} */
    int inDim();

    /** {@return the number of output features (the last dim of the output)} */
    int outDim();

    /**
     * The layer's function.
     *
     * @param x the input (..., in)
     * @return the output (..., out)
     */
    Tensor forward(Tensor x);
}
