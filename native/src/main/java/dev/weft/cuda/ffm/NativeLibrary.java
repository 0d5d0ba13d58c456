package dev.weft.cuda.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One shared library found by trying candidate names in order (dlopen's search path, or an absolute path
 * from a system property), or the reason none loaded. Nothing is loaded at class initialization: the
 * binding classes call {@link #find} lazily, and a missing library is a value, not an exception.
 */
public final class NativeLibrary {
    private final String label;
    private final String loadedName;
    private final SymbolLookup lookup;
    private final String reason;

    private NativeLibrary(String label, String loadedName, SymbolLookup lookup, String reason) {
        this.label = label;
        this.loadedName = loadedName;
        this.lookup = lookup;
        this.reason = reason;
    }

    /**
     * Tries {@code -D<property>=PATH} first when set, then each name (e.g. "libnvrtc.so.11.2"); the first
     * that loads wins. label names the library in messages ("NVRTC").
     */
    public static NativeLibrary find(String label, String property, List<String> names) {
        List<String> candidates = new ArrayList<>();
        String override = property == null ? null : System.getProperty(property);
        if (override != null && !override.isBlank()) candidates.add(override);
        candidates.addAll(names);
        for (String name : candidates) {
            try {
                return new NativeLibrary(label, name, SymbolLookup.libraryLookup(name, Arena.global()), null);
            } catch (IllegalArgumentException e) {
                // not on the library path under this name; try the next
            }
        }
        return new NativeLibrary(label, null, null, label + " library not found (tried " + String.join(", ", candidates)
                + " on the library path" + (property == null ? "" : "; -D" + property + "=PATH overrides") + ")");
    }

    /** True if a candidate loaded. */
    public boolean loaded() {
        return lookup != null;
    }

    /** The name or path that loaded, or null. */
    public String loadedName() {
        return loadedName;
    }

    /** Why nothing loaded ("" when loaded). */
    public String reason() {
        return reason == null ? "" : reason;
    }

    /** True if the library exports the symbol. */
    public boolean has(String symbol) {
        return lookup != null && lookup.find(symbol).isPresent();
    }

    /** A downcall handle for a symbol; an error naming the library and symbol when it is missing. */
    public MethodHandle downcall(String symbol, FunctionDescriptor fd) {
        if (lookup == null) throw new IllegalStateException("cuda: " + reason);
        Optional<java.lang.foreign.MemorySegment> addr = lookup.find(symbol);
        if (addr.isEmpty()) {
            throw new IllegalStateException("cuda: " + label + " (" + loadedName + ") does not export " + symbol
                    + "; the library is older than Weft needs");
        }
        return Linker.nativeLinker().downcallHandle(addr.get(), fd);
    }

    @Override
    public String toString() {
        return loaded() ? label + " (" + loadedName + ")" : reason;
    }
}
