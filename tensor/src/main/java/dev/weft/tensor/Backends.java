package dev.weft.tensor;

import dev.weft.tensor.backend.Backend;
import dev.weft.tensor.backend.BackendProvider;


import dev.weft.tensor.core.Device;
import dev.weft.tensor.cpu.CpuBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The backend registry: the CPU backend always, others from {@link BackendProvider}s found by
 * ServiceLoader on first use. {@link #forDevice} errors name the device and why it has no backend.
 */
public final class Backends {
    private Backends() {}

    private static final Map<Device, Backend> BY_DEVICE = new ConcurrentHashMap<>();

    private static final class Providers {
        static final List<BackendProvider> ALL = load();

        private static List<BackendProvider> load() {
            List<BackendProvider> out = new ArrayList<>();
            for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) out.add(p);
            return List.copyOf(out);
        }
    }

    /**
     * {@return the backend for a device; an error naming the device and the reason when none can serve it}
     *
     * @param device the device
     */
    public static Backend forDevice(Device device) {
        if (device.kind() == Device.Kind.CPU) return CpuBackend.INSTANCE;
        Backend b = BY_DEVICE.get(device);
        if (b != null) return b;
        return BY_DEVICE.computeIfAbsent(device, Backends::create);
    }

    private static Backend create(Device device) {
        List<String> reasons = new ArrayList<>();
        for (BackendProvider p : Providers.ALL) {
            if (p.kind() != device.kind()) continue;
            if (p.available()) return p.create(device);
            reasons.add(p.getClass().getSimpleName() + ": " + p.unavailableReason());
        }
        String why = reasons.isEmpty() ? "no backend provider for " + device.kind() + " is on the class path (add weft-native)"
                : String.join("; ", reasons);
        throw new IllegalStateException("device " + device + " is not available: " + why);
    }

    /**
     * {@return true if {@link #forDevice} would succeed for this device}
     *
     * @param device the device
     */
    public static boolean isAvailable(Device device) {
        if (device.kind() == Device.Kind.CPU) return true;
        try {
            forDevice(device);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** {@return one line per backend kind: "cpu: available" or "cuda: unavailable (reason)"} */
    public static List<String> describe() {
        List<String> out = new ArrayList<>();
        out.add("cpu: available (" + dev.weft.kernels.KernelImpl.describe() + ", "
                + dev.weft.kernels.Parallel.threads() + " threads)");
        for (BackendProvider p : Providers.ALL) {
            String k = p.kind().name().toLowerCase(java.util.Locale.ROOT);
            out.add(p.available() ? k + ": available (" + p.getClass().getSimpleName() + ")"
                    : k + ": unavailable (" + p.unavailableReason() + ")");
        }
        if (Providers.ALL.stream().noneMatch(p -> p.kind() == Device.Kind.CUDA)) {
            out.add("cuda: unavailable (no backend provider on the class path)");
        }
        return out;
    }
}
