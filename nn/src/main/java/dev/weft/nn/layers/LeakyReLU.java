package dev.weft.nn.layers;

import dev.weft.nn.Module;
import dev.weft.nn.functional.F;
import dev.weft.tensor.Tensor;

/** x if x > 0 else negativeSlope * x (default slope 0.01). Elementwise. */
public class LeakyReLU extends Module {
    /** The slope for negative inputs. */
    public final double negativeSlope;

    /** Slope 0.01. */
    public LeakyReLU() {
        this(0.01);
    }

    /**
     * A LeakyReLU with the given slope.
     *
     * @param negativeSlope the slope for negative inputs
     */
    public LeakyReLU(double negativeSlope) {
        this.negativeSlope = negativeSlope;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.leakyRelu(input, negativeSlope);
    }

    @Override
    protected String extraRepr() {
        return "negativeSlope=" + Repr.num(negativeSlope);
    }
}
