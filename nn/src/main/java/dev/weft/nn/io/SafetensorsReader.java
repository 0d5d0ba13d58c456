package dev.weft.nn.io;

import dev.weft.tensor.core.Device;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.Create;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a safetensors file through a read-only memory mapping and copies every tensor into Weft
 * CPU storage, then unmaps (the returned tensors do not keep the file open). The whole header is
 * validated before the first tensor is copied, and the result is returned only when every tensor
 * was read, so a bad file gives an exception and never a partial map.
 */
final class SafetensorsReader {
    private SafetensorsReader() {}

    private static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** Maps the file, validates it and copies all tensors out. */
    static SafetensorsFile read(Path path) throws IOException {
        String source = path.toString();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ); Arena arena = Arena.ofConfined()) {
            long size = ch.size();
            if (size < 8) {
                throw new SafetensorsException(source, 0, "the file holds " + size + " bytes, fewer than the 8-byte header length");
            }
            try {
                return decode(ch.map(FileChannel.MapMode.READ_ONLY, 0, size, arena), source);
            } catch (InternalError fault) {
                // NOTE: a mapped page that vanished (the file was truncated by someone else while we read it)
                // surfaces as InternalError; it is an I/O problem of this file, not a JVM failure.
                throw new IOException("safetensors: " + source + ": the file changed while it was being read", fault);
            }
        }
    }

    /** Validates only the header of the file (tensor bytes are not read). */
    static SafetensorsHeader readHeader(Path path) throws IOException {
        String source = path.toString();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ); Arena arena = Arena.ofConfined()) {
            long size = ch.size();
            if (size < 8) {
                throw new SafetensorsException(source, 0, "the file holds " + size + " bytes, fewer than the 8-byte header length");
            }
            return SafetensorsHeader.read(ch.map(FileChannel.MapMode.READ_ONLY, 0, size, arena), source);
        }
    }

    /** Decodes a whole file held in {@code file} (a mapping or a heap segment). */
    static SafetensorsFile decode(MemorySegment file, String source) throws SafetensorsException {
        SafetensorsHeader header = SafetensorsHeader.read(file, source);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, TensorInfo> infos = new LinkedHashMap<>();
        for (TensorInfo info : header.tensors()) {
            tensors.put(info.name(), tensor(file, header.dataStart() + info.dataBegin(), info, source));
            infos.put(info.name(), info);
        }
        return new SafetensorsFile(tensors, header.metadata(), infos);
    }

    private static Tensor tensor(MemorySegment f, long at, TensorInfo info, String source) throws SafetensorsException {
        int n = info.numel();
        Object host = switch (info.dtype()) {
            case F32 -> {
                float[] a = new float[n];
                MemorySegment.copy(f, F32, at, a, 0, n);
                yield a;
            }
            case F64 -> {
                double[] a = new double[n];
                MemorySegment.copy(f, F64, at, a, 0, n);
                yield a;
            }
            case I32 -> {
                int[] a = new int[n];
                MemorySegment.copy(f, I32, at, a, 0, n);
                yield a;
            }
            case I64 -> {
                long[] a = new long[n];
                MemorySegment.copy(f, I64, at, a, 0, n);
                yield a;
            }
            case F16, BF16 -> {
                short[] s = new short[n];
                MemorySegment.copy(f, I16, at, s, 0, n);
                float[] a = new float[n];
                boolean half = info.dtype() == SafetensorsDType.F16;
                for (int i = 0; i < n; i++) a[i] = half ? HalfFloats.fromF16(s[i]) : HalfFloats.fromBF16(s[i]);
                yield a;
            }
            case I16, U16 -> {
                short[] s = new short[n];
                MemorySegment.copy(f, I16, at, s, 0, n);
                int[] a = new int[n];
                boolean unsigned = info.dtype() == SafetensorsDType.U16;
                for (int i = 0; i < n; i++) a[i] = unsigned ? s[i] & 0xFFFF : s[i];
                yield a;
            }
            case I8, U8 -> {
                byte[] s = new byte[n];
                MemorySegment.copy(f, ValueLayout.JAVA_BYTE, at, s, 0, n);
                int[] a = new int[n];
                boolean unsigned = info.dtype() == SafetensorsDType.U8;
                for (int i = 0; i < n; i++) a[i] = unsigned ? s[i] & 0xFF : s[i];
                yield a;
            }
            case BOOL -> {
                byte[] s = new byte[n];
                MemorySegment.copy(f, ValueLayout.JAVA_BYTE, at, s, 0, n);
                boolean[] a = new boolean[n];
                for (int i = 0; i < n; i++) {
                    if ((s[i] & 0xFE) != 0) {
                        throw new SafetensorsException(source, at + i, "tensor " + HeaderParser.quote(info.name())
                                + ": BOOL element " + i + " is " + (s[i] & 0xFF) + ", expected 0 or 1");
                    }
                    a[i] = s[i] != 0;
                }
                yield a;
            }
        };
        return Create.fromHost(host, info.shape(), Device.CPU);
    }
}
