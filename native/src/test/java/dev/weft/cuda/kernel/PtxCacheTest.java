package dev.weft.cuda.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PtxCacheTest {
    private static final List<String> OPTS = NvrtcOptions.forCapability(8, 0).options();

    @Test
    void optionsNameTheVirtualArchitectureFirst() {
        assertEquals("--gpu-architecture=compute_80", OPTS.get(0));
        assertEquals("compute_90", NvrtcOptions.forCapability(9, 0).architecture());
        assertEquals("compute_86", NvrtcOptions.forCapability(8, 6).architecture());
        assertTrue(OPTS.contains("--std=c++17"));
        assertFalse(OPTS.stream().anyMatch(o -> o.contains("fast_math") || o.contains("fast-math")), OPTS.toString());
        assertThrows(IllegalArgumentException.class, () -> NvrtcOptions.forCapability(3, 0));
    }

    @Test
    void theKeyChangesWithEveryInputAndOnlyWithThem() {
        Map<String, String> h = Map.of("weft_common.cuh", "// header");
        String k = PtxCache.key("src", h, OPTS, "11.8");
        assertEquals(64, k.length());
        assertEquals(k, PtxCache.key("src", Map.of("weft_common.cuh", "// header"), List.copyOf(OPTS), "11.8"));
        assertNotEquals(k, PtxCache.key("src2", h, OPTS, "11.8"));
        assertNotEquals(k, PtxCache.key("src", Map.of("weft_common.cuh", "// header2"), OPTS, "11.8"));
        assertNotEquals(k, PtxCache.key("src", h, NvrtcOptions.forCapability(9, 0).options(), "11.8"));
        assertNotEquals(k, PtxCache.key("src", h, OPTS, "12.4"));
        // field boundaries count: moving a character between source and header is another key
        assertNotEquals(PtxCache.key("ab", Map.of("h", "c"), OPTS, "v"), PtxCache.key("a", Map.of("h", "bc"), OPTS, "v"));
    }

    @Test
    void putThenGetRoundTripsAndAnUnwritableFolderOnlyMisses(@TempDir Path dir) throws Exception {
        PtxCache c = new PtxCache(dir.resolve("cuda"));
        String key = PtxCache.key("s", Map.of(), OPTS, "11.8");
        assertTrue(c.get(key).isEmpty());
        assertTrue(c.put(key, ".version 7.8\n.entry k"));
        assertEquals(".version 7.8\n.entry k", c.get(key).orElseThrow());
        try (var files = Files.list(dir.resolve("cuda"))) {
            assertEquals(List.of(key + ".ptx"), files.map(p -> p.getFileName().toString()).toList(), "no temporary left behind");
        }
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x");
        PtxCache bad = new PtxCache(blocker.resolve("sub"));
        assertFalse(bad.put(key, "ptx"));
        assertTrue(bad.get(key).isEmpty());
    }

    @Test
    void theDefaultFolderFollowsTheProperty(@TempDir Path dir) {
        String old = System.getProperty("weft.cuda.cache");
        try {
            System.setProperty("weft.cuda.cache", dir.toString());
            assertEquals(dir, PtxCache.defaultCache().dir());
            System.clearProperty("weft.cuda.cache");
            assertEquals(Path.of(System.getProperty("user.home"), ".cache", "weft", "cuda"), PtxCache.defaultCache().dir());
        } finally {
            if (old == null) System.clearProperty("weft.cuda.cache"); else System.setProperty("weft.cuda.cache", old);
        }
    }
}
