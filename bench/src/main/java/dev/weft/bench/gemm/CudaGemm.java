package dev.weft.bench.gemm;

import dev.weft.bench.cuda.CudaLines;
import dev.weft.bench.cuda.DeviceTimer;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Device;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * {@code weft bench gemm --device cuda}: square SGEMM/DGEMM through the tensor API on the device (a.matmul(b),
 * cuBLAS behind it), operands resident on the device, each result closed at once so its block returns to the
 * caching allocator for the next call. F32 runs once with TF32 off (exact FP32) and once on, as separate lines.
 * Timed by {@link DeviceTimer} (synchronized batches, median of samples).
 */
final class CudaGemm {
    private CudaGemm() {}

    static void run(Device device, int[] sizes, List<String> dtypes, List<Boolean> tf32s, int samples, boolean json, PrintStream out) {
        DeviceTimer timer = new DeviceTimer(device);
        String name = timer.backend().deviceName();
        boolean oldTf32 = timer.backend().tf32();
        if (!json) {
            out.printf(Locale.ROOT, "device %s (%s)%n", device, name);
            out.printf(Locale.ROOT, "%-5s %-5s %6s %10s %9s%n", "dtype", "tf32", "n", "ms/call", "GFLOP/s");
        }
        try {
            for (String d : dtypes) {
                DType dtype = d.equals("f64") ? DType.F64 : DType.F32;
                for (boolean tf32 : d.equals("f64") ? List.of(false) : tf32s) {
                    timer.backend().setTf32(tf32);
                    for (int n : sizes) {
                        Tensor a = Tensor.rand(new Generator(2), dtype, n, n).to(device);
                        Tensor b = Tensor.rand(new Generator(3), dtype, n, n).to(device);
                        double sec = timer.medianSeconds(() -> a.matmul(b).close(), samples);
                        double g = 2.0 * n * n * n / sec / 1e9;
                        if (json) out.println(CudaLines.gemm(device, name, d, n, tf32, g));
                        else out.printf(Locale.ROOT, "%-5s %-5s %6d %10.3f %9.1f%n", d, tf32 ? "on" : "off", n, sec * 1e3, g);
                        a.close();
                        b.close();
                    }
                }
            }
        } finally {
            timer.backend().setTf32(oldTf32);
        }
    }
}
