package dev.weft.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.cuda.ffm.Nvrtc;
import dev.weft.tensor.Backends;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Device;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every conformance case through the CUDA executors on a {@link RecordingDevice}: the Java side runs in full
 * (layouts, temporaries, cuBLAS-or-kernel choice, status reads) and each kernel launch must match its PTX
 * signature, with every pointer inside a live block, and shapes and dtypes of the result as on the CPU. The
 * values are not computed (no GPU), so they are not compared; CudaConformanceTest does that on a GPU.
 * Needs NVRTC (for the PTX); on a machine with a real device the conformance suite covers this instead.
 */
class CudaLaunchCheckTest {
    @BeforeAll
    static void enable() {
        RecordingBackendProvider.enabled = true;
    }

    @AfterAll
    static void disable() {
        RecordingBackendProvider.enabled = false;
    }

    static Stream<CudaConformanceTest.Case> cases() {
        return CudaConformanceTest.cases();
    }

    private static void assumeRecordable() {
        assumeTrue(Nvrtc.library().loaded(), () -> "NVRTC absent (needed for the PTX signatures): " + Nvrtc.library().reason());
        assumeFalse(CudaProbe.probe().available(), "a real CUDA device is present: CudaConformanceTest checks the values instead");
    }

    @ParameterizedTest(name = "launches[{0}]")
    @MethodSource("cases")
    void everyLaunchMatchesItsKernel(CudaConformanceTest.Case c) {
        assumeRecordable();
        // nonzero's output size is counted from the data, which the recording device never computes
        assumeFalse(c.name().equals("nonzero"), "nonzero: its shape depends on values the recording device does not compute");
        Device dev = RecordingBackendProvider.DEVICE;
        Tensor cpu = c.op().apply(c.inputs());
        List<Tensor> onDevice = c.inputs().stream().map(t -> t.to(dev)).toList();
        int before = RecordingBackendProvider.RECORDER.launches.size();
        Tensor y = c.op().apply(onDevice);
        assertEquals(dev, y.device(), c.name() + ": the result left the device");
        assertArrayEquals(cpu.shape(), y.shape(), c.name());
        assertEquals(cpu.dtype(), y.dtype(), c.name());
        assertTrue(RecordingBackendProvider.RECORDER.launches.size() > before, c.name() + ": no kernel was launched");
        y.to(Device.CPU);
    }

    @Test
    void theBackendIsTheCudaOneAndTransfersRoundTrip() {
        assumeRecordable();
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor d = x.to(RecordingBackendProvider.DEVICE);
        assertTrue(Backends.forDevice(RecordingBackendProvider.DEVICE) instanceof CudaBackend);
        assertArrayEquals(x.toFloatArray(), d.to(Device.CPU).toFloatArray(), "upload then download");
        // a strided view downloads through the copy kernel; its values are not computed here, only its size
        assertEquals(6, d.transpose(0, 1).to(Device.CPU).numel());
    }

    @Test
    void elapsedMillisTimesTheOpsOfItsBody() {
        assumeRecordable();
        CudaBackend b = (CudaBackend) Backends.forDevice(RecordingBackendProvider.DEVICE);
        Tensor x = Tensor.ones(64, 64).to(RecordingBackendProvider.DEVICE);
        int before = RecordingBackendProvider.RECORDER.launches.size();
        float ms = b.elapsedMillis(() -> x.matmul(x));
        assertTrue(ms >= 0, "elapsed " + ms);
        assertTrue(RecordingBackendProvider.RECORDER.launches.size() > before, "the body's GEMM was not launched");
        assertTrue(b.memoryStats().peakAllocatedBytes() > 0, b.memoryStats().toString());
    }

    @Test
    void aLaunchWithTheWrongArgumentsIsCaught() {
        assumeRecordable();
        CudaContext ctx = new CudaContext(Device.cuda(7), RecordingBackendProvider.RECORDER);
        AssertionError e = assertThrows(AssertionError.class, () -> ctx.launch1d("fill_b8", 4, a -> a.i32(4).i32(0).ptr(0)));
        assertTrue(e.getMessage().contains("fill_b8: argument 1 has 4 bytes, the kernel's parameter 8"), e.getMessage());
        AssertionError p = assertThrows(AssertionError.class, () -> ctx.launch1d("fill_b8", 4, a -> a.i32(4).i64(0).ptr(12345)));
        assertTrue(p.getMessage().contains("outside every live device block") || p.getMessage().contains("pointer"), p.getMessage());
    }
}
