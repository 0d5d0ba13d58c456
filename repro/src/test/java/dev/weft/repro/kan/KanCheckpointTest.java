package dev.weft.repro.kan;

import static org.junit.jupiter.api.Assertions.*;

import dev.weft.nn.io.ModuleIO;
import dev.weft.nn.kan.BaseFun;
import dev.weft.nn.kan.KAN;
import dev.weft.nn.layers.Linear;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A KAN saved by KanCheckpoint reloads without being told its widths: the same outputs, grids, masks, symbolic
 * functions and formula, F64 kept; a plain ModuleIO file without symbolic edges loads too; bad files are errors
 * naming the file.
 */
class KanCheckpointTest {
    @TempDir
    Path dir;

    static Tensor samples(long seed, int n, int d) {
        return Tensor.rand(new Generator(seed), DType.F64, n, d).mul(2).sub(1);
    }

    @Test
    void aPrunedSymbolicKanReloadsWithItsWidthsGridMasksAndFunctions() throws Exception {
        KAN m = new KAN(KAN.options(3, 4, 2).grid(7).k(2).baseFun(BaseFun.IDENTITY).generator(new Generator(1)));
        m.to(DType.F64);
        Tensor x = samples(2, 200, 3);
        m.updateGridFromSamples(x);
        KAN small = m.pruneNode(x, 0);                                   // a copy through pruning, widths unchanged
        small.removeEdge(0, 2, 1);
        small.fixSymbolic(0, 0, 0, "sin", x);
        small.fixSymbolic(1, 3, 1, "x^2", x);
        Path f = dir.resolve("kan.safetensors");
        KanCheckpoint.save(small, f);
        KAN back = KanCheckpoint.load(f);
        assertArrayEquals(small.width(), back.width());
        assertEquals(7, back.grid);
        assertEquals(2, back.k);
        assertEquals(BaseFun.IDENTITY, back.layer(0).baseFun);
        assertEquals(DType.F64, back.layer(0).coef().dtype());
        assertTrue(back.forward(x).equal(small.forward(x)), "outputs after save -> load");
        assertTrue(back.layer(0).grid().equal(small.layer(0).grid()) && back.layer(0).mask().equal(small.layer(0).mask()));
        assertEquals("sin", back.symbolic(0).function(0, 0).name());
        assertEquals("x^2", back.symbolic(1).function(3, 1).name());
        assertArrayEquals(small.symbolic(0).affine(0, 0), back.symbolic(0).affine(0, 0));
    }

    @Test
    void aPlainModuleIoFileLoadsAndTheFormulaSurvives() throws Exception {
        KAN m = new KAN(KAN.options(2, 1, 1).grid(5).generator(new Generator(3)));
        Path plain = dir.resolve("plain.safetensors");
        ModuleIO.save(m, plain);
        KAN back = KanCheckpoint.load(plain);
        Tensor x = samples(4, 50, 2).to(DType.F32);
        assertTrue(back.forward(x).equal(m.forward(x)));

        m.autoSymbolic(samples(5, 300, 2).to(DType.F32), java.util.List.of("x", "sin", "x^2", "exp"));
        Path sym = dir.resolve("sym.safetensors");
        KanCheckpoint.save(m, sym);
        assertEquals(m.symbolicFormula(), KanCheckpoint.load(sym).symbolicFormula());
        ModuleIO.save(m, plain);                                         // symbolic edges on, their functions not in the file
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KanCheckpoint.load(plain));
        assertTrue(e.getMessage().startsWith("KAN checkpoint " + plain + ": symbolic edges (0,0,0), (0,1,0), (1,0,0) are on"),
                e.getMessage());
    }

    @Test
    void badFilesAreErrorsNamingTheFile() throws Exception {
        Path missing = dir.resolve("nope.safetensors");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KanCheckpoint.load(missing));
        assertEquals("KAN checkpoint " + missing + ": no such file", e.getMessage());

        Path junk = dir.resolve("junk.safetensors");
        Files.writeString(junk, "not a safetensors file at all");
        e = assertThrows(IllegalArgumentException.class, () -> KanCheckpoint.load(junk));
        assertTrue(e.getMessage().startsWith("KAN checkpoint " + junk + " is not a safetensors file: safetensors: "), e.getMessage());

        Path linear = dir.resolve("linear.safetensors");
        ModuleIO.save(new Linear(3, 2, true, new Generator(0)), linear);
        e = assertThrows(IllegalArgumentException.class, () -> KanCheckpoint.load(linear));
        assertTrue(e.getMessage().matches("KAN checkpoint \\Q" + linear + "\\E holds no KAN: no tensor act_fun.0.coef \\(it holds 2 "
                + "tensor\\(s\\): (weight, bias|bias, weight)\\)"), e.getMessage());

        Path broken = dir.resolve("broken.safetensors");
        KAN m = new KAN(KAN.options(2, 3, 1).generator(new Generator(0)));
        var state = new java.util.LinkedHashMap<>(m.stateDict());
        state.remove("act_fun.1.scale_sp");
        dev.weft.nn.io.Safetensors.write(broken, state);
        e = assertThrows(IllegalArgumentException.class, () -> KanCheckpoint.load(broken));
        assertTrue(e.getMessage().startsWith("KAN checkpoint " + broken + " does not fit a KAN " + Arrays.toString(new int[] {2, 3, 1})),
                e.getMessage());
        assertTrue(e.getMessage().contains("act_fun.1.scale_sp"), e.getMessage());
    }
}
