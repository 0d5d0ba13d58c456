package dev.weft.bench;

import dev.weft.tensor.Backends;
import dev.weft.tensor.core.Device;
import java.util.function.Function;

/**
 * A suite's {@code --device cpu|cuda|cuda:N} option (default cpu). {@link #require} checks that the device can
 * be used before anything is measured: without one it throws an IllegalArgumentException whose one line names
 * the suite, the device and the registry's reason (library not found, no device, driver error), which the CLI
 * prints without a stack trace and exits 2.
 */
public final class DeviceOption {
    private DeviceOption() {}

    /** The device the option names; cpu when it is absent. Errors name the suite and the bad value. */
    public static Device parse(String suite, BenchArgs args) {
        String v = args.get("device", "cpu");
        try {
            return Device.parse(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bench " + suite + ": --device: '" + v + "' is not a device (expected cpu, cuda or cuda:N)");
        }
    }

    /** Returns device when a backend can serve it, else throws the one-line error (see the class comment). */
    public static Device require(String suite, Device device) {
        return require(suite, device, DeviceOption::reason);
    }

    /** {@link #require} with the reason source given (tests pass a fake; "" means available). */
    static Device require(String suite, Device device, Function<Device, String> reasons) {
        if (device.kind() == Device.Kind.CPU) return device;
        String why = reasons.apply(device);
        if (why.isEmpty()) return device;
        throw new IllegalArgumentException("bench " + suite + ": --device " + device + " is not available: " + why);
    }

    /** "" when the tensor registry can serve the device, else why not (the backend provider's reason). */
    public static String reason(Device device) {
        if (Backends.isAvailable(device)) return "";
        String kind = device.kind().name().toLowerCase(java.util.Locale.ROOT) + ":";
        for (String l : Backends.describe()) {
            if (!l.startsWith(kind)) continue;
            String why = l.substring(kind.length()).strip();   // "unavailable (REASON)"
            return why.startsWith("unavailable (") && why.endsWith(")") ? why.substring(13, why.length() - 1) : why;
        }
        return "no backend for " + device;
    }
}
