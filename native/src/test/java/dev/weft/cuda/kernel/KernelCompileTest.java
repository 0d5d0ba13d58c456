package dev.weft.cuda.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.cuda.ffm.Nvrtc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compiles every kernel resource through our NVRTC bindings for compute_80 and compute_90 (no GPU needed):
 * the PTX must define every entry the catalog names, and NVRTC must log no warning. Skips with the reason
 * when libnvrtc is absent (./weft setup cuda-libs installs it).
 */
class KernelCompileTest {
    @TempDir
    static Path cacheDir;

    static Stream<Arguments> sourcesAndArchs() {
        List<Arguments> out = new ArrayList<>();
        for (int[] cc : new int[][] {{8, 0}, {9, 0}}) {
            for (KernelSource s : KernelCatalog.ALL) out.add(Arguments.of(s.file(), cc[0], cc[1]));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "nvrtc[{0}, sm_{1}{2}]")
    @MethodSource("sourcesAndArchs")
    void compilesWithEveryEntryAndNoWarning(String file, int major, int minor) {
        assumeTrue(Nvrtc.library().loaded(), () -> "NVRTC absent, compile test skipped: " + Nvrtc.library().reason());
        KernelSource source = KernelCatalog.ALL.stream().filter(s -> s.file().equals(file)).findFirst().orElseThrow();
        KernelCompiler compiler = new KernelCompiler(Nvrtc.get(), new PtxCache(cacheDir.resolve("c" + major + minor)));
        KernelCompiler.Result r = compiler.compile(source, NvrtcOptions.forCapability(major, minor));
        assertFalse(r.fromCache(), "first compile must run NVRTC");
        assertFalse(r.log().toLowerCase(java.util.Locale.ROOT).contains("warning"), () -> file + " logged:\n" + r.log());
        assertTrue(r.ptx().contains(".target sm_" + major + minor), () -> file + ": PTX does not target sm_" + major + minor);
        List<String> entries = entries(r.ptx());
        for (String e : source.entries()) assertTrue(entries.contains(e), () -> file + ": no .entry " + e + " in PTX; has " + entries);
        assertEquals(source.entries().size(), entries.size(), () -> file + ": PTX entries " + entries + " vs catalog " + source.entries());
        KernelCompiler.Result again = compiler.compile(source, NvrtcOptions.forCapability(major, minor));
        assertTrue(again.fromCache(), "second compile must come from the disk cache");
        assertEquals(r.ptx(), again.ptx());
    }

    static List<String> entries(String ptx) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\.entry\\s+([A-Za-z_][A-Za-z0-9_]*)").matcher(ptx);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @org.junit.jupiter.api.Test
    void aWarningReachesTheLogAndAnErrorThrowsWithIt() {
        assumeTrue(Nvrtc.library().loaded(), () -> "NVRTC absent, compile test skipped: " + Nvrtc.library().reason());
        Nvrtc nvrtc = Nvrtc.get();
        List<String> opts = NvrtcOptions.forCapability(8, 0).options();
        Nvrtc.Output warn = nvrtc.compile("warn.cu", "extern \"C\" __global__ void k(float* y) { int unused; y[0] = 1.0f; }",
                java.util.Map.of(), opts);
        assertTrue(warn.log().contains("warning"), () -> "expected a warning in: " + warn.log());
        Nvrtc.NvrtcCompileException e = org.junit.jupiter.api.Assertions.assertThrows(Nvrtc.NvrtcCompileException.class,
                () -> nvrtc.compile("bad.cu", "extern \"C\" __global__ void k(float* y) { y[0] = undefined_name; }",
                        java.util.Map.of(), opts));
        assertTrue(e.log().contains("undefined_name"), e::getMessage);
        assertTrue(e.getMessage().contains("NVRTC_ERROR_COMPILATION (6)"), e::getMessage);
    }

    @org.junit.jupiter.api.Test
    void catalogCountsEveryEntryOnce() {
        List<String> all = KernelCatalog.ALL.stream().flatMap(s -> s.entries().stream()).toList();
        assertEquals(all.size(), new java.util.HashSet<>(all).size(), "duplicate entry names");
        assertEquals(154, KernelCatalog.entryCount());
        assertEquals("copy.cu", KernelCatalog.sourceOf("cast_f32_u8").file());
    }
}
