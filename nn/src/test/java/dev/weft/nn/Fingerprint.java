package dev.weft.nn;

import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One line per tensor of a module's state dict and of its outputs: name, dtype, shape and a 64-bit
 * FNV-1a hash of the exact value bits, so two constructions can be compared bit for bit and a
 * mismatch names the tensor. Used by {@link OptionsEquivalenceTest} against golden/options_reference_{256,512}.txt.
 */
public final class Fingerprint {
    private Fingerprint() {}

    /** F32 normal input from its own generator (never the default one). */
    public static Tensor input(long seed, int... shape) {
        return Tensor.randn(new Generator(seed), shape);
    }

    /** Lines "case | what | dtype shape | hash" for every state-dict entry, then each output. */
    public static List<String> of(String name, Module m, Map<String, Tensor> outputs) {
        List<String> lines = new ArrayList<>();
        m.stateDict().forEach((k, t) -> lines.add(line(name, "state." + k, t)));
        new java.util.TreeMap<>(outputs).forEach((k, t) -> lines.add(line(name, "out." + k, t)));
        return lines;
    }

    /** What a case runs on the module it built: its outputs by name. */
    public interface Run {
        Map<String, Tensor> apply(Module m);
    }

    /** forward(x) in training or eval mode. */
    public static Run forward(Tensor x, boolean train) {
        return m -> {
            m.train(train);
            return Map.of("y", m.forward(x));
        };
    }

    /** Two training steps (running statistics move) and one eval step. */
    public static Run trainTwiceThenEval(Tensor x) {
        return m -> {
            m.train(true);
            Tensor y1 = m.forward(x), y2 = m.forward(x.mul(2).add(1));
            m.eval();
            return Map.of("y1", y1, "y2", y2, "y3", m.forward(x));
        };
    }

    public static Run sequence(java.util.function.Function<Module, Map<String, Tensor>> body, boolean train) {
        return m -> {
            m.train(train);
            return body.apply(m);
        };
    }

    static String line(String name, String what, Tensor t) {
        if (t == null) return name + " | " + what + " | null";
        long h = 0xcbf29ce484222325L;
        for (double v : t.contiguous().toDoubleArray()) {
            long bits = Double.doubleToLongBits(v);
            for (int i = 0; i < 8; i++) {
                h ^= (bits >>> (8 * i)) & 0xff;
                h *= 0x100000001b3L;
            }
        }
        return name + " | " + what + " | " + t.dtype() + " " + Shape.format(t.shape()) + " | " + Long.toHexString(h);
    }
}
