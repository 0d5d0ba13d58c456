package dev.weft.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.cuda.ffm.Nvrtc;
import dev.weft.cuda.memory.AllocatorStats;
import dev.weft.tensor.Backends;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.TensorScope;
import dev.weft.tensor.core.Device;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deterministic release on the CUDA backend over the recording device: Tensor.close and the end of a
 * TensorScope return the blocks to the caching allocator at once (allocated bytes drop, the cache grows,
 * nothing is freed on the device), and a released tensor errors clearly instead of reaching a kernel.
 */
class CudaReleaseTest {
    private static final Device DEV = RecordingBackendProvider.DEVICE;

    @BeforeAll
    static void enable() {
        RecordingBackendProvider.enabled = true;
    }

    @AfterAll
    static void disable() {
        RecordingBackendProvider.enabled = false;
    }

    private static CudaBackend backend() {
        assumeTrue(Nvrtc.library().loaded(), () -> "NVRTC absent (the ops' kernels need PTX): " + Nvrtc.library().reason());
        assumeFalse(CudaProbe.probe().available(), "a real CUDA device is present: the recording device is for machines without one");
        return (CudaBackend) Backends.forDevice(DEV);
    }

    @Test
    void closeReturnsTheBlockToTheAllocator() {
        CudaBackend b = backend();
        Tensor x = Tensor.ones(256, 256).to(DEV);
        long before = b.memoryStats().allocatedBytes();
        Tensor y = x.add(x);
        long withY = b.memoryStats().allocatedBytes();
        assertTrue(withY >= before + 256 * 256 * 4, "y's block: " + before + " -> " + withY);
        long frees = b.memoryStats().deviceFrees();
        y.close();
        AllocatorStats after = b.memoryStats();
        assertEquals(before, after.allocatedBytes(), after.toString());
        assertTrue(after.cachedBytes() >= 256 * 256 * 4, "the block is cached for reuse: " + after);
        assertEquals(frees, after.deviceFrees(), "release goes to the cache, not cuMemFree");
        assertTrue(((CudaStorage) y.storage()).blockReleased());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> y.mul(x));
        assertTrue(e.getMessage().startsWith("mul: ") && e.getMessage().contains("cuda:7 was released"), e.getMessage());
        IllegalStateException h = assertThrows(IllegalStateException.class, () -> y.to(Device.CPU));
        assertTrue(h.getMessage().contains("was released"), h.getMessage());
        x.close();
    }

    @Test
    void aScopeReturnsEveryBlockButTheKeptOnes() {
        CudaBackend b = backend();
        Tensor x = Tensor.ones(128, 128).to(DEV);
        long before = b.memoryStats().allocatedBytes();
        Tensor h, kept;
        try (TensorScope s = TensorScope.open()) {
            h = x.matmul(x).relu();
            kept = s.keep(h.sum(0));
            assertTrue(b.memoryStats().allocatedBytes() > before);
        }
        long after = b.memoryStats().allocatedBytes();
        assertTrue(after - before >= 128 * 4 && after - before < 128 * 128 * 4,
                "only the kept block stays allocated: " + before + " -> " + after);
        assertTrue(h.isReleased());
        assertFalse(kept.isReleased());
        assertFalse(x.isReleased());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> h.exp());
        assertTrue(e.getMessage().startsWith("exp: ") && e.getMessage().contains("released"), e.getMessage());
        kept.close();
        x.close();
    }

    @Test
    void tf32IsSwitchedThroughTheBackend() {
        CudaBackend b = backend();
        boolean old = b.tf32();
        try {
            b.setTf32(true);
            assertTrue(b.tf32());
            b.setTf32(false);
            assertFalse(b.tf32());
            Tensor x = Tensor.ones(8, 8).to(DEV);
            assertEquals(DEV, x.matmul(x).device(), "GEMM runs after the switch");
        } finally {
            b.setTf32(old);
        }
    }
}
