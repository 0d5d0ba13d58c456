package dev.weft.nn.io;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated header of a safetensors file: its tensors in data order, its {@code __metadata__}
 * strings, and where the data region starts. {@link #read} checks everything the format promises
 * before any tensor byte is touched (the same checks as the format's reference reader, plus Weft's
 * own limits), so a file that passes can be copied out without further bounds checks.
 *
 * @param tensors the tensors' entries, in data order
 * @param metadata the {@code __metadata__} strings (empty without one)
 * @param dataStart the file offset of the data region (8 + the header length)
 */
public record SafetensorsHeader(List<TensorInfo> tensors, Map<String, String> metadata, long dataStart) {
    /** The format's bound on the header length (100 MB); longer is taken as a corrupt file. */
    public static final long MAX_HEADER_BYTES = 100_000_000L;

    /** Copies the tensors and metadata into read-only collections. */
    public SafetensorsHeader {
        tensors = List.copyOf(tensors);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /**
     * Reads and validates the header of a whole file held in {@code file}. Checks, each failing with
     * a {@link SafetensorsException} naming the byte offset: at least 8 bytes; header length within
     * 100 MB and the file; strict JSON of the expected form; known dtypes; for each tensor, shape
     * product x dtype size == its byte range (overflow checked); ranges ordered, non-overlapping and
     * covering the data region exactly, with no bytes left over; Weft's limit of 2^31-1 elements.
     *
     * @param file the whole file's bytes
     * @param source the file's name, for messages
     * @return the validated header
     * @throws SafetensorsException naming the byte offset of the first problem
     */
    public static SafetensorsHeader read(MemorySegment file, String source) throws SafetensorsException {
        long size = file.byteSize();
        if (size < 8) {
            throw new SafetensorsException(source, 0, "the file holds " + size
                    + " bytes, fewer than the 8-byte header length");
        }
        long n = file.get(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 0);
        if (n < 0 || n > size - 8) {
            String other = otherFormat(file);
            if (other != null) throw new SafetensorsException(source, 0, other);
        }
        if (n < 0 || n > MAX_HEADER_BYTES) {
            throw new SafetensorsException(source, 0, "header length " + Long.toUnsignedString(n)
                    + " exceeds the limit of " + MAX_HEADER_BYTES + " bytes");
        }
        if (n > size - 8) {
            throw new SafetensorsException(source, 0, "header length " + n + " runs past the end of the file ("
                    + size + " bytes, so at most " + (size - 8) + ")");
        }
        byte[] header = file.asSlice(8, n).toArray(ValueLayout.JAVA_BYTE);
        HeaderParser.Parsed parsed = HeaderParser.parse(header, source, 8);
        long dataStart = 8 + n;
        List<TensorInfo> infos = check(parsed.entries(), size - dataStart, dataStart, source);
        return new SafetensorsHeader(infos, parsed.metadata() == null ? Map.of() : parsed.metadata(), dataStart);
    }

    /**
     * What a file that cannot be safetensors (its header length is impossible) is instead, told by its first
     * bytes, with the way out; null when the bytes say nothing.
     */
    static String otherFormat(MemorySegment file) {
        int b0 = Byte.toUnsignedInt(file.get(ValueLayout.JAVA_BYTE, 0)), b1 = Byte.toUnsignedInt(file.get(ValueLayout.JAVA_BYTE, 1));
        int b2 = Byte.toUnsignedInt(file.get(ValueLayout.JAVA_BYTE, 2)), b3 = Byte.toUnsignedInt(file.get(ValueLayout.JAVA_BYTE, 3));
        String save = "; save the state dict with safetensors (safetensors.torch.save_file(model.state_dict(), "
                + "\"model.safetensors\")) and load that";
        if (b0 == 'P' && b1 == 'K' && b2 == 3 && b3 == 4) {
            return "this is a zip archive, not a safetensors file: PyTorch's torch.save (.pt/.pth: a pickle in a zip) "
                    + "or NumPy's .npz" + save;
        }
        if (b0 == 0x80 && b1 >= 2 && b1 <= 5) {
            return "this is a Python pickle (protocol " + b1 + "), e.g. a legacy torch.save file, not a safetensors file" + save;
        }
        if (b0 == 0x1f && b1 == 0x8b) return "this is a gzip file, not a safetensors file: decompress it first";
        if (b0 == 0x93 && b1 == 'N' && b2 == 'U' && b3 == 'M') return "this is a NumPy .npy array, not a safetensors file" + save;
        return null;
    }

    private static List<TensorInfo> check(List<HeaderParser.Entry> entries, long dataLength, long dataStart,
                                          String source) throws SafetensorsException {
        List<HeaderParser.Entry> sorted = new ArrayList<>(entries);
        for (HeaderParser.Entry e : entries) {
            String name = HeaderParser.quote(e.name());
            SafetensorsDType dt = SafetensorsDType.fromHeader(e.dtype());
            if (dt == null) {
                String why = SafetensorsDType.UNSUPPORTED.contains(e.dtype()) ? "dtype " + e.dtype()
                        + " is not supported by Weft" : "unknown dtype " + HeaderParser.quote(e.dtype());
                throw new SafetensorsException(source, e.dtypeAt(), "tensor " + name + ": " + why
                        + " (Weft reads " + Arrays.toString(SafetensorsDType.values()) + ")");
            }
            if (e.end() < e.begin()) {
                throw new SafetensorsException(source, e.offsetsAt(), "tensor " + name + ": data_offsets ["
                        + e.begin() + ", " + e.end() + "] run backwards");
            }
            if (e.end() > dataLength) {
                throw new SafetensorsException(source, e.offsetsAt(), "tensor " + name + ": data_offsets ["
                        + e.begin() + ", " + e.end() + "] run past the data region of " + dataLength + " bytes");
            }
            long numel = 1;
            long bytes;
            try {
                for (long d : e.shape()) numel = Math.multiplyExact(numel, d);
                bytes = Math.multiplyExact(numel, dt.byteSize());
            } catch (ArithmeticException overflow) {
                throw new SafetensorsException(source, e.shapeAt(), "tensor " + name + ": shape "
                        + Arrays.toString(e.shape()) + " of " + dt + " overflows a 64-bit byte count");
            }
            for (long d : e.shape()) {
                if (d > Integer.MAX_VALUE) {
                    throw new SafetensorsException(source, e.shapeAt(), "tensor " + name + ": dim " + d
                            + " exceeds Weft's limit of " + Integer.MAX_VALUE);
                }
            }
            if (numel > Integer.MAX_VALUE) {
                throw new SafetensorsException(source, e.shapeAt(), "tensor " + name + ": " + numel
                        + " elements exceed Weft's limit of " + Integer.MAX_VALUE + " per tensor");
            }
            if (bytes != e.end() - e.begin()) {
                throw new SafetensorsException(source, e.shapeAt(), "tensor " + name + ": shape "
                        + Arrays.toString(e.shape()) + " of " + dt + " needs " + bytes + " bytes, but data_offsets ["
                        + e.begin() + ", " + e.end() + "] hold " + (e.end() - e.begin()));
            }
        }
        sorted.sort(Comparator.comparingLong(HeaderParser.Entry::begin).thenComparingLong(HeaderParser.Entry::end)
                .thenComparing(HeaderParser.Entry::name));
        long expected = 0;
        String previous = null;
        List<TensorInfo> out = new ArrayList<>(sorted.size());
        for (HeaderParser.Entry e : sorted) {
            if (e.begin() < expected) {
                throw new SafetensorsException(source, e.offsetsAt(), "tensor " + HeaderParser.quote(e.name())
                        + ": data_offsets [" + e.begin() + ", " + e.end() + "] overlap tensor "
                        + HeaderParser.quote(previous) + ", which ends at " + expected);
            }
            if (e.begin() > expected) {
                throw new SafetensorsException(source, dataStart + expected, "data bytes [" + expected + ", " + e.begin()
                        + ") belong to no tensor (the next one, " + HeaderParser.quote(e.name()) + ", starts at " + e.begin() + ")");
            }
            int[] shape = new int[e.shape().length];
            for (int i = 0; i < shape.length; i++) shape[i] = (int) e.shape()[i];
            out.add(new TensorInfo(e.name(), SafetensorsDType.fromHeader(e.dtype()), shape, e.begin(), e.end()));
            expected = e.end();
            previous = e.name();
        }
        if (expected != dataLength) {
            throw new SafetensorsException(source, dataStart + expected, "the tensors cover " + expected
                    + " bytes of data, but the file holds " + dataLength + " after the header");
        }
        return out;
    }

    /**
     * The entry for a tensor.
     *
     * @param name the tensor's name
     * @return its entry, or null if the file has none by that name
     */
    public TensorInfo info(String name) {
        for (TensorInfo t : tensors) if (t.name().equals(name)) return t;
        return null;
    }
}
