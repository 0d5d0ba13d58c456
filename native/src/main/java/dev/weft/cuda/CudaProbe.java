package dev.weft.cuda;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Finds out, without side effects beyond cuInit, whether a CUDA driver and a device are present,
 * and if not, says why. The CUDA backend loads only when {@link #probe()} reports available.
 */
public final class CudaProbe {
    private CudaProbe() {}

    /** The outcome: available with a device count, or the reason it is not. */
    public record Result(boolean available, int deviceCount, String detail) {
        @Override
        public String toString() {
            return available ? "found: " + deviceCount + " device(s), " + detail : "not available: " + detail;
        }
    }

    private static final String[] DRIVER_NAMES = {"libcuda.so.1", "libcuda.so"};

    /** Looks for the driver library, then asks it for devices (cuInit + cuDeviceGetCount). */
    public static Result probe() {
        if (Boolean.getBoolean("weft.cuda.disable")) {
            return new Result(false, 0, "disabled by -Dweft.cuda.disable=true");
        }
        Arena arena = Arena.global();
        SymbolLookup lib = null;
        String loaded = null;
        StringBuilder errors = new StringBuilder();
        for (String name : DRIVER_NAMES) {
            try {
                lib = SymbolLookup.libraryLookup(name, arena);
                loaded = name;
                break;
            } catch (IllegalArgumentException e) {
                if (errors.length() > 0) errors.append("; ");
                errors.append(name).append(" not found");
            }
        }
        if (lib == null) {
            return new Result(false, 0, "no CUDA driver library (" + errors + " on the library path)");
        }
        try {
            Linker linker = Linker.nativeLinker();
            MethodHandle cuInit = linker.downcallHandle(lib.find("cuInit").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
            int rc = (int) cuInit.invokeExact(0);
            if (rc != 0) return new Result(false, 0, loaded + " loaded, but cuInit returned CUresult " + rc);
            MethodHandle count = linker.downcallHandle(lib.find("cuDeviceGetCount").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
            try (Arena local = Arena.ofConfined()) {
                MemorySegment out = local.allocate(ValueLayout.JAVA_INT);
                rc = (int) count.invokeExact(out);
                if (rc != 0) return new Result(false, 0, "cuDeviceGetCount returned CUresult " + rc);
                int n = out.get(ValueLayout.JAVA_INT, 0);
                if (n == 0) return new Result(false, 0, loaded + " loaded, but it reports no CUDA device");
                return new Result(true, n, "driver " + loaded);
            }
        } catch (Throwable t) {
            return new Result(false, 0, loaded + " loaded, but probing failed: " + t);
        }
    }
}
