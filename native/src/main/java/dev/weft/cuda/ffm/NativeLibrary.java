package dev.weft.cuda.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One shared library found by trying candidate names in order (an absolute path from a system property,
 * dlopen's search path, the CUDA toolkit folders), or the reason none loaded. Nothing is loaded at class initialization: the
 * binding classes call {@link #find} lazily, and a missing library is a value, not an exception.
 */
@SuppressWarnings("restricted") // native access is this class's job (the JVM runs with --enable-native-access)
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
     * Tries {@code -D<property>=PATH} first when set, then each name (e.g. "libnvrtc.so.11.2") on the library
     * path, then in the CUDA toolkit folders ({@link #toolkitDirs}); the first that loads wins. label names the
     * library in messages ("NVRTC").
     */
    public static NativeLibrary find(String label, String property, List<String> names) {
        return find(label, property, names, toolkitDirs(System.getenv()));
    }

    static NativeLibrary find(String label, String property, List<String> names, List<Path> dirs) {
        List<String> candidates = new ArrayList<>();
        String override = property == null ? null : System.getProperty(property);
        if (override != null && !override.isBlank()) candidates.add(override);
        candidates.addAll(names);
        for (Path d : dirs) {
            for (String n : names) {
                Path f = d.resolve(n);
                if (Files.exists(f)) candidates.add(f.toString());
            }
        }
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

    /**
     * Folders a CUDA toolkit keeps its libraries in, where dlopen's path may not reach (no ld.so.conf entry):
     * $CUDA_HOME and $CUDA_PATH, /usr/local/cuda, then /usr/local/cuda-X.Y newest first; lib64, lib and
     * targets/x86_64-linux/lib under each.
     */
    static List<Path> toolkitDirs(Map<String, String> env) {
        List<Path> roots = new ArrayList<>();
        for (String v : new String[] {env.get("CUDA_HOME"), env.get("CUDA_PATH")}) if (v != null && !v.isBlank()) roots.add(Path.of(v));
        roots.add(Path.of("/usr/local/cuda"));
        try (var s = Files.list(Path.of("/usr/local"))) {
            s.filter(p -> p.getFileName().toString().matches("cuda-\\d+(\\.\\d+)*"))
                    .sorted(Comparator.comparing((Path p) -> version(p.getFileName().toString().substring(5))).reversed())
                    .forEach(roots::add);
        } catch (IOException | RuntimeException e) {
            // no /usr/local listing: the library path alone is searched
        }
        List<Path> out = new ArrayList<>();
        for (Path r : roots) {
            for (String sub : new String[] {"lib64", "lib", "targets/x86_64-linux/lib"}) {
                Path d = r.resolve(sub);
                if (!out.contains(d)) out.add(d);
            }
        }
        return out;
    }

    // "12.4" -> 12 * 1000 + 4, so cuda-12.10 sorts after cuda-12.9
    private static long version(String v) {
        long x = 0;
        for (String part : v.split("\\.")) x = x * 1000 + Long.parseLong(part);
        return x;
    }

    /** {@return true if a candidate loaded} */
    public boolean loaded() {
        return lookup != null;
    }

    /** Fails with the reason unless the library loaded: the bindings' get() call this before binding. */
    public void requireLoaded() {
        if (!loaded()) throw new IllegalStateException("cuda: " + reason);
    }

    /** {@return the name or path that loaded, or null} */
    public String loadedName() {
        return loadedName;
    }

    /** {@return why nothing loaded ("" when loaded)} */
    public String reason() {
        return reason == null ? "" : reason;
    }

    /**
     * {@return true if the library exports the symbol}
     * @param symbol the exported C name, e.g. "cuInit"
     */
    public boolean has(String symbol) {
        return lookup != null && lookup.find(symbol).isPresent();
    }

    /**
     * {@return a downcall handle for a symbol; an error naming the library and symbol when it is missing}
     * @param symbol the exported C name
     * @param fd the C signature as FFM layouts
     */
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
