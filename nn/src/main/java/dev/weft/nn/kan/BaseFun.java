package dev.weft.nn.kan;

import dev.weft.nn.OptionEnums;
import dev.weft.tensor.Tensor;

/**
 * The residual function b(x) of a KAN edge, pykan's base_fun strings: 'silu' (the default,
 * b(x) = x sigmoid(x)), 'identity' (b(x) = x) and 'zero' (b(x) = 0, a pure spline).
 */
public enum BaseFun {
    /** 'silu': b(x) = x sigmoid(x), pykan's default. */
    SILU,
    /** 'identity': b(x) = x. */
    IDENTITY,
    /** 'zero': b(x) = 0, a pure spline. */
    ZERO;

    /**
     * {@return b(x), elementwise}
     *
     * @param x the input
     */
    public Tensor apply(Tensor x) {
        return switch (this) {
            case SILU -> x.silu();
            case IDENTITY -> x;
            case ZERO -> Tensor.zerosLike(x);
        };
    }

    @Override
    public String toString() {
        return OptionEnums.torchName(this);
    }

    /**
     * {@return the function of pykan's name}
     *
     * @param s 'silu', 'identity' or 'zero'
     * @throws IllegalArgumentException when the name is none of them
     */
    public static BaseFun of(String s) {
        return OptionEnums.of("BaseFun", values(), s);
    }
}
