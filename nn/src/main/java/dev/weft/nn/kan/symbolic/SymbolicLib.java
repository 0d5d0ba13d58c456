package dev.weft.nn.kan.symbolic;

import dev.weft.nn.kan.symbolic.SymbolicFunction.Parity;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * pykan's SYMBOLIC_LIB (kan/utils.py), its names, order and complexities, for the functions x, x^2, x^3, x^4,
 * 1/x, sqrt, exp, log, abs, sin, cos, tan, tanh, sgn, arctan, 0 and gaussian (exp(-x^2)). pykan's other entries
 * (x^5, 1/x^2 .. 1/x^5, x^1.5, 1/sqrt(x), arcsin, arccos, arctanh) are left out. Outside a function's domain the
 * values are NaN, as torch's (sqrt and log of negatives); pykan's singularity-avoiding variants are not provided.
 */
public final class SymbolicLib {
    private SymbolicLib() {}

    private static final Map<String, SymbolicFunction> LIB = build();

    private static Map<String, SymbolicFunction> build() {
        Map<String, SymbolicFunction> m = new LinkedHashMap<>();
        add(m, "x", u -> u, u -> u, 1, Parity.ODD);
        add(m, "x^2", Tensor::square, u -> u * u, 2, Parity.EVEN);
        add(m, "x^3", u -> u.pow(3), u -> u * u * u, 3, Parity.ODD);
        add(m, "x^4", u -> u.pow(4), u -> u * u * u * u, 3, Parity.EVEN);
        add(m, "1/x", Tensor::reciprocal, u -> 1 / u, 2, Parity.ODD);
        add(m, "sqrt", Tensor::sqrt, Math::sqrt, 2, Parity.NONE);
        add(m, "exp", Tensor::exp, Math::exp, 2, Parity.NONE);
        add(m, "log", Tensor::log, Math::log, 2, Parity.NONE);
        add(m, "abs", Tensor::abs, Math::abs, 3, Parity.EVEN);
        add(m, "sin", Tensor::sin, Math::sin, 2, Parity.ODD);
        add(m, "cos", Tensor::cos, Math::cos, 2, Parity.EVEN);
        add(m, "tan", u -> u.sin().div(u.cos()), Math::tan, 3, Parity.ODD);
        add(m, "tanh", Tensor::tanh, Math::tanh, 3, Parity.ODD);
        add(m, "sgn", Tensor::sign, Math::signum, 3, Parity.ODD);
        add(m, "arctan", u -> u.atan2(Tensor.onesLike(u)), Math::atan, 4, Parity.ODD);
        add(m, "0", u -> u.mul(0), u -> u * 0, 0, Parity.EVEN);
        add(m, "gaussian", u -> u.square().neg().exp(), u -> Math.exp(-u * u), 3, Parity.EVEN);
        return Collections.unmodifiableMap(m);
    }

    private static void add(Map<String, SymbolicFunction> m, String name, UnaryOperator<Tensor> t, DoubleUnaryOperator s, int c, Parity p) {
        m.put(name, new SymbolicFunction(name, t, s, c, p));
    }

    /**
     * {@return the function named name (pykan's name)}
     *
     * @param name the name, e.g. "sin" or "x^2"
     * @throws IllegalArgumentException when the name is unknown (the message lists the library)
     */
    public static SymbolicFunction get(String name) {
        SymbolicFunction f = LIB.get(name);
        if (f == null) throw new IllegalArgumentException("SymbolicLib: unknown function '" + name + "', expected one of " + LIB.keySet());
        return f;
    }

    /** {@return every name, in pykan's order} */
    public static List<String> names() {
        return List.copyOf(LIB.keySet());
    }

    /**
     * {@return the functions named (all of them, in pykan's order, when names is null)}
     *
     * @param names the names, or null
     * @throws IllegalArgumentException when a name is unknown or the list is empty
     */
    public static List<SymbolicFunction> of(List<String> names) {
        if (names == null) return List.copyOf(LIB.values());
        if (names.isEmpty()) throw new IllegalArgumentException("SymbolicLib: an empty library");
        List<SymbolicFunction> out = new ArrayList<>();
        for (String n : names) out.add(get(n));
        return out;
    }
}
