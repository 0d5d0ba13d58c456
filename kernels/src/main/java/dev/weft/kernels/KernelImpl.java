package dev.weft.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Which implementation a kernel facade runs: the scalar reference or the Vector API one.
 * The default is SIMD; {@code -Dweft.kernels=scalar|simd} forces a path for the whole JVM,
 * and {@link #set} changes it at run time (benchmarks, tests).
 *
 * <p>When {@code jdk.incubator.vector} is not in the boot layer ({@link VectorModule#present()}
 * false: a class-path launch without {@code --add-modules jdk.incubator.vector}) the path is
 * {@code SCALAR} whatever the property says, one warning naming the flag goes to stderr (through
 * {@link System.Logger}), and no SIMD class is ever loaded; {@code set(SIMD)} is then an error.
 */
public enum KernelImpl {
    /** The scalar reference kernels: plain loops, the bits every SIMD twin is tested against. */
    SCALAR,
    /** The Vector API kernels, at the preferred species width. */
    SIMD;

    private static volatile KernelImpl current = initial();

    private static KernelImpl initial() {
        KernelImpl asked = parse(System.getProperty("weft.kernels", "simd"));
        if (VectorModule.present()) return asked;
        VectorModule.warnMissing();
        return SCALAR;
    }

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
        java.util.Objects.requireNonNull(impl, "impl");
        if (impl == SIMD && !VectorModule.present()) throw new IllegalStateException("KernelImpl.set(SIMD): " + VectorModule.MISSING);
        current = impl;
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

    /** {@return the preferred float species, as the SIMD kernels use it}; an error without the Vector API module */
    public static VectorSpecies<Float> floatSpecies() {
        if (!VectorModule.present()) throw new IllegalStateException("KernelImpl.floatSpecies: " + VectorModule.MISSING);
        return FloatVector.SPECIES_PREFERRED;
    }

    /** {@return a one-line description: "SIMD 256-bit (8 x F32)" or "scalar"} */
    public static String describe() {
        if (!VectorModule.present()) return "scalar (no " + VectorModule.NAME + "; add --add-modules " + VectorModule.NAME + ")";
        if (current == SCALAR) return "scalar (forced)";
        VectorSpecies<Float> s = floatSpecies();
        return "SIMD " + s.vectorBitSize() + "-bit (" + s.length() + " x F32)";
    }
}
