package dev.weft.nn;

import dev.weft.tensor.Tensor;

import java.util.Iterator;
import java.util.Map;

/**
 * A chain of modules run in order, each one's output the next one's input. Children are named
 * "0", "1", ... (or by the names given), so state-dict keys read {@code "0.weight"} as in PyTorch.
 */
public class Sequential extends Module implements Iterable<Module> {
    /** The modules, named "0", "1", ... in order. */
    public Sequential(Module... modules) {
        for (Module m : modules) append(m);
    }

    /** The modules under the given names, in the map's iteration order (use a LinkedHashMap). */
    public Sequential(Map<String, ? extends Module> named) {
        named.forEach(this::registerModule);
    }

    /** Adds {@code module} at the end under the name of its position; returns this. */
    public Sequential append(Module module) {
        if (module == null) throw new IllegalArgumentException("Sequential.append: module is null");
        registerModule(String.valueOf(size()), module);
        return this;
    }

    /** The module at position {@code index} (negative counts from the end). */
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
