package dev.weft.bench.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.bench.FlatJson;
import dev.weft.tensor.core.Device;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The --device cuda JSON lines: the common fields first (ARCHITECTURE.md's --json conventions), then the case's. */
class CudaLinesTest {
    @Test
    void gemmLineCarriesTheDeviceTheTf32ModeAndGflops() {
        String line = CudaLines.gemm(Device.cuda(0), "NVIDIA H100", "f32", 4096, true, 51234.5).toString();
        Map<String, Object> m = FlatJson.parse(line);
        assertEquals(List.of("suite", "case", "impl", "threads", "device", "device_name", "dtype", "m", "n", "k",
                "trans_a", "trans_b", "tf32", "gflops"), List.copyOf(m.keySet()));
        assertEquals("gemm", m.get("suite"));
        assertEquals("cuda", m.get("impl"));
        assertEquals("cuda:0", m.get("device"));
        assertEquals(true, m.get("tf32"));
        assertEquals(51234.5, ((Number) m.get("gflops")).doubleValue(), 0.1);
        assertEquals(4096.0, ((Number) m.get("k")).doubleValue());
    }

    @Test
    void elementwiseLinesCarryTheCopyReferenceAndTheFractionOfIt() {
        Map<String, Object> c = FlatJson.parse(CudaLines.copy(Device.cuda(1), "GPU", 1 << 26, 2500.0).toString());
        assertEquals("d2d_copy", c.get("case"));
        assertEquals("cuda:1", c.get("device"));
        assertEquals(100.0, ((Number) c.get("pct_copy")).doubleValue(), 1e-9);
        Map<String, Object> e = FlatJson.parse(CudaLines.elementwise(Device.cuda(1), "GPU", "add", 1 << 24, 2000.0, 2500.0).toString());
        assertEquals("elementwise", e.get("suite"));
        assertEquals("add", e.get("case"));
        assertEquals(2000.0, ((Number) e.get("gbps")).doubleValue(), 1e-6);
        assertEquals(2500.0, ((Number) e.get("copy_gbps")).doubleValue(), 1e-6);
        assertEquals(80.0, ((Number) e.get("pct_copy")).doubleValue(), 1e-6);
    }
}
