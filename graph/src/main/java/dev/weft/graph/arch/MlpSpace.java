package dev.weft.graph.arch;

import dev.weft.tensor.Generator;

import java.util.Arrays;

/**
 * A distribution over MLP architectures, the training set of a graph hypernetwork (GHN-2 trains over sampled
 * DeepNets-1M graphs; here the space is MLPs): depth L uniform in [minDepth, maxDepth] hidden layers, each hidden
 * width uniform over {@code widths}, then {@link ArchSpec#mlp}(flatten, in, widths, out, activation). Seeded: the
 * same generator state gives the same architecture.
 *
 * @param flatten whether each MLP starts with a Flatten
 * @param in input features, at least 1
 * @param out output features, at least 1
 * @param minDepth the fewest hidden layers, at least 0
 * @param maxDepth the most hidden layers, at least minDepth
 * @param widths the hidden widths to draw from, each at least 1
 * @param activation the activation after each hidden layer
 */
public record MlpSpace(boolean flatten, int in, int out, int minDepth, int maxDepth, int[] widths, OpType activation) {
    /** Checks the sizes and depths and copies the widths; throws IllegalArgumentException on a bad one. */
    public MlpSpace {
        if (in < 1 || out < 1) throw new IllegalArgumentException("MlpSpace: in=" + in + ", out=" + out + " must be >= 1");
        if (minDepth < 0 || maxDepth < minDepth) {
            throw new IllegalArgumentException("MlpSpace: depths [" + minDepth + ", " + maxDepth + "] must satisfy 0 <= min <= max");
        }
        if (widths == null || widths.length == 0 || Arrays.stream(widths).anyMatch(w -> w < 1)) {
            throw new IllegalArgumentException("MlpSpace: widths " + Arrays.toString(widths) + " must be a non-empty list of sizes >= 1");
        }
        if (activation == null || !activation.isActivation()) throw new IllegalArgumentException("MlpSpace: " + activation + " is not an activation");
        widths = widths.clone();
    }

    /** {@return a copy of the hidden widths to draw from} */
    @Override
    public int[] widths() {
        return widths.clone();
    }

    /**
     * One architecture drawn from {@code g}.
     *
     * @param g the generator
     * @return the drawn MLP spec
     */
    public ArchSpec sample(Generator g) {
        int depth = minDepth + uniform(g, maxDepth - minDepth + 1);
        int[] hidden = new int[depth];
        for (int i = 0; i < depth; i++) hidden[i] = widths[uniform(g, widths.length)];
        return ArchSpec.mlp(flatten, in, hidden, out, activation);
    }

    /**
     * The hidden widths of an MLP spec, in order (for naming an architecture: "784-64-32-10").
     *
     * @param spec the MLP spec
     * @return the input, hidden and output widths joined by '-'
     */
    public static String name(ArchSpec spec) {
        StringBuilder sb = new StringBuilder();
        for (LayerSpec l : spec.layers()) {
            if (l instanceof LayerSpec.Linear lin) {
                if (sb.isEmpty()) sb.append(lin.in());
                sb.append('-').append(lin.out());
            }
        }
        return sb.toString();
    }

    // uniform in [0, n): the top 53 bits of a 64-bit draw, scaled (bias below 2^-40 for the small n used here)
    private static int uniform(Generator g, int n) {
        return (int) (((g.nextLong() >>> 11) * 0x1.0p-53) * n);
    }
}
