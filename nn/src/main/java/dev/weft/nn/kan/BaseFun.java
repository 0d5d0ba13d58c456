package dev.weft.nn.kan;

import dev.weft.nn.OptionEnums;
import dev.weft.tensor.Tensor;

/**
 * The residual function b(x) of a KAN edge, pykan's base_fun strings: 'silu' (the default,
 * b(x) = x sigmoid(x)), 'identity' (b(x) = x) and 'zero' (b(x) = 0, a pure spline).
 */
public enum BaseFun {
    SILU,
    IDENTITY,
    ZERO;

    /** b(x), elementwise. */
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

    /** Parses pykan's name ('silu', 'identity', 'zero'). */
    public static BaseFun of(String s) {
        return OptionEnums.of("BaseFun", values(), s);
    }
}
