package dev.weft.nn.kan.symbolic;

import dev.weft.tensor.Tensor;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * One entry of the symbolic library (pykan's SYMBOLIC_LIB): a function f that a KAN edge may become as
 * c * f(a * x + b) + d, given twice, as a differentiable tensor function (the model's forward) and as a scalar
 * function (the fitting's grid search), with pykan's complexity (the "bits" its suggestion ranking charges) and
 * its parity, which the formula printer uses to put a &gt; 0 (f(-u) = -f(u) or f(u)).
 *
 * @param name pykan's name ("sin", "x^2", ...), also how the formula writes it where it has no special form
 * @param tensorFn f on tensors, elementwise and differentiable
 * @param scalarFn f on one value
 * @param complexity pykan's complexity, at least 0
 * @param parity f's parity
 */
public record SymbolicFunction(String name, UnaryOperator<Tensor> tensorFn, DoubleUnaryOperator scalarFn, int complexity, Parity parity) {
    /** Whether f(-u) = -f(u) (odd), f(-u) = f(u) (even), or neither. */
    public enum Parity {
        /** f(-u) = -f(u). */
        ODD,
        /** f(-u) = f(u). */
        EVEN,
        /** Neither. */
        NONE
    }

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException when the name is null or empty, a function or the parity is null, or the
     *         complexity is negative
     */
    public SymbolicFunction {
        if (name == null || name.isEmpty() || tensorFn == null || scalarFn == null || parity == null || complexity < 0) {
            throw new IllegalArgumentException("SymbolicFunction: needs a name, both functions, a parity and a complexity >= 0, got name "
                    + name + ", complexity " + complexity);
        }
    }

    /**
     * {@return f(u), elementwise and differentiable}
     *
     * @param u the input
     */
    public Tensor apply(Tensor u) {
        return tensorFn.apply(u);
    }

    /**
     * {@return f(u) for one value}
     *
     * @param u the input
     */
    public double apply(double u) {
        return scalarFn.applyAsDouble(u);
    }

    @Override
    public String toString() {
        return name;
    }
}
