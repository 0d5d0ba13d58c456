package dev.weft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.weft.bench.elementwise.ElementwiseBench;
import dev.weft.bench.gemm.GemmBench;
import dev.weft.bench.train.TrainGcnBench;
import dev.weft.bench.train.TrainMlpBench;
import dev.weft.tensor.Backends;
import dev.weft.tensor.core.Device;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** --device: parsing, the one-line error without a device (before anything runs), and the cpu-only options. */
class DeviceOptionTest {
    private static BenchArgs args(String... a) {
        return BenchArgs.parse("gemm", List.of(a), Set.of("json"), Set.of("device"));
    }

    @Test
    void parsesCpuCudaAndCudaN() {
        assertEquals(Device.CPU, DeviceOption.parse("gemm", args()));
        assertEquals(Device.CPU, DeviceOption.parse("gemm", args("--device", "cpu")));
        assertEquals(Device.cuda(0), DeviceOption.parse("gemm", args("--device", "cuda")));
        assertEquals(Device.cuda(3), DeviceOption.parse("gemm", args("--device=cuda:3")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceOption.parse("gemm", args("--device", "gpu")));
        assertEquals("bench gemm: --device: 'gpu' is not a device (expected cpu, cuda or cuda:N)", e.getMessage());
    }

    @Test
    void requireNamesTheSuiteTheDeviceAndTheReason() {
        assertSame(Device.CPU, DeviceOption.require("gemm", Device.CPU, d -> "never asked"));
        assertEquals(Device.cuda(1), DeviceOption.require("gemm", Device.cuda(1), d -> ""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeviceOption.require("train-mlp", Device.cuda(0), d -> "no device: cuInit returned CUDA_ERROR_NO_DEVICE (100)"));
        assertEquals("bench train-mlp: --device cuda:0 is not available: no device: cuInit returned CUDA_ERROR_NO_DEVICE (100)",
                e.getMessage());
        assertTrue(e.getMessage().lines().count() == 1);
    }

    @Test
    void withoutAGpuEverySuiteFailsFastWithTheRegistrysReason() {
        assumeFalse(Backends.isAvailable(Device.cuda(0)), "a CUDA device is present");
        String reason = DeviceOption.reason(Device.cuda(0));
        assertTrue(!reason.isEmpty(), "an unavailable device has a reason");
        List<BenchSuite> suites = List.of(new GemmBench(), new ElementwiseBench(), new TrainMlpBench(), new TrainGcnBench());
        for (BenchSuite s : suites) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> s.run(List.of("--device", "cuda", "--json"), new PrintStream(out)));
            assertEquals("bench " + s.name() + ": --device cuda:0 is not available: " + reason, e.getMessage());
            assertEquals(0, out.size(), s.name() + " printed before failing: " + out);
        }
    }

    @Test
    void cpuOnlyAndCudaOnlyOptionsAreRefusedByName() throws Exception {
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
                () -> new GemmBench().run(List.of("--tf32", "on"), new PrintStream(new ByteArrayOutputStream())));
        assertEquals("bench gemm: --tf32 applies to --device cuda only", t.getMessage());
        IllegalArgumentException i = assertThrows(IllegalArgumentException.class,
                () -> new GemmBench().run(List.of("--device", "cuda", "--impl", "scalar"), new PrintStream(new ByteArrayOutputStream())));
        assertEquals("bench gemm: --impl applies to --device cpu only", i.getMessage());
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
                () -> new GemmBench().run(List.of("--device", "cuda", "--tf32", "maybe"), new PrintStream(new ByteArrayOutputStream())));
        assertEquals("bench gemm: --tf32: unknown 'maybe' (expected off or on)", b.getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ElementwiseBench().run(List.of("--device", "cuda", "--threads", "2"), new PrintStream(new ByteArrayOutputStream())));
        assertEquals("bench elementwise: --threads applies to --device cpu only", e.getMessage());
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class,
                () -> new TrainMlpBench().run(List.of("--device", "cuda", "--first-steps"), new PrintStream(new ByteArrayOutputStream())));
        assertEquals("bench train-mlp: --first-steps applies to --device cpu only", m.getMessage());
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
                () -> new dev.weft.bench.train.TrainCnnBench().run(List.of("--device", "cuda"), new PrintStream(new ByteArrayOutputStream())));
        assertTrue(c.getMessage().startsWith("bench train-cnn: --device cuda:0 is not supported by this suite"), c.getMessage());
    }
}
