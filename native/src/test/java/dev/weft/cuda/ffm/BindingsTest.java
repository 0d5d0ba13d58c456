package dev.weft.cuda.ffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.ValueLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The downcall handles bind against the real libraries when they are present; a missing library is a value. */
class BindingsTest {
    @Test
    void everyDriverSymbolIsExportedAndBinds() {
        NativeLibrary lib = CudaDriver.library();
        assumeTrue(lib.loaded(), () -> "libcuda absent, skipped: " + lib.reason());
        for (String s : CudaDriver.SYMBOLS) assertTrue(lib.has(s), () -> lib + " does not export " + s);
        CudaDriver.get();
    }

    @Test
    void withoutAGpuCuInitAnswersNoDevice() {
        NativeLibrary lib = CudaDriver.library();
        assumeTrue(lib.loaded(), () -> "libcuda absent, skipped: " + lib.reason());
        int rc = CudaDriver.get().initStatus();
        assumeTrue(rc != 0, "a CUDA device is present; the no-device path is not reachable here");
        assertEquals(CudaStatus.CUDA_ERROR_NO_DEVICE, rc, () -> "cuInit returned " + CudaStatus.cuResultName(rc));
        CudaException e = assertThrows(CudaException.class, () -> CudaDriver.get().init());
        assertTrue(e.getMessage().contains("cuInit failed: CUDA_ERROR_NO_DEVICE (100)"), e.getMessage());
        assertTrue(CudaDriver.get().driverVersion() >= 11000, "driver API version");
    }

    /** Real downcalls with no device: each fails with a named CUresult, through the same checked path a GPU run uses. */
    @Test
    void withoutADeviceEveryCallFailsWithANamedCode() {
        NativeLibrary lib = CudaDriver.library();
        assumeTrue(lib.loaded(), () -> "libcuda absent, skipped: " + lib.reason());
        CudaDriver cu = CudaDriver.get();
        assumeTrue(cu.initStatus() != 0, "a CUDA device is present; the no-device path is not reachable here");
        java.util.Map<String, org.junit.jupiter.api.function.Executable> calls = new java.util.LinkedHashMap<>();
        calls.put("cuDeviceGet", () -> cu.device(0));
        calls.put("cuDeviceGetCount", cu::deviceCount);
        calls.put("cuMemAlloc", () -> cu.memAlloc(1024));
        calls.put("cuStreamCreate", () -> cu.streamCreate(0));
        calls.put("cuEventCreate", () -> cu.eventCreate(0));
        calls.put("cuModuleLoadData", () -> cu.moduleLoadData(".version 7.8\n.target sm_80\n.address_size 64\n"));
        calls.put("cuMemHostAlloc", () -> cu.memHostAlloc(4096, 0));
        for (var c : calls.entrySet()) {
            CudaException e = assertThrows(CudaException.class, c.getValue(), c.getKey() + " must fail without a device");
            assertEquals(c.getKey(), e.call());
            assertTrue(CudaStatus.knowsCuResult(e.code()), () -> c.getKey() + ": unnamed code " + e.code());
            assertTrue(e.getMessage().startsWith("cuda: " + c.getKey() + " failed: CUDA_ERROR_"), e.getMessage());
        }
    }

    @Test
    void everyNvrtcSymbolIsExportedAndTheVersionReads() {
        NativeLibrary lib = Nvrtc.library();
        assumeTrue(lib.loaded(), () -> "NVRTC absent, skipped: " + lib.reason());
        for (String s : Nvrtc.SYMBOLS) assertTrue(lib.has(s), () -> lib + " does not export " + s);
        int[] v = Nvrtc.get().version();
        assertTrue(v[0] >= 11, () -> "NVRTC " + v[0] + "." + v[1]);
    }

    @Test
    void cublasBindsWhenPresentAndSaysNotFoundOtherwise() {
        NativeLibrary lib = Cublas.library();
        if (lib.loaded()) {
            for (String s : Cublas.SYMBOLS) assertTrue(lib.has(s), () -> lib + " does not export " + s);
            Cublas.get();
        } else {
            assertTrue(lib.reason().contains("cuBLAS library not found"), lib.reason());
            IllegalStateException e = assertThrows(IllegalStateException.class, Cublas::get);
            assertTrue(e.getMessage().contains("libcublas.so.12"), e.getMessage());
        }
    }

    @Test
    void aMissingLibraryIsAReasonNotAnException() {
        NativeLibrary lib = NativeLibrary.find("Nothing", "weft.test.nothing", List.of("libweft-does-not-exist.so.7"));
        assertFalse(lib.loaded());
        assertEquals(null, lib.loadedName());
        assertTrue(lib.reason().contains("Nothing library not found") && lib.reason().contains("libweft-does-not-exist.so.7")
                && lib.reason().contains("-Dweft.test.nothing=PATH"), lib.reason());
        assertFalse(lib.has("cuInit"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> lib.downcall("f", FunctionDescriptor.of(ValueLayout.JAVA_INT)));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void toolkitFoldersComeFromTheEnvironmentThenUsrLocalCuda(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        var dirs = NativeLibrary.toolkitDirs(java.util.Map.of("CUDA_HOME", "/opt/cuda-x"));
        assertEquals(java.nio.file.Path.of("/opt/cuda-x/lib64"), dirs.get(0));
        assertTrue(dirs.contains(java.nio.file.Path.of("/usr/local/cuda/lib64")), dirs.toString());
        assertTrue(dirs.contains(java.nio.file.Path.of("/usr/local/cuda/targets/x86_64-linux/lib")), dirs.toString());
        // a library found only in a toolkit folder is tried by its absolute path (here: a file that is no library)
        java.nio.file.Files.writeString(tmp.resolve("libweft-fake.so.1"), "not an ELF file");
        NativeLibrary lib = NativeLibrary.find("Fake", null, List.of("libweft-fake.so.1"), List.of(tmp));
        assertFalse(lib.loaded());
        assertTrue(lib.reason().contains(tmp.resolve("libweft-fake.so.1").toString()), lib.reason());
    }

    @Test
    void aMissingSymbolNamesTheLibraryAndTheSymbol() {
        NativeLibrary lib = CudaDriver.library();
        assumeTrue(lib.loaded(), () -> "libcuda absent, skipped: " + lib.reason());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> lib.downcall("cuWeftNoSuchCall", FunctionDescriptor.of(ValueLayout.JAVA_INT)));
        assertTrue(e.getMessage().contains("does not export cuWeftNoSuchCall"), e.getMessage());
    }
}
