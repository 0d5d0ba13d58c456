package dev.weft.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Which implementation a kernel facade runs: the scalar reference or the Vector API one.
 * The default is SIMD; {@code -Dweft.kernels=scalar|simd} forces a path for the whole JVM,
 * and {@link #set} changes it at run time (benchmarks, tests).
 */
public enum KernelImpl {
    /** The scalar reference kernels: plain loops, the bits every SIMD twin is tested against. */
    SCALAR,
    /** The Vector API kernels, at the preferred species width. */
    SIMD;

    private static volatile KernelImpl current = parse(System.getProperty("weft.kernels", "simd"));

    /** {@return the implementation facades use now} */
    public static KernelImpl current() {
        return current;
    }

    /**
     * Sets the implementation facades use from now on.
     *
     * @param impl the implementation to use
     */
    public static void set(KernelImpl impl) {
        current = java.util.Objects.requireNonNull(impl, "impl");
    }

    /**
     * Parses "scalar" or "simd" (case-insensitive); anything else is an error naming the value.
     *
     * @param s the text
     * @return the implementation named
     */
    public static KernelImpl parse(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "scalar" -> SCALAR;
            case "simd", "vector" -> SIMD;
            default -> throw new IllegalArgumentException(
                    "weft.kernels: unknown kernel implementation '" + s + "' (expected scalar or simd)");
        };
    }

    /** {@return the preferred float species, as the SIMD kernels use it} */
    public static VectorSpecies<Float> floatSpecies() {
        return FloatVector.SPECIES_PREFERRED;
    }

    /** {@return a one-line description: "SIMD 256-bit (8 x F32)" or "scalar"} */
    public static String describe() {
        VectorSpecies<Float> s = floatSpecies();
        return current == SCALAR ? "scalar (forced)" : "SIMD " + s.vectorBitSize() + "-bit (" + s.length() + " x F32)";
    }
}
