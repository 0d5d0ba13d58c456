package dev.weft.kernels;

/**
 * Whether the Vector API module ({@code jdk.incubator.vector}) is in the boot layer, decided once,
 * before any SIMD class loads. On the module path {@code dev.weft.kernels} requires it, so it is
 * always there; on the class path it is there only with {@code --add-modules jdk.incubator.vector}
 * (an incubator module is never resolved by default). Without it every facade runs the scalar
 * reference kernels ({@link KernelImpl#current()} is {@code SCALAR}) and one warning on stderr
 * names the flag.
 *
 * <p>This class must not mention any {@code jdk.incubator.vector} type: it is what runs when they
 * cannot load.
 */
public final class VectorModule {
    private VectorModule() {}

    /** The module's name, as {@code --add-modules} takes it. */
    public static final String NAME = "jdk.incubator.vector";

    /** The warning logged once when the module is missing (also the message of errors about it). */
    public static final String MISSING = "Weft: the Vector API module " + NAME + " is not in this JVM's boot layer, "
            + "so Weft runs its scalar kernels (the same results up to float rounding, slower); start java with --add-modules " + NAME
            + " for the SIMD kernels";

    private static final boolean PRESENT = ModuleLayer.boot().findModule(NAME).isPresent();

    /** {@return whether {@code jdk.incubator.vector} is in this JVM's boot layer, so the SIMD kernels can run} */
    public static boolean present() {
        return PRESENT;
    }

    /** Logs {@link #MISSING} once per JVM (called by {@link KernelImpl}'s initializer only). */
    static void warnMissing() {
        System.getLogger("dev.weft.kernels").log(System.Logger.Level.WARNING, MISSING);
    }
}
