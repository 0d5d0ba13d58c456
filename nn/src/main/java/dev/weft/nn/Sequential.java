package dev.weft.nn;

import dev.weft.tensor.Tensor;

import java.util.Iterator;
import java.util.Map;

/**
 * A chain of modules run in order, each one's output the next one's input. Children are named
 * "0", "1", ... (or by the names given), so state-dict keys read {@code "0.weight"} as in PyTorch.
 *
 * <pre>{@code
 * Sequential mlp = new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 10));
 * Tensor logits = mlp.forward(x);                 // x (B, 784) -> (B, 10)
 * mlp.stateDict().keySet();                       // [0.weight, 0.bias, 2.weight, 2.bias]
 * }</pre>
 */
public class Sequential extends Module implements Iterable<Module> {
    /**
     * The modules, named "0", "1", ... in order.
     *
     * @param modules the chain, first to last
     */
    public Sequential(Module... modules) {
        for (Module m : modules) append(m);
    }

    /**
     * The modules under the given names, in the map's iteration order (use a LinkedHashMap).
     *
     * @param named the chain by name, first to last
     */
    public Sequential(Map<String, ? extends Module> named) {
        named.forEach(this::registerModule);
    }

    /**
     * Adds {@code module} at the end under the name of its position; returns this.
     *
     * @param module the new last module
     * @return this
     */
    public Sequential append(Module module) {
        if (module == null) throw new IllegalArgumentException("Sequential.append: module is null");
        registerModule(String.valueOf(size()), module);
        return this;
    }

    /**
     * The module at position {@code index} (negative counts from the end).
     *
     * @param index in [-size, size)
     * @return the module there
     */
    public Module get(int index) {
        int n = size();
        int i = index < 0 ? index + n : index;
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException("Sequential.get: index " + index + " is out of range for " + n + " modules");
        }
        return children().get(i);
    }

    /** {@return number of modules} */
    public int size() {
        return namedChildren().size();
    }

    /**
     * {@return the modules, first to last}
     */
    @Override
    public Iterator<Module> iterator() {
        return children().iterator();
    }

    /** x -> m_{n-1}(... m_1(m_0(x))). */
    @Override
    public Tensor forward(Tensor input) {
        Tensor x = input;
        for (Module m : children()) x = m.forward(x);
        return x;
    }
}
