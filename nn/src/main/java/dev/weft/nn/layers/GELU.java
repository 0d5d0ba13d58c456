package dev.weft.nn.layers;

import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.functional.GeluApproximate;
import dev.weft.nn.functional.F;
import dev.weft.tensor.Tensor;

/**
 * GELU (Hendrycks and Gimpel 2016): x Phi(x) with approximate NONE (default), or the tanh form
 * 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))) with TANH. Elementwise.
 */
public class GELU extends Module {
    /** The exact form (NONE) or the tanh approximation (TANH). */
    public final GeluApproximate approximate;

    /** The exact GELU. */
    public GELU() {
        this(GeluApproximate.NONE);
    }

    /**
     * {@code new GELU(GeluApproximate.TANH)}; from PyTorch's string: {@code new GELU(GeluApproximate.of("tanh"))}.
     *
     * @param approximate NONE or TANH; not null
     */
    public GELU(GeluApproximate approximate) {
        this.approximate = OptionChecks.nonNull("GELU", "approximate", approximate);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.gelu(input, approximate);
    }

    @Override
    protected String extraRepr() {
        return "approximate='" + approximate + "'";
    }
}
