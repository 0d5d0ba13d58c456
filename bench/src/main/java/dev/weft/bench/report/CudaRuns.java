package dev.weft.bench.report;

import dev.weft.bench.JsonLine;
import dev.weft.bench.Stats;
import dev.weft.tensor.Backends;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The GPU side of the report, through the tensor API on a CUDA device (whatever backend serves it):
 * host&lt;-&gt;device copy bandwidth (suite transfer), device-to-device copy bandwidth (the elementwise limit,
 * {@code copy_gbps}), and the same GEMM and elementwise cases as the CPU suites, as {@code --json} lines with
 * impl cuda. Each timed call ends by reading one element back to the host, which waits for the device, so a
 * call's time includes the kernel and that one-element copy. GEMM lines carry no peak: the backend SPI
 * exposes no device attributes.
 */
final class CudaRuns {
    private CudaRuns() {}

    /** "" when a CUDA device can be used here, else the reason the tensor registry gives. */
    static String unavailableReason(Device dev) {
        if (Backends.isAvailable(dev)) return "";
        for (String l : Backends.describe()) {
            if (!l.startsWith("cuda:")) continue;
            String why = l.substring(5).strip();   // "unavailable (REASON)"
            return why.startsWith("unavailable (") && why.endsWith(")") ? why.substring(13, why.length() - 1) : why;
        }
        return "no CUDA backend";
    }

    static List<String> run(Device dev, int[] gemmSizes, List<String> dtypes, List<String> ops, int[] ewSizes, int transferN) {
        List<String> out = new ArrayList<>();
        String d = dev.toString();
        Tensor host = Tensor.rand(new Generator(1), transferN);
        Tensor onDev = host.to(dev);
        double bytes = 4.0 * transferN;
        out.add(JsonLine.of("transfer", "h2d", "cuda", 1, d).put("n", transferN).put("gbps", bytes / seconds(() -> host.to(dev).get(0)) / 1e9).toString());
        out.add(JsonLine.of("transfer", "d2h", "cuda", 1, d).put("n", transferN).put("gbps", bytes / seconds(() -> onDev.to(Device.CPU).get(0)) / 1e9).toString());
        double copy = 2 * bytes / seconds(() -> onDev.clone().get(0)) / 1e9;
        out.add(JsonLine.of("transfer", "d2d_copy", "cuda", 1, d).put("n", transferN).put("gbps", copy).toString());
        for (String dt : dtypes) {
            DType dtype = dt.equals("f64") ? DType.F64 : DType.F32;
            for (int n : gemmSizes) {
                Tensor a = Tensor.rand(new Generator(2), dtype, n, n).to(dev), b = Tensor.rand(new Generator(3), dtype, n, n).to(dev);
                double g = 2.0 * n * n * n / seconds(() -> a.matmul(b).get(0, 0)) / 1e9;
                out.add(JsonLine.of("gemm", "square", "cuda", 1, d).put("dtype", dt).put("m", n).put("n", n).put("k", n).put("gflops", g).toString());
            }
        }
        for (String op : ops) {
            for (int n : ewSizes) {
                Tensor a = Tensor.rand(new Generator(4), n).to(dev), b = Tensor.rand(new Generator(5), n).to(dev);
                Supplier<Tensor> call = switch (op) {
                    case "add" -> () -> a.add(b);
                    case "mul" -> () -> a.mul(b);
                    case "exp" -> a::exp;
                    default -> a::relu;
                };
                double moved = (op.equals("add") || op.equals("mul") ? 12.0 : 8.0) * n;
                double g = moved / seconds(() -> call.get().get(0)) / 1e9;
                out.add(JsonLine.of("elementwise", op, "cuda", 1, d).put("n", n).put("gbps", g).put("copy_gbps", copy).toString());
            }
        }
        return out;
    }

    /** Median seconds per call after about 0.2 s of warm-up (at least 3 calls), over at least 5 calls or 0.3 s. */
    private static double seconds(Runnable call) {
        long w = System.nanoTime();
        for (int i = 0; i < 3 || System.nanoTime() - w < 200_000_000L; i++) call.run();
        List<Double> s = new ArrayList<>();
        long start = System.nanoTime();
        while (s.size() < 5 || (System.nanoTime() - start < 300_000_000L && s.size() < 1000)) {
            long a = System.nanoTime();
            call.run();
            s.add((System.nanoTime() - a) / 1e9);
        }
        return Stats.median(s.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
