package dev.weft.nn.io;

import dev.weft.nn.Module;
import dev.weft.nn.StateDictException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saves a module's state dict to a safetensors file and loads one back, with PyTorch's names
 * ("0.weight", "encoder.norm.bias"), so checkpoints move between Weft and PyTorch in both
 * directions. Saving is atomic; loading reads and validates the whole file, then hands it to
 * {@link Module#loadStateDict}, which checks every key and shape before copying anything: a
 * corrupt or mismatched file is an exception and the module is left untouched.
 *
 * <pre>{@code
 * ModuleIO.save(model, Path.of("model.safetensors"));
 * ModuleIO.load(sameArchitecture, Path.of("model.safetensors"));   // strict: every key must match
 * }</pre>
 */
public final class ModuleIO {
    private ModuleIO() {}

    /** Metadata written by {@link #save(Module, Path)}: the tensors use PyTorch's layout and names. */
    public static final Map<String, String> DEFAULT_METADATA = Map.of("format", "pt");

    /**
     * Saves {@code module.stateDict()} to {@code path} (atomic replace), each tensor in its own dtype.
     *
     * @param module the module to save
     * @param path the file to create or replace
     * @throws IOException if the file cannot be written (the previous one stays as it was)
     */
    public static void save(Module module, Path path) throws IOException {
        save(module, path, Map.of(), Map.of());
    }

    /**
     * Saves {@code module.stateDict()} with {@code metadata} (added to {@link #DEFAULT_METADATA}),
     * storing the tensors named in {@code dtypes} in that type (e.g. BF16 to halve the file).
     *
     * @param module the module to save
     * @param path the file to create or replace
     * @param metadata extra header metadata
     * @param dtypes the stored type of some tensors, by state-dict key
     * @throws IOException if the file cannot be written (the previous one stays as it was)
     */
    public static void save(Module module, Path path, Map<String, String> metadata,
                            Map<String, SafetensorsDType> dtypes) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>(DEFAULT_METADATA);
        meta.putAll(metadata);
        Safetensors.write(path, module.stateDict(), meta, dtypes);
    }

    /**
     * Strict {@link #load(Module, Path, boolean)}.
     *
     * @param module the module to fill
     * @param path the safetensors file
     * @return no missing or unexpected keys (a strict load fails on any)
     * @throws IOException if the file cannot be read or is not a valid safetensors file
     */
    public static Module.LoadResult load(Module module, Path path) throws IOException {
        return load(module, path, true);
    }

    /**
     * Loads the tensors of {@code path} into {@code module} (values cast to each slot's dtype).
     *
     * @param module the module to fill
     * @param path the safetensors file
     * @param strict whether missing and unexpected keys are an error
     * @throws IOException          if the file cannot be read
     * @throws SafetensorsException if the file is not a valid safetensors file (module untouched)
     * @throws StateDictException   if keys (when {@code strict}) or shapes do not fit (module untouched)
     * @return the keys a non-strict load skipped
     */
    public static Module.LoadResult load(Module module, Path path, boolean strict) throws IOException {
        SafetensorsFile file = Safetensors.read(path);
        return module.loadStateDict(file.tensors(), strict);
    }
}
