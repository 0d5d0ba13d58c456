package dev.weft.nn.io;

import dev.weft.nn.Module;
import dev.weft.nn.StateDictException;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.weft.nn.io.RawFiles.assertSameTensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** save(module) -> load(fresh module) gives the same state; a bad or mismatched file leaves the module untouched. */
class ModuleIOTest {
    /** A small tree: parameters, a persistent I64 buffer, a non-persistent buffer and a child. */
    static final class Net extends Module {
        Net(long seed, int hidden) {
            Generator g = new Generator(seed);
            registerParameter("weight", Tensor.randn(g, hidden, 3));
            registerParameter("bias", Tensor.randn(g, hidden));
            registerBuffer("steps", Tensor.of(seed));
            registerBuffer("scratch", Tensor.zeros(2), false);
            registerModule("head", new Head(g, hidden));
        }
    }

    static final class Head extends Module {
        Head(Generator g, int hidden) {
            registerParameter("weight", Tensor.randn(g, DType.F64, 1, hidden));
        }
    }

    private static void assertSameState(Module expected, Module actual) {
        Map<String, Tensor> a = expected.stateDict(), b = actual.stateDict();
        assertEquals(List.copyOf(a.keySet()), List.copyOf(b.keySet()));
        for (String k : a.keySet()) assertSameTensor(k, a.get(k), b.get(k));
    }

    private static Map<String, double[]> snapshot(Module m) {
        Map<String, double[]> out = new java.util.LinkedHashMap<>();
        m.stateDict().forEach((k, v) -> out.put(k, v.toDoubleArray()));
        return out;
    }

    private static void assertUntouched(Map<String, double[]> before, Module m) {
        Map<String, double[]> now = snapshot(m);
        assertEquals(before.keySet(), now.keySet());
        before.forEach((k, v) -> assertArrayEquals(v, now.get(k), k));
    }

    @Test
    void saveThenLoadRestoresEveryParameterAndBuffer(@TempDir Path dir) throws Exception {
        Net src = new Net(1, 4), dst = new Net(2, 4);
        Path p = dir.resolve("net.safetensors");
        ModuleIO.save(src, p);
        SafetensorsFile f = Safetensors.read(p);
        assertEquals(List.of("steps", "head.weight", "bias", "weight"), List.copyOf(f.tensors().keySet()),
                "I64, F64, then F32 by name; the non-persistent buffer is not saved");
        assertEquals(Map.of("format", "pt"), f.metadata());
        Module.LoadResult r = ModuleIO.load(dst, p);
        assertEquals(List.of(), r.missingKeys());
        assertSameState(src, dst);
        assertEquals(DType.F64, dst.child("head").ownParameters().get("weight").dtype());
        assertTrue(dst.ownParameters().get("weight").requiresGrad(), "loaded parameters still train");
    }

    @Test
    void aReducedPrecisionCheckpointLoadsBackIntoF32Slots(@TempDir Path dir) throws Exception {
        Net src = new Net(3, 4), dst = new Net(4, 4);
        Path p = dir.resolve("bf16.safetensors");
        ModuleIO.save(src, p, Map.of("note", "bf16 weights"), Map.of("weight", SafetensorsDType.BF16, "head.weight", SafetensorsDType.F16));
        assertEquals(Map.of("format", "pt", "note", "bf16 weights"), Safetensors.readHeader(p).metadata());
        assertEquals(SafetensorsDType.BF16, Safetensors.readHeader(p).info("weight").dtype());
        ModuleIO.load(dst, p);
        assertEquals(DType.F32, dst.ownParameters().get("weight").dtype());
        assertTrue(src.ownParameters().get("weight").allclose(dst.ownParameters().get("weight"), 1e-2, 0));
        assertSameTensor("bias", src.ownParameters().get("bias"), dst.ownParameters().get("bias"));
        assertTrue(src.child("head").ownParameters().get("weight").allclose(dst.child("head").ownParameters().get("weight"), 1e-3, 0));
    }

    @Test
    void aMismatchedCheckpointListsEveryProblemAndChangesNothing(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("wide.safetensors");
        ModuleIO.save(new Net(5, 6), p);
        Net dst = new Net(6, 4);
        Map<String, double[]> before = snapshot(dst);
        StateDictException e = assertThrows(StateDictException.class, () -> ModuleIO.load(dst, p));
        assertEquals(3, e.shapeMismatches().size(), e.getMessage());
        assertTrue(e.getMessage().contains("size mismatch for weight: checkpoint (6, 3), model (4, 3)"), e.getMessage());
        assertUntouched(before, dst);
    }

    @Test
    void strictAndNonStrictLoadingOfPartialCheckpoints(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("part.safetensors");
        Net src = new Net(7, 4);
        Safetensors.write(p, Map.of("weight", src.ownParameters().get("weight"), "extra", Tensor.ones(1)), Map.of());
        Net dst = new Net(8, 4);
        Map<String, double[]> before = snapshot(dst);
        StateDictException e = assertThrows(StateDictException.class, () -> ModuleIO.load(dst, p, true));
        assertEquals(List.of("bias", "steps", "head.weight"), e.missingKeys());
        assertEquals(List.of("extra"), e.unexpectedKeys());
        assertUntouched(before, dst);
        Module.LoadResult r = ModuleIO.load(dst, p, false);
        assertEquals(List.of("bias", "steps", "head.weight"), r.missingKeys());
        assertEquals(List.of("extra"), r.unexpectedKeys());
        assertSameTensor("weight", src.ownParameters().get("weight"), dst.ownParameters().get("weight"));
    }

    @Test
    void aCorruptFileIsAFormatErrorAndChangesNothing(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("net.safetensors");
        ModuleIO.save(new Net(9, 4), p);
        byte[] b = Files.readAllBytes(p);
        Files.write(p, java.util.Arrays.copyOf(b, b.length - 1));
        Net dst = new Net(10, 4);
        Map<String, double[]> before = snapshot(dst);
        SafetensorsException e = assertThrows(SafetensorsException.class, () -> ModuleIO.load(dst, p));
        assertTrue(e.getMessage().contains("run past the data region"), e.getMessage());
        assertUntouched(before, dst);
    }
}
