package dev.weft.nn.io;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.Tensor;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.Map;

import static dev.weft.nn.io.RawFiles.assertSameTensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** save -> load == identity (after the stored dtype's rounding), and the bytes are a fixed point. */
class SafetensorsProperties {
    @Property(tries = 150, seed = "11")
    void writeThenReadGivesTheTensorsBack(@ForAll @LongRange(min = 0, max = 1L << 40) long seed) throws Exception {
        RandomFiles.Content c = RandomFiles.content(seed);
        byte[] bytes = c.bytes();
        SafetensorsFile f = Safetensors.read(bytes, "m");
        assertEquals(c.tensors().keySet(), f.tensors().keySet());
        assertEquals(c.metadata(), f.metadata());
        for (var e : c.tensors().entrySet()) {
            String name = e.getKey();
            SafetensorsDType stored = c.dtypes().getOrDefault(name, SafetensorsDType.of(e.getValue().dtype()));
            assertEquals(stored, f.infos().get(name).dtype(), name);
            assertSameTensor(name, expectedAfterStoring(e.getValue(), stored), f.tensor(name));
        }
        assertArrayEquals(bytes, Safetensors.toBytes(f.tensors(), f.metadata(), f.dtypes()), "re-encoding is a fixed point");
        assertEquals(0, (bytes.length - f.infos().values().stream().mapToLong(TensorInfo::byteLength).sum()) % 8,
                "data starts 8-byte aligned");
    }

    private static Tensor expectedAfterStoring(Tensor t, SafetensorsDType stored) {
        return switch (stored) {
            case F16, BF16 -> {
                double[] v = t.toDoubleArray();
                float[] out = new float[v.length];
                for (int i = 0; i < v.length; i++) {
                    out[i] = stored == SafetensorsDType.F16 ? HalfFloats.fromF16(HalfFloats.toF16(v[i])) : HalfFloats.fromBF16(HalfFloats.toBF16(v[i]));
                }
                yield Tensor.of(out, t.shape());
            }
            case U8, I8, I16, U16 -> t.to(DType.I32);
            default -> t;
        };
    }

    @Property(tries = 60, seed = "12")
    void aFileWrittenToDiskReadsBackTheSame(@ForAll @LongRange(min = 0, max = 1L << 40) long seed,
                                            @ForAll @IntRange(min = 0, max = 1) int twice) throws Exception {
        RandomFiles.Content c = RandomFiles.content(seed);
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("weft-st");
        try {
            java.nio.file.Path p = dir.resolve("f.safetensors");
            if (twice == 1) Safetensors.write(p, Map.of("old", Tensor.ones(3)), Map.of());
            Safetensors.write(p, c.tensors(), c.metadata(), c.dtypes());
            assertArrayEquals(c.bytes(), java.nio.file.Files.readAllBytes(p));
            SafetensorsFile f = Safetensors.read(p);
            assertArrayEquals(c.bytes(), Safetensors.toBytes(f.tensors(), f.metadata(), f.dtypes()));
            try (var files = java.nio.file.Files.list(dir)) {
                assertEquals(1, files.count(), "no temporary file is left behind");
            }
        } finally {
            try (var files = java.nio.file.Files.list(dir)) {
                for (var q : files.toList()) java.nio.file.Files.delete(q);
            }
            java.nio.file.Files.delete(dir);
        }
    }
}
