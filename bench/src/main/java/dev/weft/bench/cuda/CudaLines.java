package dev.weft.bench.cuda;

import dev.weft.bench.JsonLine;
import dev.weft.tensor.core.Device;

/**
 * The {@code --json} lines of the {@code --device cuda} runs (impl "cuda", threads 1: one host thread queues
 * the work). GEMM lines carry {@code tf32} (F32 only may use it; F64 lines say false) and no peak: the device's
 * FLOP limit is not known here, the comparison is torch.mm on the same GPU (bench/peers/gemm.py --device cuda).
 * Elementwise lines carry the device-to-device copy bandwidth measured in the same run ({@code copy_gbps}) and
 * the fraction of it reached ({@code pct_copy}), the device's practical memory limit.
 */
public final class CudaLines {
    private CudaLines() {}

    /** SGEMM/DGEMM of square n: GFLOP/s = 2 n^3 / median seconds / 1e9. */
    public static JsonLine gemm(Device device, String deviceName, String dtype, int n, boolean tf32, double gflops) {
        return JsonLine.of("gemm", "square", "cuda", 1, device.toString()).put("device_name", deviceName)
                .put("dtype", dtype).put("m", n).put("n", n).put("k", n).put("trans_a", false).put("trans_b", false)
                .put("tf32", tf32).put("gflops", gflops);
    }

    /** The bandwidth reference: a device-to-device copy of n floats (bytes read + written = 8n). */
    public static JsonLine copy(Device device, String deviceName, int n, double gbps) {
        return JsonLine.of("elementwise", "d2d_copy", "cuda", 1, device.toString()).put("device_name", deviceName)
                .put("n", n).put("gbps", gbps).put("copy_gbps", gbps).put("pct_copy", 100.0);
    }

    /** One elementwise op on n floats at gbps, beside the copy bandwidth copyGbps. */
    public static JsonLine elementwise(Device device, String deviceName, String op, int n, double gbps, double copyGbps) {
        return JsonLine.of("elementwise", op, "cuda", 1, device.toString()).put("device_name", deviceName)
                .put("n", n).put("gbps", gbps).put("copy_gbps", copyGbps).put("pct_copy", 100 * gbps / copyGbps);
    }
}
