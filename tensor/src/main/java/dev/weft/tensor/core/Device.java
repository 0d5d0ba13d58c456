package dev.weft.tensor.core;


/**
 * Where a tensor's storage lives: the CPU, or a CUDA device by index.
 * Printed as "cpu" or "cuda:0"; {@link #parse} reads the same forms.
 *
 * @param kind the kind
 * @param index the CUDA device index (0 for the first GPU)
 */
public record Device(Kind kind, int index) {
    /** Device families a backend can serve. */
    public enum Kind {
        /** The host CPU. */
        CPU,
        /** An NVIDIA GPU through the CUDA driver. */
        CUDA
    }

    /** The one CPU device. */
    public static final Device CPU = new Device(Kind.CPU, 0);

    /** Checks the kind is given and the index is valid: at least 0, and 0 for the CPU. */
    public Device {
        java.util.Objects.requireNonNull(kind, "kind");
        if (index < 0) throw new IllegalArgumentException("Device: index must be >= 0, got " + index);
        if (kind == Kind.CPU && index != 0) throw new IllegalArgumentException("Device: cpu has index 0 only, got " + index);
    }

    /**
     * CUDA device {@code index}.
     *
     * @param index the CUDA device index (0 for the first GPU)
     * @return the device
     */
    public static Device cuda(int index) {
        return new Device(Kind.CUDA, index);
    }

    /**
     * Parses "cpu", "cuda" (index 0) or "cuda:N".
     *
     * @param s the text
     * @return the device named
     */
    public static Device parse(String s) {
        String t = s.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("cpu")) return CPU;
        if (t.equals("cuda")) return cuda(0);
        if (t.startsWith("cuda:")) {
            try {
                return cuda(Integer.parseInt(t.substring(5)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Device.parse: bad device index in '" + s + "'");
            }
        }
        throw new IllegalArgumentException("Device.parse: unknown device '" + s + "' (expected cpu, cuda or cuda:N)");
    }

    @Override
    public String toString() {
        return kind == Kind.CPU ? "cpu" : "cuda:" + index;
    }
}
