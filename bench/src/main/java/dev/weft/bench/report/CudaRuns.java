package dev.weft.bench.report;

import dev.weft.bench.JsonLine;
import dev.weft.bench.Stats;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Device;
import java.util.ArrayList;
import java.util.List;

/**
 * What the report measures on a CUDA device beside the suites' own {@code --device cuda} runs: the
 * host-to-device and device-to-host copy bandwidth (suite transfer, cases h2d and d2h), which the GPU's
 * crossover counts. Each timed copy ends by reading one element on the host, which waits for the device.
 */
final class CudaRuns {
    private CudaRuns() {}

    /** The h2d and d2h lines for n floats on dev. */
    static List<String> transfers(Device dev, int n) {
        List<String> out = new ArrayList<>();
        String d = dev.toString();
        double bytes = 4.0 * n;
        try (Tensor host = Tensor.rand(new Generator(1), n); Tensor onDev = host.to(dev)) {
            out.add(JsonLine.of("transfer", "h2d", "cuda", 1, d).put("n", n)
                    .put("gbps", bytes / seconds(() -> {
                        try (Tensor t = host.to(dev)) {
                            t.get(0);
                        }
                    }) / 1e9).toString());
            out.add(JsonLine.of("transfer", "d2h", "cuda", 1, d).put("n", n)
                    .put("gbps", bytes / seconds(() -> onDev.to(Device.CPU).get(0)) / 1e9).toString());
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
