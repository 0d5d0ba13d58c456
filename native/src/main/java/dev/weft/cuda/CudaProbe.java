package dev.weft.cuda;

import dev.weft.cuda.ffm.CudaDriver;
import dev.weft.cuda.ffm.CudaStatus;
import dev.weft.cuda.ffm.NativeLibrary;

/**
 * Finds out, without side effects beyond cuInit, whether a CUDA driver and a device are present, and if
 * not, says why in one of three ways: the driver library was not found, it found no device
 * (CUDA_ERROR_NO_DEVICE), or the driver failed (any other CUresult, named). The CUDA backend loads only
 * when {@link #probe()} reports available.
 */
public final class CudaProbe {
    private CudaProbe() {}

    /** Why the backend is or is not available. */
    public enum Status {
        /** A driver and at least one device were found. */
        AVAILABLE,
        /** Turned off by -Dweft.cuda.disable=true; nothing was loaded. */
        DISABLED,
        /** The driver library (libcuda) could not be loaded. */
        LIBRARY_NOT_FOUND,
        /** The driver loaded but reported CUDA_ERROR_NO_DEVICE, or no device. */
        NO_DEVICE,
        /** The driver failed with another CUresult (named in the detail), or probing it threw. */
        DRIVER_ERROR
    }

    /**
     * The outcome: available with a device count, or the reason it is not.
     *
     * @param status available, or why not
     * @param deviceCount the devices found (0 unless available)
     * @param detail the driver library and its CUDA version, or the reason in words
     */
    public record Result(Status status, int deviceCount, String detail) {
        /** {@return true when a driver and at least one device were found} */
        public boolean available() {
            return status == Status.AVAILABLE;
        }

        @Override
        public String toString() {
            return available() ? "found: " + deviceCount + " device(s), " + detail : "not available: " + detail;
        }
    }

    private static final class Once {
        static final Result RESULT = probeNow();
    }

    /** {@return the probe's result, computed once per JVM (cuInit is process-wide)} */
    public static Result probe() {
        if (Boolean.getBoolean("weft.cuda.disable")) {
            return new Result(Status.DISABLED, 0, "disabled by -Dweft.cuda.disable=true");
        }
        return Once.RESULT;
    }

    private static Result probeNow() {
        NativeLibrary lib = CudaDriver.library();
        if (!lib.loaded()) return new Result(Status.LIBRARY_NOT_FOUND, 0, "library not found: " + lib.reason());
        try {
            CudaDriver cu = CudaDriver.get();
            int rc = cu.initStatus();
            if (rc != 0) return fromCode(lib, "cuInit", rc);
            int[] count = cu.deviceCountStatus();
            if (count[0] != 0) return fromCode(lib, "cuDeviceGetCount", count[0]);
            if (count[1] == 0) return new Result(Status.NO_DEVICE, 0, "no device: " + lib.loadedName() + " loaded, but it reports no CUDA device");
            return new Result(Status.AVAILABLE, count[1], "driver " + lib.loadedName() + " (CUDA " + version(cu.driverVersion()) + ")");
        } catch (RuntimeException e) {
            return new Result(Status.DRIVER_ERROR, 0, "driver error: " + lib.loadedName() + " loaded, but probing failed: " + e.getMessage());
        }
    }

    /** The Result for a failing CUresult: NO_DEVICE gets its own status, the rest are driver errors. */
    static Result fromCode(NativeLibrary lib, String call, int rc) {
        String named = call + " returned " + CudaStatus.cuResultName(rc) + " (" + rc + ")";
        if (rc == CudaStatus.CUDA_ERROR_NO_DEVICE) {
            return new Result(Status.NO_DEVICE, 0, "no device: " + lib.loadedName() + " loaded, but " + named
                    + " (no GPU, or the NVIDIA kernel module is not loaded)");
        }
        String hint = CudaStatus.cuResultHint(rc);
        return new Result(Status.DRIVER_ERROR, 0, "driver error: " + lib.loadedName() + " loaded, but " + named
                + (hint.isEmpty() ? "" : ": " + hint));
    }

    private static String version(int v) {
        return v / 1000 + "." + (v % 1000) / 10;
    }
}
