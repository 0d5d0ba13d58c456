package dev.weft.nn.io;

import dev.weft.tensor.Tensor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link Safetensors#read} returns: the tensors (in the file's data order) already copied into
 * Weft storage, the {@code __metadata__} strings, and each tensor's {@link TensorInfo} holding the
 * dtype it had in the file (an F16 or BF16 tensor reads as F32; {@link #dtypes()} passed back to
 * {@link Safetensors#write} stores it in its original type again).
 *
 * @param tensors the tensors by name, in data order
 * @param metadata the {@code __metadata__} strings (empty without one)
 * @param infos each tensor's header entry by name
 */
public record SafetensorsFile(Map<String, Tensor> tensors, Map<String, String> metadata, Map<String, TensorInfo> infos) {
    /** Copies the three maps into read-only ones, keeping their order. */
    public SafetensorsFile {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        infos = Collections.unmodifiableMap(new LinkedHashMap<>(infos));
    }

    /**
     * One tensor by name.
     *
     * @param name the tensor's name
     * @return the tensor
     * @throws IllegalArgumentException listing the names present if there is none
     */
    public Tensor tensor(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("safetensors: no tensor " + HeaderParser.quote(name) + "; the file holds "
                    + tensors.keySet());
        }
        return t;
    }

    /** {@return each tensor's dtype as stored in the file, in the file's order} */
    public Map<String, SafetensorsDType> dtypes() {
        Map<String, SafetensorsDType> out = new LinkedHashMap<>();
        infos.forEach((k, v) -> out.put(k, v.dtype()));
        return Collections.unmodifiableMap(out);
    }
}
