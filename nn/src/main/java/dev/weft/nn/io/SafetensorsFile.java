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
 */
public record SafetensorsFile(Map<String, Tensor> tensors, Map<String, String> metadata, Map<String, TensorInfo> infos) {
    public SafetensorsFile {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        infos = Collections.unmodifiableMap(new LinkedHashMap<>(infos));
    }

    /** The tensor {@code name}; an error listing the names present if there is none. */
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
