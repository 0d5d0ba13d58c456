package dev.weft.cuda.kernel;

import java.util.List;

/**
 * The NVRTC options for one target: PTX for a virtual architecture compute_XY (the driver JITs it for the
 * device, so a newer GPU runs it too), C++17, fused multiply-add on (as the CPU kernels' fma), no fast-math
 * (exact division, sqrt and denormals, so results stay within the conformance tolerances of the CPU).
 */
public record NvrtcOptions(int major, int minor) {
    public NvrtcOptions {
        if (major < 5 || major > 12 || minor < 0 || minor > 9) {
            throw new IllegalArgumentException("cuda: compute capability " + major + "." + minor + " is not one NVRTC targets");
        }
    }

    /** The options for a device's compute capability, e.g. (8, 0) for an A100, (9, 0) for an H100. */
    public static NvrtcOptions forCapability(int major, int minor) {
        return new NvrtcOptions(major, minor);
    }

    /** "compute_80". */
    public String architecture() {
        return "compute_" + major + minor;
    }

    /** {@return the option list handed to nvrtcCompileProgram, in a fixed order (it is part of the cache key)} */
    public List<String> options() {
        return List.of("--gpu-architecture=" + architecture(), "--std=c++17", "--fmad=true", "-DWEFT_NVRTC=1");
    }
}
