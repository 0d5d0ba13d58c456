package dev.weft.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.cuda.ffm.CudaDriver;
import dev.weft.cuda.ffm.NativeLibrary;
import java.util.List;
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
            assertTrue(r.toString().matches("not available: (library not found|no device|driver error|disabled by .*): .+"), r.toString());
        }
    }

    @Test
    void withTheDriverLibraryAndNoGpuTheReasonIsNoDevice() {
        assumeTrue(CudaDriver.library().loaded(), () -> "libcuda absent (./weft setup cuda-libs installs it): " + CudaDriver.library().reason());
        CudaProbe.Result r = CudaProbe.probe();
        assumeFalse(r.available(), "a CUDA device is present");
        assertEquals(CudaProbe.Status.NO_DEVICE, r.status(), r.toString());
        assertTrue(r.detail().startsWith("no device: libcuda.so.1 loaded, but cuInit returned CUDA_ERROR_NO_DEVICE (100)"), r.detail());
    }

    @Test
    void failingCodesMapToNoDeviceOrANamedDriverError() {
        NativeLibrary lib = NativeLibrary.find("CUDA driver", null, List.of("libweft-absent.so"));
        CudaProbe.Result none = CudaProbe.fromCode(lib, "cuInit", 100);
        assertEquals(CudaProbe.Status.NO_DEVICE, none.status());
        assertTrue(none.toString().startsWith("not available: no device: "), none.toString());
        CudaProbe.Result broken = CudaProbe.fromCode(lib, "cuInit", 34);
        assertEquals(CudaProbe.Status.DRIVER_ERROR, broken.status());
        assertTrue(broken.detail().contains("cuInit returned CUDA_ERROR_STUB_LIBRARY (34): the loaded libcuda is a stub"), broken.detail());
        CudaProbe.Result odd = CudaProbe.fromCode(lib, "cuDeviceGetCount", 4242);
        assertTrue(odd.detail().contains("CUresult 4242 (unknown code) (4242)"), odd.detail());
    }

    @Test
    void disablePropertyWins() {
        String old = System.getProperty("weft.cuda.disable");
        System.setProperty("weft.cuda.disable", "true");
        try {
            CudaProbe.Result r = CudaProbe.probe();
            assertFalse(r.available());
            assertEquals(CudaProbe.Status.DISABLED, r.status());
            assertTrue(r.detail().contains("-Dweft.cuda.disable=true"), r.detail());
        } finally {
            if (old == null) System.clearProperty("weft.cuda.disable"); else System.setProperty("weft.cuda.disable", old);
        }
    }
}
