package dev.weft.tensor.cpu;

import java.util.Map;

/**
 * The op layer's function enums (UnaryFn, BinaryFn, CompareFn) mapped onto the kernels' enums of the
 * same name, by ordinal lookup. The few that the kernels spell differently are listed where the
 * table is built; a function with no kernel fails when the table is built, naming both enums.
 */
final class KernelFns {
    private KernelFns() {}

    /** table[op.ordinal()] = the kernel constant named op.name() (or renamed.get(op.name())). */
    static <K extends Enum<K>> K[] table(Enum<?>[] ops, Class<K> kernel, Map<String, String> renamed) {
        @SuppressWarnings("unchecked")
        K[] out = (K[]) java.lang.reflect.Array.newInstance(kernel, ops.length);
        for (Enum<?> op : ops) {
            String name = renamed.getOrDefault(op.name(), op.name());
            try {
                out[op.ordinal()] = Enum.valueOf(kernel, name);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("cpu: " + op.getDeclaringClass().getSimpleName() + "." + op.name()
                        + " has no kernel " + kernel.getName() + "." + name, e);
            }
        }
        return out;
    }
}
