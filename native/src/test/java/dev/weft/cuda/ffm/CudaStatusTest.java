package dev.weft.cuda.ffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class CudaStatusTest {
    @Test
    void namesTheCodesUsersMeet() {
        assertEquals("CUDA_SUCCESS", CudaStatus.cuResultName(0));
        assertEquals("CUDA_ERROR_OUT_OF_MEMORY", CudaStatus.cuResultName(2));
        assertEquals("CUDA_ERROR_NO_DEVICE", CudaStatus.cuResultName(CudaStatus.CUDA_ERROR_NO_DEVICE));
        assertEquals("CUDA_ERROR_ILLEGAL_ADDRESS", CudaStatus.cuResultName(700));
        assertEquals("CUDA_ERROR_UNKNOWN", CudaStatus.cuResultName(999));
        assertEquals("CUresult 12345 (unknown code)", CudaStatus.cuResultName(12345));
        assertEquals("NVRTC_ERROR_COMPILATION", CudaStatus.nvrtcResultName(6));
        assertEquals("nvrtcResult 99 (unknown code)", CudaStatus.nvrtcResultName(99));
        assertEquals("CUBLAS_STATUS_INVALID_VALUE", CudaStatus.cublasStatusName(7));
        assertEquals("CUBLAS_STATUS_NOT_SUPPORTED", CudaStatus.cublasStatusName(15));
        assertEquals("cublasStatus 2 (unknown code)", CudaStatus.cublasStatusName(2));
        assertTrue(CudaStatus.cuResultHint(100).contains("no CUDA device"));
        assertEquals("", CudaStatus.cuResultHint(12345));
    }

    @Test
    void anExceptionNamesTheCallTheCodeAndTheHint() {
        CudaException e = new CudaException("cuMemAlloc", 2, CudaStatus.cuResultName(2), CudaStatus.cuResultHint(2));
        assertTrue(e.getMessage().startsWith("cuda: cuMemAlloc failed: CUDA_ERROR_OUT_OF_MEMORY (2): device memory is exhausted"),
                e.getMessage());
        assertEquals("cuMemAlloc", e.call());
        assertEquals(2, e.code());
        CudaException plain = new CudaException("cuFoo", 4, "CUDA_ERROR_DEINITIALIZED", "");
        assertEquals("cuda: cuFoo failed: CUDA_ERROR_DEINITIALIZED (4)", plain.getMessage());
        try {
            CudaException.checkCublas("cublasSgemm", 7);
            throw new AssertionError("checkCublas(7) must throw");
        } catch (CudaException c) {
            assertTrue(c.getMessage().contains("cublasSgemm failed: CUBLAS_STATUS_INVALID_VALUE (7)"), c.getMessage());
        }
        CudaException.checkCu("cuInit", 0);
    }

    @Test
    void theTableAgreesWithTheDriversOwnNames() {
        assumeTrue(CudaDriver.library().loaded(), () -> "libcuda absent, skipped: " + CudaDriver.library().reason());
        CudaDriver cu = CudaDriver.get();
        int compared = 0;
        for (int code : CudaStatus.cuResultCodes()) {
            String driver = cu.errorName(code);
            if (driver == null) continue;   // a code newer than this driver
            assertEquals(driver, CudaStatus.cuResultName(code), "CUresult " + code);
            compared++;
        }
        assertTrue(compared >= 80, "only " + compared + " codes known to the driver");
        assertEquals(null, cu.errorName(12345));
    }

    @Test
    void theTableAgreesWithNvrtcsOwnNames() {
        assumeTrue(Nvrtc.library().loaded(), () -> "NVRTC absent, skipped: " + Nvrtc.library().reason());
        Nvrtc nvrtc = Nvrtc.get();
        for (int code = 0; code <= 11; code++) assertEquals(nvrtc.errorString(code), CudaStatus.nvrtcResultName(code), "nvrtcResult " + code);
    }
}
