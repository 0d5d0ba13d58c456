package dev.weft.bench.elementwise;

import dev.weft.bench.cuda.CudaLines;
import dev.weft.bench.cuda.DeviceTimer;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Device;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code weft bench elementwise --device cuda}: GB/s of add, mul, exp and relu on device-resident floats
 * through the tensor API, beside the bandwidth reference measured first in the same run: a device-to-device
 * copy of the largest size (x.clone(), 8 bytes moved per element). Each result is closed at once, so its block
 * returns to the caching allocator for the next call. Timed by {@link DeviceTimer}.
 */
final class CudaElementwise {
    private CudaElementwise() {}

    static void run(Device device, int[] sizes, List<String> ops, int samples, boolean json, PrintStream out) {
        DeviceTimer timer = new DeviceTimer(device);
        String name = timer.backend().deviceName();
        int big = 0;
        for (int n : sizes) big = Math.max(big, n);
        Tensor src = Tensor.rand(new Generator(1), big).to(device);
        double copy = 8.0 * big / timer.medianSeconds(() -> src.clone().close(), samples) / 1e9;
        src.close();
        if (json) {
            out.println(CudaLines.copy(device, name, big, copy));
        } else {
            out.printf(Locale.ROOT, "device %s (%s): device-to-device copy of %d floats: %.1f GB/s%n", device, name, big, copy);
            out.printf(Locale.ROOT, "%-5s %10s %10s %8s %7s%n", "op", "n", "us/call", "GB/s", "% copy");
        }
        for (String op : ops) {
            for (int n : sizes) {
                Tensor a = Tensor.rand(new Generator(4), n).sub(0.5).to(device), b = Tensor.rand(new Generator(5), n).to(device);
                Supplier<Tensor> call = switch (op) {
                    case "add" -> () -> a.add(b);
                    case "mul" -> () -> a.mul(b);
                    case "exp" -> a::exp;
                    default -> a::relu;
                };
                double bytes = (op.equals("add") || op.equals("mul") ? 12.0 : 8.0) * n;
                double sec = timer.medianSeconds(() -> call.get().close(), samples);
                double g = bytes / sec / 1e9;
                if (json) out.println(CudaLines.elementwise(device, name, op, n, g, copy));
                else out.printf(Locale.ROOT, "%-5s %10d %10.2f %8.1f %6.0f%%%n", op, n, sec * 1e6, g, 100 * g / copy);
                a.close();
                b.close();
            }
        }
    }
}
