package dev.weft.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CudaProbeTest {
    @Test
    void probeEitherFindsDevicesOrSaysWhyNot() {
        CudaProbe.Result r = CudaProbe.probe();
        assertFalse(r.detail().isBlank());
        if (r.available()) {
            assertTrue(r.deviceCount() > 0, r.toString());
        } else {
            assertEquals(0, r.deviceCount(), r.toString());
            assertTrue(r.toString().startsWith("not available: "), r.toString());
        }
    }

    @Test
    void disablePropertyWins() {
        String old = System.getProperty("weft.cuda.disable");
        System.setProperty("weft.cuda.disable", "true");
        try {
            CudaProbe.Result r = CudaProbe.probe();
            assertFalse(r.available());
            assertTrue(r.detail().contains("-Dweft.cuda.disable=true"), r.detail());
        } finally {
            if (old == null) System.clearProperty("weft.cuda.disable"); else System.setProperty("weft.cuda.disable", old);
        }
    }
}
