package dev.weft.nn;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Holds submodules by name in insertion order, so their parameters are registered under
 * {@code "name.weight"}; no forward of its own. Putting an existing name replaces the module in place.
 */
public class ModuleDict extends Module {
    /**
     * An empty dict.
     */
    public ModuleDict() {}

    /**
     * The modules of {@code modules} in its iteration order (use a LinkedHashMap).
     *
     * @param modules the modules by name
     */
    public ModuleDict(Map<String, ? extends Module> modules) {
        modules.forEach(this::put);
    }

    /**
     * Registers {@code module} under {@code name} (keeping the old position if the name exists); returns this.
     *
     * @param name a non-empty name without '.'
     * @param module the module, not null
     * @return this
     * @throws IllegalArgumentException if module is null or the name is invalid
     */
    public ModuleDict put(String name, Module module) {
        if (module == null) throw new IllegalArgumentException("ModuleDict.put: module for '" + name + "' is null");
        registerModule(name, module);
        return this;
    }

    /**
     * The module named {@code name}.
     *
     * @param name a key
     * @return the module
     * @throws IllegalArgumentException if no module has that name
     */
    public Module get(String name) {
        Module m = namedChildren().get(name);
        if (m == null) throw new IllegalArgumentException("ModuleDict.get: no module named '" + name + "'; keys " + keys());
        return m;
    }

    /**
     * {@return whether a module is registered under {@code name}}
     *
     * @param name the name to look up
     */
    public boolean containsKey(String name) {
        return namedChildren().containsKey(name);
    }

    /**
     * Names in insertion order.
     *
     * @return the names
     */
    public Set<String> keys() {
        return namedChildren().keySet();
    }

    /**
     * Modules in insertion order.
     *
     * @return the modules
     */
    public List<Module> values() {
        return children();
    }

    /**
     * Name -> module in insertion order.
     *
     * @return the modules by name
     */
    public Map<String, Module> items() {
        return namedChildren();
    }

    /**
     * {@return the number of modules}
     */
    public int size() {
        return namedChildren().size();
    }
}
