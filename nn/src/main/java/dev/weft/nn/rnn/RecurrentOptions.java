package dev.weft.nn.rnn;

import dev.weft.nn.OptionChecks;
import dev.weft.tensor.Generator;

/**
 * The options every recurrent layer and cell takes (RNNBase.Options, RNNCellBase.Options): the layer's
 * name for errors, inputSize and hiddenSize, bias (default true) and the generator of the initial weights
 * (default {@link dev.weft.nn.init.Init#defaultGenerator()}).
 */
abstract class RecurrentOptions<O extends RecurrentOptions<O>> {
    final String layer;
    final int inputSize, hiddenSize;
    boolean bias = true;
    Generator generator;

    RecurrentOptions(String layer, int inputSize, int hiddenSize) {
        this.layer = layer;
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
    }

    @SuppressWarnings("unchecked")
    final O self() {
        return (O) this;
    }

    /**
     * The biases b_ih and b_hh.
     *
     * @param bias whether to have them (default true)
     * @return these options
     */
    public O bias(boolean bias) {
        this.bias = bias;
        return self();
    }

    /**
     * Draws the U(-1/sqrt(H), 1/sqrt(H)) weights.
     *
     * @param generator the generator, not null
     * @return these options
     */
    public O generator(Generator generator) {
        this.generator = OptionChecks.nonNull(layer, "generator", generator);
        return self();
    }
}
