package dev.weft.nn.hopfield;

import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;

/**
 * The classical binary Hopfield network (Hopfield 1982), for comparison with the modern one: patterns
 * x^mu in {-1, +1}^d stored by the Hebbian rule W = (1/d) sum_mu x^mu x^mu^T with a zero diagonal, and
 * retrieved by synchronous sign updates {@code s <- sign(W s)} (an entry with zero field keeps its value) until
 * a fixed point or a step limit. Storage capacity about 0.138 d for random patterns (Amit, Gutfreund and
 * Sompolinsky 1985); correlated patterns interfere much earlier. Not differentiable (a memory, no
 * parameters to learn). Synchronous updates can end in a 2-cycle, which the step limit cuts off.
 */
public final class ClassicalHopfield {
    private final Tensor weights;     // (d, d)
    private final int size, count;

    private ClassicalHopfield(Tensor weights, int size, int count) {
        this.weights = weights;
        this.size = size;
        this.count = count;
    }

    /**
     * Stores the rows of patterns, each entry -1 or +1 (checked), by the Hebbian rule.
     * <pre>{@code
     * ClassicalHopfield net = ClassicalHopfield.store(patterns);   // (K, 784) of +-1
     * Tensor s = net.retrieve(queries, 20);                         // (Q, 784) of +-1
     * }</pre>
     *
     * @param patterns the patterns (K, d)
     * @return the network
     * @throws IllegalArgumentException when patterns is not 2-d or has an entry other than -1 and +1
     */
    public static ClassicalHopfield store(Tensor patterns) {
        if (patterns == null || patterns.dim() != 2 || patterns.size(0) < 1 || patterns.size(1) < 1) {
            throw new IllegalArgumentException("ClassicalHopfield.store: patterns " + (patterns == null ? "null" : Shape.format(patterns.shape()))
                    + ": expected (K, d) with K, d >= 1");
        }
        Tensor x = patterns.to(DType.F64);
        if (x.abs().ne(1.0).any().item() != 0) {
            throw new IllegalArgumentException("ClassicalHopfield.store: patterns " + Shape.format(patterns.shape())
                    + " must hold only -1 and +1");
        }
        int d = x.size(1);
        Tensor w = x.mT().matmul(x).div(d);
        w = w.maskedFill(Tensor.eye(d).to(DType.BOOL), 0.0);
        return new ClassicalHopfield(w, d, x.size(0));
    }

    /** {@return the Hebbian weights (d, d), F64, zero diagonal} */
    public Tensor weights() { return weights; }

    /** {@return d, the pattern size} */
    public int size() { return size; }

    /** {@return how many patterns were stored} */
    public int count() { return count; }

    /**
     * One synchronous step: sign(W s), keeping s where the field is 0.
     *
     * @param states the states (Q, d)
     * @return the next states (Q, d)
     */
    public Tensor step(Tensor states) {
        checkStates("ClassicalHopfield.step", states);
        Tensor s = states.to(DType.F64);
        Tensor h = s.matmul(weights);                   // W symmetric: (W s^T)^T = s W
        Tensor sign = h.sign();
        return Tensor.where(h.eq(0.0), s, sign);
    }

    /**
     * Synchronous updates until no entry changes or maxSteps steps.
     *
     * @param states the start states (Q, d), entries in [-1, 1] (0 = unknown)
     * @param maxSteps the most steps, at least 1
     * @return the retrieved states (Q, d)
     */
    public Tensor retrieve(Tensor states, int maxSteps) {
        checkStates("ClassicalHopfield.retrieve", states);
        if (maxSteps < 1) throw new IllegalArgumentException("ClassicalHopfield.retrieve: maxSteps must be >= 1, got " + maxSteps);
        Tensor s = states.to(DType.F64);
        for (int t = 0; t < maxSteps; t++) {
            Tensor next = step(s);
            boolean fixed = next.ne(s).any().item() == 0;
            s = next;
            if (fixed) break;
        }
        return s;
    }

    /**
     * The energy E(s) = -1/2 s^T W s of each state row; it never increases under asynchronous updates.
     *
     * @param states the states (Q, d)
     * @return the energies (Q)
     */
    public Tensor energy(Tensor states) {
        checkStates("ClassicalHopfield.energy", states);
        Tensor s = states.to(DType.F64);
        return s.matmul(weights).mul(s).sum(1).mul(-0.5);
    }

    private void checkStates(String op, Tensor states) {
        if (states == null || states.dim() != 2 || states.size(1) != size) {
            throw new IllegalArgumentException(op + ": states " + (states == null ? "null" : Shape.format(states.shape()))
                    + ": expected (Q, " + size + ")");
        }
    }

    @Override
    public String toString() {
        return "ClassicalHopfield(size=" + size + ", patterns=" + count + ")";
    }
}
