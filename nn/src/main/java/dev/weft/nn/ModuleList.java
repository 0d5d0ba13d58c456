package dev.weft.nn;

import java.util.Iterator;

/**
 * Holds submodules in a list, named "0", "1", ..., so their parameters are registered; it has no
 * forward of its own (the owner decides how to run them).
 */
public class ModuleList extends Module implements Iterable<Module> {
    /**
     * A list holding {@code modules}, named "0", "1", ... in order.
     *
     * @param modules the initial modules (none for an empty list)
     */
    public ModuleList(Module... modules) {
        for (Module m : modules) add(m);
    }

    /**
     * A list holding {@code modules}, named "0", "1", ... in order.
     *
     * @param modules the initial modules
     */
    public ModuleList(Iterable<? extends Module> modules) {
        for (Module m : modules) add(m);
    }

    /**
     * Appends {@code module} (PyTorch's append); returns this.
     *
     * @param module the new last module, not null
     * @return this
     * @throws IllegalArgumentException if module is null
     */
    public ModuleList add(Module module) {
        if (module == null) throw new IllegalArgumentException("ModuleList.add: module is null");
        registerModule(String.valueOf(size()), module);
        return this;
    }

    /**
     * Appends every module of {@code modules}; returns this.
     *
     * @param modules the modules to append, in order
     * @return this
     */
    public ModuleList extend(Iterable<? extends Module> modules) {
        for (Module m : modules) add(m);
        return this;
    }

    /**
     * The module at {@code index} (negative counts from the end).
     *
     * @param index in [-size, size)
     * @return the module there
     * @throws IndexOutOfBoundsException if index is out of range
     */
    public Module get(int index) {
        int n = size();
        int i = index < 0 ? index + n : index;
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException("ModuleList.get: index " + index + " is out of range for " + n + " modules");
        }
        return children().get(i);
    }

    /**
     * The module at {@code index}, cast to the expected type.
     *
     * @param <M> the expected type
     * @param index in [-size, size)
     * @param type the expected type's class
     * @return the module there, cast
     */
    @SuppressWarnings("unchecked")
    public <M extends Module> M get(int index, Class<M> type) {
        return type.cast(get(index));
    }

    /**
     * {@return the number of modules}
     */
    public int size() {
        return namedChildren().size();
    }

    /**
     * {@return whether the list holds no module}
     */
    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public Iterator<Module> iterator() {
        return children().iterator();
    }
}
