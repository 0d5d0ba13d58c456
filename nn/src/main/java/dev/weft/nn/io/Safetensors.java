package dev.weft.nn.io;

import dev.weft.tensor.Tensor;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.Map;

/**
 * Safetensors files: read into Weft tensors, write from them. Reading maps the file read-only,
 * validates the whole header (see {@link SafetensorsHeader#read}) and copies each tensor into Weft
 * storage: F32, F64, I32, I64, BOOL as they are; F16 and BF16 as F32 (exact); U8, I8, I16, U16 as
 * I32. Writing lays the file out as the format's reference writer does and replaces the target
 * atomically; a per-tensor target dtype stores F32/F64 tensors as F16/BF16 (round to nearest even)
 * or integers in a narrower type (range-checked).
 *
 * <p>Memory: a read holds the tensors in Java arrays (about the file's size, twice that for
 * 16-bit floats and narrow integers); a corrupt header never makes it allocate more than a small
 * multiple of the header's own length.
 *
 * <pre>{@code
 * Safetensors.write(Path.of("w.safetensors"), Map.of("weight", w, "bias", b));
 * SafetensorsFile f = Safetensors.read(Path.of("w.safetensors"));
 * Tensor weight = f.tensor("weight");
 * }</pre>
 */
public final class Safetensors {
    private Safetensors() {}

    /**
     * Reads every tensor and the metadata of {@code path}.
     *
     * @param path the file
     * @return the tensors by name, the metadata and each tensor's stored dtype
     * @throws IOException if the file cannot be read, or (as {@link SafetensorsException}) is not a valid safetensors file
     */
    public static SafetensorsFile read(Path path) throws IOException {
        return SafetensorsReader.read(path);
    }

    /**
     * Reads a whole file held in memory; {@code source} names it in error messages.
     *
     * @param file the file's bytes
     * @param source what to call the bytes in messages
     * @return the tensors by name, the metadata and each tensor's stored dtype
     * @throws SafetensorsException if the bytes are not a valid safetensors file
     */
    public static SafetensorsFile read(byte[] file, String source) throws SafetensorsException {
        return SafetensorsReader.decode(MemorySegment.ofArray(file), source);
    }

    /**
     * Validates the file and returns its header (names, stored dtypes, shapes, metadata) without reading tensor data.
     *
     * @param path the file
     * @return the parsed header
     * @throws IOException if the file cannot be read, or (as {@link SafetensorsException}) is not a valid safetensors file
     */
    public static SafetensorsHeader readHeader(Path path) throws IOException {
        return SafetensorsReader.readHeader(path);
    }

    /**
     * Writes {@code tensors} (each in its own dtype) atomically, with no metadata.
     *
     * @param path the file to create or replace
     * @param tensors the tensors by name
     * @throws IOException if the file cannot be written (the previous one stays as it was)
     */
    public static void write(Path path, Map<String, Tensor> tensors) throws IOException {
        write(path, tensors, Map.of(), Map.of());
    }

    /**
     * Writes {@code tensors} (each in its own dtype) and {@code metadata} atomically.
     *
     * @param path the file to create or replace
     * @param tensors the tensors by name
     * @param metadata the header's {@code __metadata__} strings
     * @throws IOException if the file cannot be written (the previous one stays as it was)
     */
    public static void write(Path path, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        write(path, tensors, metadata, Map.of());
    }

    /**
     * Writes {@code tensors} and {@code metadata} to {@code path} atomically (temporary file in the
     * same directory, fsync, rename). {@code dtypes} gives the stored type of some tensors (the rest
     * keep their own): floating tensors as F16/BF16/F32/F64, integral ones as I64/I32/I16/U16/I8/U8
     * (a value out of range is an error naming the tensor and element), BOOL as BOOL. Argument
     * problems are {@link IllegalArgumentException}s thrown before the file is touched; whatever
     * fails, the previous file at {@code path} stays as it was.
     *
     * @param path the file to create or replace
     * @param tensors the tensors by name
     * @param metadata the header's {@code __metadata__} strings
     * @param dtypes the stored type of some tensors, by name
     * @throws IOException if the file cannot be written
     */
    public static void write(Path path, Map<String, Tensor> tensors, Map<String, String> metadata,
                             Map<String, SafetensorsDType> dtypes) throws IOException {
        SafetensorsWriter.Plan plan = SafetensorsWriter.plan(tensors, metadata, dtypes);
        AtomicFiles.write(path, out -> SafetensorsWriter.write(plan, out));
    }

    /**
     * The bytes {@link #write(Path, Map, Map, Map)} would write.
     *
     * @param tensors the tensors by name
     * @param metadata the header's {@code __metadata__} strings
     * @param dtypes the stored type of some tensors, by name
     * @return the whole file
     * @throws IllegalArgumentException if an argument is invalid or the file would not fit a Java array
     */
    public static byte[] toBytes(Map<String, Tensor> tensors, Map<String, String> metadata,
                                 Map<String, SafetensorsDType> dtypes) {
        SafetensorsWriter.Plan plan = SafetensorsWriter.plan(tensors, metadata, dtypes);
        if (plan.fileLength() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("safetensors toBytes: " + plan.fileLength()
                    + " bytes do not fit a Java array; write to a file instead");
        }
        var bytes = new java.io.ByteArrayOutputStream((int) plan.fileLength());
        try {
            SafetensorsWriter.write(plan, Channels.newChannel(bytes));
        } catch (IOException impossible) {
            throw new java.io.UncheckedIOException("safetensors toBytes: in-memory write failed", impossible);
        }
        return bytes.toByteArray();
    }
}
